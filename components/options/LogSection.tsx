/** 问题台账: how long the log keeps findings, and the morning reminders that a report is ready. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EffectiveConfig } from '../../lib/config/effective';
import { updateSettings } from '../../lib/config/store';
import { request } from '../../lib/messaging/request';
import { errorText, LockNote, NoticeBanner, Section, useTr, type Notice } from './common';

export function LogSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const s = config.settings;
  const [days, setDays] = useState(s.retentionDays ? String(s.retentionDays) : '');
  const [reminders, setReminders] = useState(s.reminders);
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    setDays(s.retentionDays ? String(s.retentionDays) : '');
    setReminders(s.reminders);
  }, [s.retentionDays, s.reminders]);
  const save = async () => {
    const n = days.trim() ? Number(days) : null;
    if (n !== null && (!Number.isInteger(n) || n <= 0)) {
      return setNotice({ kind: 'error', text: tr('保留期限应为正整数天数，留空表示全部保留。', 'The retention period is a whole number of days; leave it empty to keep everything.') });
    }
    try {
      await updateSettings({ retentionDays: n, reminders });
      if (n === null) return setNotice({ kind: 'ok', text: tr('已保存（全部保留）。', 'Saved (everything is kept).') });
      const r = await request((m) => browser.runtime.sendMessage(m), 'ui-bg:retention', { days: n });
      setNotice(r.ok ? { kind: 'ok', text: tr(`已保存；按保留期限删除 ${r.deleted} 条。`, `Saved; ${r.deleted} rows older than that were deleted.`) } : { kind: 'error', text: r.error });
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <Section id="log" title={tr('问题台账', 'Findings log')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>
          <label>
            {tr('保留期限（天，留空全部保留）', 'Keep findings last seen within (days; empty keeps everything)')}{' '}
            <input name="retentionDays" value={days} inputMode="numeric" disabled={config.locked.has('retentionDays')} onInput={(e) => setDays((e.target as HTMLInputElement).value)} />
          </label>
        </p>
        <LockNote config={config} what="retentionDays" />
        <p>
          <label>
            <input type="checkbox" name="reminders" checked={reminders} disabled={config.locked.has('reminders')} onChange={(e) => setReminders((e.target as HTMLInputElement).checked)} />{' '}
            {tr('每日 8:30 提醒报告已就绪（周一周结、每月1日月通报）', 'At 8:30 each morning, say when a report is ready (weekly on Mondays, monthly on the 1st)')}
          </label>
        </p>
        <LockNote config={config} what="reminders" />
        <button type="submit" class="primary">
          {tr('保存', 'Save')}
        </button>
      </form>
      <NoticeBanner notice={notice} />
    </Section>
  );
}
