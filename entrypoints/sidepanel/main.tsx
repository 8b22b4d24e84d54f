/**
 * The Chrome side panel: the audit panel of the active tab's page, live. It reads the page's
 * result from storage.session (written by the background) and asks the tab to jump to a field.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AuditPanel, PANEL_CSS, type PanelData } from '../../components/AuditPanel';
import { reviewSaid } from '../../lib/db/review-vocabulary';
import { renderLocalized, useLocale, useTr } from '../../components/i18n';
import { BgToCs, pageKey, PageSummarySchema, type PageSummary } from '../../lib/messaging/protocol';
import { request } from '../../lib/messaging/request';
import type { Finding } from '../../rules/engine';
import { assignProfileField, loadConfig } from '../../lib/config/store';
import { mapControl } from '../../components/map-control';
import type { EffectiveConfig } from '../../lib/config/effective';
const fixedTab = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

async function activeTabId(): Promise<number | undefined> {
  if (fixedTab) return fixedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function SidePanel() {
  const tr = useTr();
  const locale = useLocale();
  const [tabId, setTabId] = useState<number>();
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [config, setConfig] = useState<EffectiveConfig | null>(null);
  useEffect(() => void loadConfig().then(setConfig), []);

  useEffect(() => {
    const load = async () => {
      const id = await activeTabId();
      setTabId(id);
      if (id === undefined) return setSummary(null);
      const stored = (await browser.storage.session.get(pageKey(id)))[pageKey(id)];
      const parsed = PageSummarySchema.safeParse(stored);
      setSummary(parsed.success ? parsed.data : null);
    };
    void load();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || tabId === undefined || !(pageKey(tabId) in changes)) return;
      const parsed = PageSummarySchema.safeParse(changes[pageKey(tabId)]?.newValue);
      setSummary(parsed.success ? parsed.data : null);
    };
    const onActivated = () => void load();
    browser.storage.onChanged.addListener(onChanged);
    if (!fixedTab) browser.tabs.onActivated.addListener(onActivated);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [tabId]);

  if (!config) return null;
  if (config.settings.role !== 'reviewer') {
    return (
      <p class="ap-empty sp-officer">
        {tr(
          '审核面板供法制审核员使用。如您负责审核，请在“设置 → 角色”中选择“法制审核员”。',
          'The review panel is for legal reviewers. If you review cases, choose "Legal reviewer" under Settings → Role.',
        )}
      </p>
    );
  }
  const categories = Object.fromEntries(Object.entries(config.pack.categories).map(([id, l]) => [id, l[locale]]));
  if (!summary) {
    return (
      <p class="ap-empty sp-none">
        {tr(
          '当前页面未启用 CaseLint，或尚未完成检查。请在执法办案系统的案件页面打开本面板。',
          'CaseLint is not on for this page, or has not finished checking it. Open this panel on a case page of the case-handling system.',
        )}
      </p>
    );
  }
  const data: PanelData = {
    // The findings as the page showed them (English where the user reads English).
    findings: summary.findings.map(({ en, ...f }) => (locale === 'en' && en ? { ...f, ...en } : f)),
    passed: summary.passed,
    notApplicable: summary.notApplicable,
    warnings: summary.warnings,
    caseNumber: summary.caseNumber,
    categories,
    pageTitle: summary.title,
    dismissed: summary.dismissed ?? [],
    ...(summary.fieldsRead !== undefined ? { fieldsRead: summary.fieldsRead } : {}),
    typicalFields: summary.typicalFields ?? null,
    ...(summary.unmapped ? { unmapped: summary.unmapped } : {}),
    ...(summary.matched ? { matched: summary.matched } : {}),
  };
  // Map an unrecognised control for this page type (#18.4): the tab re-reads the page with the new site profile.
  const onMap = (selector: string, key: string) => mapControl(summary.url, selector, key, tr, assignProfileField);
  // Confirm or dismiss from here too (#15.2): the worker finds the log row by page and finding.
  const onReview = async (f: Finding, action: 'confirm' | 'dismiss', reason: 'false-positive' | 'not-applicable' | 'accepted-exception' | null): Promise<string> => {
    if (tabId === undefined) return tr('未完成：没有当前页面', 'Not done: no current page');
    const r = await request((m) => browser.runtime.sendMessage(m), 'ui-bg:review-finding', {
      tabId,
      url: summary.url,
      caseNumber: summary.caseNumber,
      ruleId: f.ruleId,
      fieldKey: f.fieldKey,
      ...(f.row !== undefined ? { row: f.row } : {}),
      action,
      reason,
    }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    return reviewSaid(r, action, tr);
  };
  return (
    <AuditPanel
      data={data}
      docUrl={(ruleId) => `${browser.runtime.getURL('/rule.html')}#${encodeURIComponent(ruleId)}`}
      onReview={onReview}
      onMap={onMap}
      onSelect={(f) => {
        if (tabId === undefined) return;
        const message = BgToCs.safeParse({ type: 'bg-cs:focus', fieldKey: f.fieldKey, ...(f.row !== undefined ? { row: f.row } : {}) });
        if (message.success) browser.tabs.sendMessage(tabId, message.data).catch(() => {});
      }}
    />
  );
}

const style = document.createElement('style');
style.textContent = `body{margin:0;background:#fff}${PANEL_CSS}`;
document.head.append(style);
void renderLocalized(<SidePanel />, document.getElementById('app')!, ['CaseLint 审核面板', 'CaseLint review panel']);
