/**
 * The default pack (../shared/domain/guideline.md): pack metadata plus one JSON file of rules per
 * category, assembled in the guideline's order. An explicit list, so nothing is picked up by accident.
 */
import { parsePack, type Pack } from '../../pack';
import meta from './pack.json';
import acceptance from './rules/acceptance.json';
import admPenalty from './rules/adm-penalty.json';
import admQuestioning from './rules/adm-questioning.json';
import arrest from './rules/arrest.json';
import bail from './rules/bail.json';
import detention from './rules/detention.json';
import identity from './rules/identity.json';
import interrogation from './rules/interrogation.json';
import seizure from './rules/seizure.json';
import summons from './rules/summons.json';
import surveillance from './rules/surveillance.json';

/** The pack as data (what `export` writes and `import` reads). */
export const defaultPackData = {
  ...meta,
  rules: [
    ...acceptance,
    ...summons,
    ...detention,
    ...arrest,
    ...bail,
    ...surveillance,
    ...interrogation,
    ...seizure,
    ...identity,
    ...admQuestioning,
    ...admPenalty,
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
