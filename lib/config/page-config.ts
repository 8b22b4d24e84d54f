/**
 * What the worker hands a case page's content script (#17.9): whether CaseLint runs on the page's
 * origin, the language and role, the pack without its examples and prose, the rule overrides, the
 * site profiles and the holiday calendar as date lists. The content script thus carries no pack, no
 * schema and no holiday data of its own, and every frame of a case page loads less.
 */
import { keysOf } from '../../rules/periods/calendar';
import type { CalendarFile } from '../../rules/periods/calendar-file';
import { runtimePack } from '../../rules/runtime-pack';
import type { PageConfig } from '../messaging/protocol';
import { isActiveOn, type EffectiveConfig } from './effective';

/**
 * The configuration of a page of any origin: what does not depend on the origin (the stripped pack,
 * the calendar as date lists) is made once per configuration, not for every frame that asks.
 */
export function pageConfigs(config: EffectiveConfig, calendars: readonly CalendarFile[]): (origin: string) => PageConfig {
  const shared: Omit<PageConfig, 'active'> = {
    locale: config.settings.locale,
    role: config.settings.role,
    pack: runtimePack(config.pack),
    ruleOverrides: config.ruleOverrides,
    profiles: config.profiles,
    calendars: calendars.map((c) => ({ holidays: keysOf(c.holidays), workdays: keysOf(c.workdays), ...(c.years ? { years: c.years } : {}) })),
  };
  return (origin) => ({ active: isActiveOn(config, origin), ...shared });
}
