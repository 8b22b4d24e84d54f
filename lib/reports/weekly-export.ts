/** One click: this week's summary as an Excel file (the popup's 导出本周汇总). */
import type { CaseLintDb } from '../db/database';
import type { Pack } from '../../rules/pack';
import { exportFileName } from '../exports/file-name';
import { docXlsx } from '../exports/xlsx';
import { weeklyReport } from './aggregate';
import { loadRange } from './load';
import { previous, weekPeriod } from './period';
import { weeklyDoc } from './sheets';
import type { Locale } from '../i18n/tr';

export async function thisWeekXlsx(db: CaseLintDb, pack: Pack, unit: string | null, locale: Locale = 'zh-CN', now = Date.now()): Promise<{ name: string; data: ArrayBuffer }> {
  const week = weekPeriod(now);
  const data = await loadRange(db, previous(week).start, week.end);
  const doc = weeklyDoc(weeklyReport(data, week), pack, unit, locale);
  return { name: exportFileName({ unit, report: doc.title, period: doc.period }, 'xlsx'), data: await docXlsx(doc) };
}
