/**
 * The default pack (../shared/domain/guideline.md): pack metadata plus one JSON file per rule, in a
 * folder per category (`<category>/<rule id>.json`), assembled in the guideline's order. An explicit
 * list, so nothing is picked up by accident; test/unit/pack-files.test.ts checks that every file is
 * in it and every rule in its category's folder.
 */
import { parsePack, type Pack } from '../../pack';
import meta from './pack.json';
import caseReceiptServed from './acceptance/case-receipt-served.json';
import caseRefusalNotice3d from './acceptance/case-refusal-notice-3d.json';
import caseTransfer24h from './acceptance/case-transfer-24h.json';
import caseFilingReviewPeriod from './acceptance/case-filing-review-period.json';
import admLimitation6m from './acceptance/adm-limitation-6m.json';
import crimSummons12h from './summons/crim-summons-12h.json';
import detentionWarrant from './detention/detention-warrant.json';
import detentionCustody24h from './detention/detention-custody-24h.json';
import detentionFamilyNotice24h from './detention/detention-family-notice-24h.json';
import detentionInterrogation24h from './detention/detention-interrogation-24h.json';
import detentionArrestRequestDeadline from './detention/detention-arrest-request-deadline.json';
import arrestFamilyNotice24h from './arrest/arrest-family-notice-24h.json';
import arrestInterrogation24h from './arrest/arrest-interrogation-24h.json';
import bailMax12m from './bail/bail-max-12m.json';
import bailSingleGuarantee from './bail/bail-single-guarantee.json';
import bailDepositMinimum from './bail/bail-deposit-minimum.json';
import bailMinorPrefersGuarantor from './bail/bail-minor-prefers-guarantor.json';
import bailObligationsNotice from './bail/bail-obligations-notice.json';
import surveillanceMax6m from './surveillance/surveillance-max-6m.json';
import surveillanceFamilyNotice24h from './surveillance/surveillance-family-notice-24h.json';
import surveillancePlace from './surveillance/surveillance-place.json';
import interrogationTwoOfficers from './interrogation/interrogation-two-officers.json';
import interrogationVenue from './interrogation/interrogation-venue.json';
import interrogationRightsNotice from './interrogation/interrogation-rights-notice.json';
import interrogationAvRecording from './interrogation/interrogation-av-recording.json';
import minorAdultPresent from './interrogation/minor-adult-present.json';
import minorFemaleStaff from './interrogation/minor-female-staff.json';
import seizureTwoOfficers from './seizure/seizure-two-officers.json';
import seizureWitness from './seizure/seizure-witness.json';
import seizureListCopies from './seizure/seizure-list-copies.json';
import admSeizure30d from './seizure/adm-seizure-30d.json';
import idNumberValid from './identity/id-number-valid.json';
import admQuestioningDuration from './adm-questioning/adm-questioning-duration.json';
import admSummonsFamilyNotice from './adm-questioning/adm-summons-family-notice.json';
import admTwoOfficers from './adm-questioning/adm-two-officers.json';
import admMinorGuardian from './adm-questioning/adm-minor-guardian.json';
import admPriorNotice from './adm-penalty/adm-prior-notice.json';
import admHearingNotice from './adm-penalty/adm-hearing-notice.json';
import admCaseDeadline from './adm-penalty/adm-case-deadline.json';
import admOnTheSpotLimit from './adm-penalty/adm-on-the-spot-limit.json';
import admServiceDeadline from './adm-penalty/adm-service-deadline.json';
import admDetentionDays from './adm-penalty/adm-detention-days.json';
import admDetentionExemption from './adm-penalty/adm-detention-exemption.json';
import admStationAuthority from './adm-penalty/adm-station-authority.json';
import admDecisionBasis from './adm-penalty/adm-decision-basis.json';

/** The pack as data (what `export` writes and `import` reads). */
export const defaultPackData = {
  ...meta,
  rules: [
    caseReceiptServed,
    caseRefusalNotice3d,
    caseTransfer24h,
    caseFilingReviewPeriod,
    admLimitation6m,
    crimSummons12h,
    detentionWarrant,
    detentionCustody24h,
    detentionFamilyNotice24h,
    detentionInterrogation24h,
    detentionArrestRequestDeadline,
    arrestFamilyNotice24h,
    arrestInterrogation24h,
    bailMax12m,
    bailSingleGuarantee,
    bailDepositMinimum,
    bailMinorPrefersGuarantor,
    bailObligationsNotice,
    surveillanceMax6m,
    surveillanceFamilyNotice24h,
    surveillancePlace,
    interrogationTwoOfficers,
    interrogationVenue,
    interrogationRightsNotice,
    interrogationAvRecording,
    minorAdultPresent,
    minorFemaleStaff,
    seizureTwoOfficers,
    seizureWitness,
    seizureListCopies,
    admSeizure30d,
    idNumberValid,
    admQuestioningDuration,
    admSummonsFamilyNotice,
    admTwoOfficers,
    admMinorGuardian,
    admPriorNotice,
    admHearingNotice,
    admCaseDeadline,
    admOnTheSpotLimit,
    admServiceDeadline,
    admDetentionDays,
    admDetentionExemption,
    admStationAuthority,
    admDecisionBasis,
  ],
};

/**
 * The default pack. It is validated by the test suite (test/unit/pack-validation.test.ts: parsing
 * it gives it back unchanged), not at run time: in a case page, whose scripts may have changed
 * Object.prototype or other built-ins the schema library uses, validating it could only fail.
 */
export function defaultPack(): Pack {
  return defaultPackData as unknown as Pack;
}

/** The default pack run through the schema, for the test that it is valid as it stands. */
export function validatedDefaultPack(): Pack {
  return parsePack(defaultPackData);
}
