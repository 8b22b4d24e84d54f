/**
 * The options page (设置): sites, role, rules, rule pack, holidays, site profiles and what the
 * unit's policy sets. zh-CN first, English by the switch at the top. Follows storage live: a change
 * made in the popup, another tab or by policy shows at once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import { loadConfig, updateSettings } from '../../lib/config/store';
import { watchConfig } from '../../lib/config/watch';
import type { UiLocale } from '../../lib/config/schema';
import { CalendarSection } from './CalendarSection';
import { HubSection } from './HubSection';
import { LogSection } from './LogSection';
import { errorText, useTr } from './common';
import { PackSection } from './PackSection';
import { ProfilesSection } from './ProfilesSection';
import { RoleSection } from './RoleSection';
import { RulesSection } from './RulesSection';
import { SitesSection, type SitesApi } from './SitesSection';

export function OptionsPage({ sites }: { sites: SitesApi }) {
  const [config, setConfig] = useState<EffectiveConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void loadConfig()
        .then(setConfig)
        .catch((e) => setError(errorText(e)));
    load();
    return watchConfig(load);
  }, []);
  if (error) return <p class="banner error" role="alert">{error}</p>;
  if (!config) return <p class="muted">…</p>;
  return <Shell config={config} sites={sites} />;
}

function Shell({ config, sites }: { config: EffectiveConfig; sites: SitesApi }) {
  const tr = useTr();
  const [langError, setLangError] = useState<string | null>(null);
  const setLocale = (locale: UiLocale) => void updateSettings({ locale }).catch((e) => setLangError(errorText(e)));
  const nav: [string, string][] = [
    ['sites', tr('站点', 'Sites')],
    ['role', tr('角色', 'Role')],
    ['log', tr('问题台账', 'Findings log')],
    ['rules', tr('规则', 'Rules')],
    ['pack', tr('规则包', 'Rule pack')],
    ['calendar', tr('节假日', 'Holidays')],
    ['profiles', tr('站点配置', 'Site profiles')],
  ];
  return (
    <div class="page options-page">
      <header class="options-head">
        <h1>{tr('CaseLint 执法巡查助手 · 设置', 'CaseLint · Settings')}</h1>
        <div role="group" aria-label={tr('语言', 'Language')} class="lang">
          <button type="button" lang="zh-CN" aria-pressed={config.settings.locale === 'zh-CN'} disabled={config.locked.has('locale')} onClick={() => setLocale('zh-CN')}>
            中文
          </button>
          <button type="button" lang="en" aria-pressed={config.settings.locale === 'en'} disabled={config.locked.has('locale')} onClick={() => setLocale('en')}>
            English
          </button>
        </div>
      </header>
      {langError ? (
        <p class="banner error" role="alert">
          {langError}
        </p>
      ) : null}
      <nav class="options-nav">
        {nav.map(([id, label]) => (
          <a href={`#${id}`}>{label}</a>
        ))}
      </nav>
      {config.policyPresent ? (
        <div class="banner ok policy" role="note">
          {tr('部分设置由本单位的浏览器策略管理。', "Some settings are managed by your unit's browser policy.")}
          {config.locked.size ? ` ${tr('锁定项：', 'Locked: ')}${[...config.locked].join(tr('、', ', '))}` : ''}
        </div>
      ) : null}
      {config.problems.length ? (
        <div class="banner error problems" role="alert">
          {tr('以下配置未被采用：', 'Not applied:')}
          <ul class="errors">
            {config.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SitesSection config={config} api={sites} />
      <RoleSection config={config} />
      <LogSection config={config} />
      <RulesSection config={config} />
      <PackSection config={config} />
      <CalendarSection config={config} />
      <ProfilesSection config={config} />
      <HubSection config={config} />
      <p class="muted">{tr('所有设置和问题记录只保存在本机浏览器中，不联网。', 'All settings and findings stay in this browser; nothing goes over the network.')}</p>
    </div>
  );
}
