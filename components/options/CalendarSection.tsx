/** 节假日: which years the holiday data covers, and importing a newer year's announcement. */
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import { calendarsItem, checkCalendar, clearImportedCalendars, importCalendar } from '../../lib/config/store';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';
import type { CalendarChange, CalendarFile } from '../../rules/periods/calendar-file';
import { JsonFileInput, LockNote, type Notice, NoticeBanner, Section, errorText, useTr } from './common';

export function CalendarSection({ config, now = Date.now() }: { config: EffectiveConfig; now?: number }) {
  const tr = useTr();
  const [imported, setImported] = useState<CalendarFile[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** A checked file waiting for the user's "apply", with what it would change. */
  const [pending, setPending] = useState<{ data: unknown; name: string; changes: CalendarChange[] } | null>(null);
  const locked = config.locked.has('calendar');
  const refresh = () => void calendarsItem.getValue().then((v) => setImported(Array.isArray(v) ? v : []));
  useEffect(refresh, []);
  const bundled = defaultCalendar.coveredYears();
  const importedYears = [...new Set(imported.flatMap((f) => f.years ?? []))].sort((a, b) => a - b);
  const all = new Set([...bundled, ...importedYears]);
  const beijing = new Date(now + 8 * 3600_000);
  const thisYear = beijing.getUTCFullYear();
  // From October, deadlines run into next year: its announcement is usually out by then.
  const missing = [thisYear, ...(beijing.getUTCMonth() >= 9 ? [thisYear + 1] : [])].filter((y) => !all.has(y));
  const span = (ys: number[]) => (ys.length ? (ys.length > 3 ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join('、')) : '—');

  return (
    <Section id="calendar" title={tr('节假日', 'Holidays')}>
      <p class="covered">
        {tr('内置数据覆盖', 'Bundled data covers')}：<strong data-years="bundled">{span(bundled)}</strong>；{tr('已导入', 'imported')}：
        <strong data-years="imported">{importedYears.length ? importedYears.join('、') : tr('无', 'none')}</strong>
      </p>
      {missing.length ? (
        <p class="banner error coverage-gap" role="alert">
          {tr(
            `节假日数据未覆盖 ${missing.join('、')} 年：期限按周末推算，不计法定节假日和调休。请导入国务院办公厅公布的当年安排。`,
            `No holiday data for ${missing.join(', ')}: periods count weekends only. Import the State Council's announcement for that year.`,
          )}
        </p>
      ) : null}
      <LockNote config={config} what="calendar" />
      <p class="muted">
        {tr('文件格式：', 'File format: ')}
        <code>{tr('{"holidays": {"2027-01-01": "元旦", …}, "workdays": {"2027-02-07": "春节调休", …}}', '{"holidays": {"2027-01-01": "New Year", …}, "workdays": {"2027-02-07": "…", …}}')}</code>
        {tr('（与 chinese-days 数据相同；也可用日期数组），可选 ', ' (the chinese-days shape; date arrays also work), optionally ')}
        <code>"years": [2027]</code>
        {tr('。', '.')}
      </p>
      <p class="io">
        <JsonFileInput
          name="calendarFile"
          label={tr('导入节假日文件', 'Import a holiday file')}
          disabled={locked}
          onNotice={setNotice}
          onData={async (data, file) => {
            setPending(null);
            const r = await checkCalendar(data);
            if (!r.ok) return { kind: 'error', text: tr(`“${file.name}”格式不正确，未导入：`, `"${file.name}" is not a holiday file; nothing imported:`), details: r.errors };
            setPending({ data, name: file.name, changes: r.changes });
            return null;
          }}
        />
        <button
          type="button"
          disabled={locked || !imported.length}
          onClick={() =>
            void clearImportedCalendars()
              .then(() => (refresh(), setNotice({ kind: 'ok', text: tr('已清除导入的节假日数据。', 'Imported holiday data cleared.') })))
              .catch((err) => setNotice({ kind: 'error', text: errorText(err) }))
          }
        >
          {tr('清除导入的数据', 'Clear imported data')}
        </button>
      </p>
      {pending ? (
        <div class="calendar-preview" role="region" aria-label={tr('导入预览', 'Import preview')}>
          <p>
            {tr(`“${pending.name}”将替换以下年份的节假日安排，请核对后应用：`, `"${pending.name}" replaces the holidays of these years; check, then apply:`)}
          </p>
          <ul>
            {pending.changes.map((c) => (
              <li key={c.year} data-year={c.year}>
                {tr(`${c.year} 年：节假日 ${c.holidays} 天，调休上班 ${c.workdays} 天`, `${c.year}: ${c.holidays} days off, ${c.workdays} adjusted working days`)}
                {changeText(c, tr)}
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              class="primary"
              onClick={() =>
                void importCalendar(pending.data)
                  .then((r) => {
                    setPending(null);
                    refresh();
                    setNotice(
                      r.ok
                        ? { kind: 'ok', text: tr(`已导入 ${r.years.join('、')} 年的节假日安排。`, `Imported the holidays of ${r.years.join(', ')}.`) }
                        : { kind: 'error', text: tr('未导入：', 'Nothing imported:'), details: r.errors },
                    );
                  })
                  .catch((err) => setNotice({ kind: 'error', text: errorText(err) }))
              }
            >
              {tr('应用', 'Apply')}
            </button>{' '}
            <button type="button" onClick={() => setPending(null)}>
              {tr('取消', 'Cancel')}
            </button>
          </p>
        </div>
      ) : null}
      <NoticeBanner notice={notice} />
    </Section>
  );
}

/** Dates, the first few of a long list. */
const few = (days: string[]) => (days.length > 8 ? `${days.slice(0, 8).join('、')} 等 ${days.length} 天` : days.join('、'));

/** What the file changes against the data in force, or that the year is new. */
function changeText(c: CalendarChange, tr: (zh: string, en: string) => string): string {
  const parts = [
    c.holidaysAdded.length ? tr(`新增节假日 ${few(c.holidaysAdded)}`, `new days off ${few(c.holidaysAdded)}`) : '',
    c.holidaysRemoved.length ? tr(`不再放假 ${few(c.holidaysRemoved)}`, `no longer off ${few(c.holidaysRemoved)}`) : '',
    c.workdaysAdded.length ? tr(`新增调休上班 ${few(c.workdaysAdded)}`, `new working days ${few(c.workdaysAdded)}`) : '',
    c.workdaysRemoved.length ? tr(`取消调休上班 ${few(c.workdaysRemoved)}`, `no longer working ${few(c.workdaysRemoved)}`) : '',
  ].filter(Boolean);
  return parts.length ? `；${parts.join('；')}` : tr('；与现有数据相同', '; the same as the data in force');
}
