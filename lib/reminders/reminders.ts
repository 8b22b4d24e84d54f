/**
 * Report reminders (off by default): on the morning of each day, each Monday and each month's
 * first day, a notification says which report is ready. Times are Beijing time.
 */
import { zhTr, type Tr } from '../i18n/tr';
import { DAY, HOUR, instantToWall, startOfDay, wallToInstant } from '../../rules/periods/time';

export const REMINDER_ALARM = 'caselint-report-reminder';
/** 08:30 Beijing time. */
export const REMINDER_MINUTES = 8 * 60 + 30;

/** The next 08:30 Beijing time strictly after `now` (epoch ms). */
export function nextReminderAt(now: number): number {
  const wallNow = instantToWall(now);
  let at = startOfDay(wallNow) + REMINDER_MINUTES * 60_000;
  if (at <= wallNow) at += DAY;
  return wallToInstant(at);
}

/** What is ready on the morning of `now`: the daily list, and on Mondays the week, on the 1st the month. */
export function reminderFor(now: number, tr: Tr = zhTr): { title: string; message: string; reports: ('daily' | 'weekly' | 'monthly')[] } {
  const d = new Date(instantToWall(now) + 0 * HOUR);
  const reports: ('daily' | 'weekly' | 'monthly')[] = ['daily'];
  if (d.getUTCDay() === 1) reports.push('weekly');
  if (d.getUTCDate() === 1) reports.push('monthly');
  const names = { daily: tr('日清', 'the daily list'), weekly: tr('周结', 'the weekly report'), monthly: tr('月通报', 'the monthly bulletin') };
  return {
    title: tr('CaseLint 执法报告已就绪', 'CaseLint reports are ready'),
    message: tr(`今日可查看：${reports.map((r) => names[r]).join('、')}。点击打开报告。`, `Ready today: ${reports.map((r) => names[r]).join(', ')}. Click to open.`),
    reports,
  };
}
