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

let cached: Pack | undefined;

/** The validated default pack. */
export function defaultPack(): Pack {
  return (cached ??= parsePack(defaultPackData));
}
