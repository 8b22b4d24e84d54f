/**
 * How real case systems vary the labels of fields.md (#18.1) — data, not code. The page reader
 * (lib/page/labels.ts) tries a label as written first; only when that fails, a variant made with
 * this vocabulary, and only when exactly one field answers to it.
 */

/**
 * Words that name the measure or the kind of case before a label (刑事拘留时间, 治安传唤到案时间):
 * they say what the form already says, so the label is matched without them as well.
 */
export const LABEL_PREFIXES: readonly string[] = ['刑事', '行政', '治安', '执行', '本次', '实际', '犯罪嫌疑人', '违法嫌疑人'];

/**
 * Phrases that mean the same in a label, each group's first the one fields.md uses: 家属通知 ↔
 * 通知家属, 提请逮捕 ↔ 提请批准逮捕, 送看守所羁押 ↔ 送看守所. Longer phrases first within a group.
 */
export const LABEL_SYNONYMS: readonly (readonly string[])[] = [
  ['通知家属', '家属通知', '通知被拘留人家属', '通知其家属', '通知亲属', '亲属通知'],
  ['提请批准逮捕', '提请逮捕', '提捕', '报请批准逮捕', '报捕'],
  ['送看守所', '送看守所羁押', '送所羁押', '送押看守所', '交付看守所羁押', '交付羁押'],
  ['第一次讯问', '第一次审讯', '首次审讯', '初次讯问'],
  ['取保候审', '取保'],
  ['监视居住', '监居'],
  ['开始日期', '起始日期', '起始时间', '开始时间', '起日'],
  ['截止日期', '终止日期', '结束日期', '届满日期', '止日'],
  ['罚款金额', '罚款数额', '罚金数额'],
  ['身份证号码', '身份证件号码', '居民身份证号码', '公民身份证号码'],
];

/** Endings that make a label a time: one may stand for another (送押时间 / 送押日期 / 送押时刻). */
export const TIME_SUFFIXES: readonly string[] = ['时间', '日期', '时刻'];

/** The shortest stem a variant may leave (a label reduced to 时间 or 人 names nothing). */
export const MIN_STEM = 2;

/**
 * Words that end a section's title without adding to what its labels mean (通知家属情况, 拘留执行信息):
 * a generic label under such a section is matched with the title without them.
 */
export const SECTION_ENDINGS: readonly string[] = ['情况', '信息', '记录', '登记', '审批表', '表', '栏', '部分'];

/** The longest label that a section's title may complete (执行时间, 通知时间, 开始日期): longer ones stand alone. */
export const MAX_GENERIC_LABEL = 6;
