/** One click: this week's summary as an Excel file (the popup's 导出本周汇总). */
import type { CaseLintDb } from '../db/database';
import type { Pack } from '../../rules/pack';
import { weeklyReport } from './aggregate';
import { reportXlsx } from './export';
import { loadRange } from './load';
import { previous, weekPeriod } from './period';
import { weeklyDoc } from './sheets';

export async function thisWeekXlsx(db: CaseLintDb, pack: Pack, unit: string | null, now = Date.now()): Promise<{ name: string; data: ArrayBuffer }> {
  const week = weekPeriod(now);
  const data = await loadRange(db, previous(week).start, week.end);
  const doc = weeklyDoc(weeklyReport(data, week), pack, unit);
  return { name: `CaseLint-执法问题周结-${week.label}.xlsx`, data: await reportXlsx(doc) };
}
