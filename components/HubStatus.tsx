/**
 * The popup's hub part (#21.4), shown only when a hub is configured: whether this browser syncs
 * (or why not), and 我的待整改 — the user's own open findings across cases, pulled from the hub,
 * each a link to its page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { beijingTime } from '../lib/db/csv';
import type { HubSyncState } from '../lib/hub/sync';
import { hubStateItem } from '../lib/hub/worker';
import { request } from '../lib/messaging/request';
import { levelLabel } from '../rules/levels';
import { useTr, Zh } from './locale';

export function HubStatus({ hubUrl }: { hubUrl: string }) {
  const tr = useTr();
  const [state, setState] = useState<HubSyncState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void hubStateItem.getValue().then(setState);
    return hubStateItem.watch(setState);
  }, []);
  const syncNow = (reenroll = false) => {
    setBusy(true);
    void request((m) => browser.runtime.sendMessage(m), 'ui-bg:hub-sync', { reenroll })
      .then((r) => r.ok && setState(r.state))
      .finally(() => setBusy(false));
  };
  const mine = state?.mine.findings ?? [];
  return (
    <section class="card hub" aria-label={tr('汇总服务', 'Unit hub')} data-testid="hub-status">
      <p style={{ margin: '0 0 6px' }}>
        {tr('汇总服务 ', 'Unit hub ')}
        {new URL(hubUrl).host}
        {tr('：', ': ')}
        {state?.lastError ? (
          <span class="banner error" role="alert">
            {state.lastError}
          </span>
        ) : state?.lastSyncAt ? (
          <span>{tr(`已同步（${beijingTime(state.lastSyncAt)}）`, `Synced (${beijingTime(state.lastSyncAt)})`)}</span>
        ) : (
          <span>{tr('尚未同步', 'Not synced yet')}</span>
        )}{' '}
        <button type="button" disabled={busy} onClick={() => syncNow(!!state?.revoked)}>
          {state?.revoked ? tr('重新登记', 'Enroll again') : tr('立即同步', 'Sync now')}
        </button>
      </p>
      {state?.mine.officer ? (
        <div data-testid="mine">
          <h2 style={{ fontSize: '14px', margin: '4px 0' }}>
            {tr('我的待整改（', 'My open findings (')}
            <Zh text={state.mine.officer} />
            {tr('）：', '): ')}
            <span data-count>{mine.length}</span>
            {tr(' 个', '')}
          </h2>
          <ul style={{ margin: 0, paddingLeft: '18px', maxHeight: '180px', overflow: 'auto' }}>
            {mine.slice(0, 50).map((f) => (
              <li key={`${f.caseNumber}|${f.ruleId}|${f.firstSeen}`}>
                <a href={f.pageUrl} target="_blank" rel="noopener noreferrer">
                  {f.caseNumber}
                </a>{' '}
                [{levelLabel(f, tr)}] <Zh text={f.message} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
