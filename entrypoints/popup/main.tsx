/**
 * The toolbar popup: CaseLint on or off for the current site, "pick a field" on this page, this
 * week's summary in one click, and the way to the log, the reports and the settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download, XLSX_TYPE } from '../../components/download';
import { CaseLintDb } from '../../lib/db/database';
import { thisWeekXlsx } from '../../lib/reports/weekly-export';
import { lastErrorItem } from '../../lib/settings/settings';
import { loadConfig, setSiteEnabled } from '../../lib/config/store';
import { isActiveOn, type EffectiveConfig } from '../../lib/config/effective';
import { isBuiltInOrigin } from '../../lib/config/origins';
import { type BgToCs } from '../../lib/messaging/protocol';
import { request } from '../../lib/messaging/request';
import { lossMessage } from '../../lib/db/auto-backup';
import { HubStatus } from '../../components/HubStatus';
import { renderLocalized, useLocale, useTr } from '../../components/i18n';

interface CurrentTab {
  id: number;
  origin: string | null;
}

/** The tab the popup is about: the active tab (or ?tab=<id> when the popup is opened as a page). */
async function currentTab(): Promise<CurrentTab | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(param) && param > 0 ? await browser.tabs.get(param) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  let origin: string | null = null;
  try {
    // The URL is visible only on sites CaseLint has access to.
    origin = tab.url && /^https?:/.test(tab.url) ? new URL(tab.url).origin : null;
  } catch {
    origin = null;
  }
  return { id: tab.id, origin };
}

function SiteControls() {
  const tr = useTr();
  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  const [config, setConfig] = useState<EffectiveConfig | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void currentTab().then(setTab).catch(() => setTab(null));
    void loadConfig().then(setConfig);
  }, []);
  if (tab === undefined || !config) return null;
  const origin = tab?.origin;
  const known = !!origin && (isBuiltInOrigin(origin) || config.sites.some((s) => s.origin === origin));
  if (!tab || !origin || !known) {
    return (
      <p class="muted site" style={{ fontSize: '12px' }}>
        {tr('本站点未启用 CaseLint。如为执法办案系统，请在“设置 → 站点”中添加。', 'CaseLint is not on for this site. If it is a case-handling system, add it under Settings → Sites.')}
      </p>
    );
  }
  const active = isActiveOn(config, origin);
  const managedLocked = config.locked.has('sites') && config.sites.some((s) => s.origin === origin && s.managed);
  return (
    <div class="site" data-origin={origin}>
      <p class="row" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span>
          <code>{origin}</code>
          <br />
          <span class="site-state">{active ? tr('已启用', 'On') : tr('已停用', 'Off')}</span>
        </span>
        <button
          type="button"
          disabled={managedLocked}
          title={managedLocked ? tr('由单位策略锁定', "Locked by your unit's policy") : undefined}
          onClick={() => {
            void setSiteEnabled(origin, !active)
              .then(async () => {
                setConfig(await loadConfig());
                setStatus(active ? tr('已在本站点停用 CaseLint。', 'CaseLint is now off for this site.') : tr('已在本站点启用 CaseLint。', 'CaseLint is now on for this site.'));
              })
              .catch((e) => setStatus((e as Error).message));
          }}
        >
          {active ? tr('在本站点停用', 'Turn off for this site') : tr('在本站点启用', 'Turn on for this site')}
        </button>
      </p>
      {active ? (
        <p>
          <button
            type="button"
            style={{ width: '100%' }}
            disabled={config.locked.has('profiles')}
            onClick={() => {
              const message: BgToCs = { type: 'bg-cs:pick-field' };
              void browser.tabs
                .sendMessage(tab.id, message)
                .then(() => {
                  setStatus(tr('请在页面上点击要指定的输入框。', 'Click the input on the page that you want to assign.'));
                  if (!new URLSearchParams(location.search).has('tab')) window.close();
                })
                .catch(() => setStatus(tr('本页尚未载入 CaseLint，请刷新页面后再试。', 'CaseLint is not loaded on this page yet; reload the page and try again.')));
            }}
          >
            {tr('选取字段（为未识别的页面指定字段）', 'Pick a field (for pages CaseLint does not read)')}
          </button>
        </p>
      ) : null}
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}

function Popup() {
  const tr = useTr();
  const locale = useLocale();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loss, setLoss] = useState<string | null>(null);
  const [hubUrl, setHubUrl] = useState<string | null>(null);
  useEffect(() => {
    void loadConfig().then((c) => setHubUrl(c.hub?.url ?? null));
    void lastErrorItem.getValue().then((e) => setError(e?.message ?? null));
    // A log that opens with fewer rows than it should (#16.1): said here too, loudly.
    void request((m) => browser.runtime.sendMessage(m), 'ui-bg:log-health', {})
      .then((h) => setLoss(!h.ok && 'expected' in h ? lossMessage(h, tr) : null))
      .catch(() => {});
  }, []);
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/log.html') });
  return (
    <div style={{ padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 10px' }}>{tr('CaseLint 执法巡查助手', 'CaseLint enforcement checker')}</h1>
      <SiteControls />
      {hubUrl ? <HubStatus hubUrl={hubUrl} /> : null}
      {loss ? (
        <div class="banner error" role="alert" data-testid="log-loss">
          <strong>{loss}</strong>{' '}
          <button type="button" class="primary" onClick={() => open('/log.html')}>
            {tr('打开问题台账恢复', 'Open the findings log to restore')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="banner error" role="alert">
          ⚠ {error}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          class="primary"
          style={{ width: '100%', padding: '6px' }}
          onClick={() => {
            setStatus(tr('正在生成…', 'Generating…'));
            void (async () => {
              try {
                const config = await loadConfig();
                const { name, data } = await thisWeekXlsx(new CaseLintDb(), config.pack, config.settings.reviewerUnit, locale);
                download(name, data, XLSX_TYPE);
                setStatus(`${tr('已导出：', 'Exported: ')}${name}`);
              } catch (e) {
                setStatus(`${tr('导出失败：', 'Export failed: ')}${(e as Error).message}`);
              }
            })();
          }}
        >
          {tr('导出本周汇总', "Export this week's summary")}
        </button>
      </p>
      {status ? <p role="status">{status}</p> : null}
      <p class="row" style={{ display: 'flex', flexWrap: 'wrap' }}>
        <button type="button" onClick={() => open('/report.html#weekly')}>
          {tr('执法报告', 'Reports')}
        </button>
        <button type="button" onClick={() => open('/log.html')}>
          {tr('问题台账', 'Findings log')}
        </button>
        <button type="button" onClick={() => open('/rule.html')}>
          {tr('规则说明', 'Rules')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {tr('设置', 'Settings')}
        </button>
      </p>
      <p class="muted" style={{ fontSize: '12px' }}>
        {tr('审核面板：在案件页面按 Alt+Shift+A。', 'Review panel: Alt+Shift+A on a case page. ')}
        {hubUrl
          ? tr(`数据保存在本机，并同步到本单位汇总服务（${new URL(hubUrl).host}）。`, `Data is kept on this computer and synced to your unit's hub (${new URL(hubUrl).host}).`)
          : tr('数据只保存在本机。', 'Data stays on this computer.')}
      </p>
    </div>
  );
}

void renderLocalized(<Popup />, document.getElementById('app')!);
