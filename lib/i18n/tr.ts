/**
 * The two locales of every page CaseLint draws (ui.md: zh-CN first, English a full second locale).
 * Each string is written in both, side by side, where it is used: `tr('已确认', 'Confirmed')`.
 * Record data — case numbers, names, units, the logged message, statute citations — keeps its own
 * language; where it is Chinese inside an English page it is marked `lang="zh-CN"`.
 */
import type { Locale } from '../../rules/format';

export type { Locale };
export type Tr = (zh: string, en: string) => string;

export const trFor = (locale: Locale): Tr => (locale === 'en' ? (_zh, en) => en : (zh) => zh);
/** The record's language: reports, exports and the hub default to it. */
export const zhTr: Tr = trFor('zh-CN');

/** A bilingual label table: `{ open: ['待处理', 'Open'] }` → the label in a locale. */
export type Labels<K extends string> = Readonly<Record<K, readonly [zh: string, en: string]>>;
