/**
 * 站点: the intranet origins CaseLint reads. Adding one asks the browser for access from the click
 * (the prompt needs the user's gesture), then the worker registers the content script there.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import { normalizeOrigin } from '../../lib/config/schema';
import { BUILT_IN_ORIGINS, matchPatternOf } from '../../lib/config/origins';
import { addSite, removeSite, setSiteEnabled } from '../../lib/config/store';
import type { Output } from '../../lib/messaging/protocol';
import { releaseSiteAccess, requestSiteAccess, type PermissionsApi } from '../../lib/sites/registration';
import { errorText, LockNote, NoticeBanner, Section, usePending, useTr, type Notice } from './common';

export interface SitesApi {
  permissions: PermissionsApi;
  /** Asks the worker to register the content scripts now. */
  sync(): Promise<Output<'ui-bg:sync-sites'>>;
}

export function SitesSection({ config, api }: { config: EffectiveConfig; api: SitesApi }) {
  const tr = useTr();
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const locked = config.locked.has('sites');
  const rows = [
    ...BUILT_IN_ORIGINS.map((origin) => ({ origin, builtIn: true, managed: false, enabled: !config.disabledOrigins.includes(origin) })),
    ...config.sites.map((s) => ({ ...s, builtIn: false })),
  ];
  const storedOn = useMemo(() => Object.fromEntries(rows.map((r) => [r.origin, r.enabled])), [config]);
  const { view: on, choose, drop } = usePending(storedOn, (a, b) => a === b);

  useEffect(() => {
    let live = true;
    void Promise.all(config.sites.map(async (s) => [s.origin, await api.permissions.contains({ origins: [matchPatternOf(s.origin)] })] as const)).then(
      (pairs) => live && setGranted(Object.fromEntries(pairs)),
    );
    return () => {
      live = false;
    };
  }, [config, api]);

  const afterChange = async (okText: string) => {
    const r = await api.sync();
    if (!r.ok) return setNotice({ kind: 'error', text: r.error });
    const problems = [...r.errors, ...r.missingPermission.map((o) => tr(`${o}：未获浏览器授权，请点“授权”`, `${o}: access not granted, click "Grant"`))];
    setNotice(problems.length ? { kind: 'error', text: okText, details: problems } : { kind: 'ok', text: okText });
  };

  // No await before requestSiteAccess: the browser's prompt needs this click's activation.
  const onAdd = (e: Event) => {
    e.preventDefault();
    const r = normalizeOrigin(input);
    if (!r.ok) return setNotice({ kind: 'error', text: r.error });
    const origin = r.origin;
    const asking = requestSiteAccess(api.permissions, origin);
    setNotice({ kind: 'ok', text: tr(`请在浏览器的提示中允许 CaseLint 读取 ${origin} 的页面。`, `Allow CaseLint to read the pages of ${origin} in the browser's prompt.`) });
    void asking
      .then(async (ok) => {
        if (!ok) return setNotice({ kind: 'error', text: tr(`浏览器未授予 ${origin} 的访问权限，未添加。`, `The browser did not grant access to ${origin}; nothing added.`) });
        await addSite(origin);
        setInput('');
        await afterChange(tr(`已添加 ${origin}：打开或刷新该系统的页面即开始检查。`, `Added ${origin}: open or reload its pages to start checking.`));
      })
      .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));
  };

  const grant = (origin: string) => {
    void requestSiteAccess(api.permissions, origin)
      .then(async (ok) => (ok ? afterChange(tr(`已授权 ${origin}。`, `Access to ${origin} granted.`)) : setNotice({ kind: 'error', text: tr('浏览器未授予访问权限。', 'Access not granted.') })))
      .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));
  };

  return (
    <Section id="sites" title={tr('站点', 'Sites')}>
      <p class="muted">
        {tr(
          '添加本单位执法办案系统的地址（协议、地址和端口，如 http://10.12.3.4:8080）。浏览器会询问是否允许 CaseLint 读取该站点的页面；数据只保存在本机。',
          'Add the address of your case-handling system (scheme, host and port, e.g. http://10.12.3.4:8080). The browser asks whether CaseLint may read its pages; data stays on this computer.',
        )}
      </p>
      <LockNote config={config} what="sites" />
      <form onSubmit={onAdd} class="row">
        <label>
          {tr('站点地址', 'Site address')}{' '}
          <input
            name="origin"
            value={input}
            placeholder="http://10.12.3.4:8080"
            disabled={locked}
            onInput={(e) => setInput((e.target as HTMLInputElement).value)}
            style={{ width: '260px' }}
          />
        </label>{' '}
        <button type="submit" class="primary" disabled={locked}>
          {tr('添加站点', 'Add site')}
        </button>
      </form>
      <NoticeBanner notice={notice} />
      <table class="sites">
        <thead>
          <tr>
            <th>{tr('站点', 'Site')}</th>
            <th>{tr('来源', 'Source')}</th>
            <th>{tr('状态', 'Status')}</th>
            <th>{tr('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const access = s.builtIn || granted[s.origin] !== false;
            const fixed = locked && s.managed;
            return (
              <tr data-origin={s.origin}>
                <td>
                  <code>{s.origin}</code>
                </td>
                <td>{s.builtIn ? tr('内置（演示）', 'Built in (demo)') : s.managed ? tr('单位策略', 'Unit policy') : tr('自行添加', 'Added by you')}</td>
                <td class="status">{!access ? tr('未授权', 'No access') : on[s.origin] ? tr('已启用', 'On') : tr('已停用', 'Off')}</td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={on[s.origin]}
                      disabled={fixed}
                      aria-label={tr(`在 ${s.origin} 启用`, `Enabled on ${s.origin}`)}
                      onChange={(e) => {
                        const enabled = (e.target as HTMLInputElement).checked;
                        choose(s.origin, enabled);
                        void setSiteEnabled(s.origin, enabled)
                          .then(() => afterChange(enabled ? tr(`已在 ${s.origin} 启用。`, `On for ${s.origin}.`) : tr(`已在 ${s.origin} 停用。`, `Off for ${s.origin}.`)))
                          .catch((err) => {
                            drop(s.origin);
                            setNotice({ kind: 'error', text: errorText(err) });
                          });
                      }}
                    />{' '}
                    {tr('启用', 'On')}
                  </label>{' '}
                  {!access ? (
                    <button type="button" onClick={() => grant(s.origin)}>
                      {tr('授权', 'Grant')}
                    </button>
                  ) : null}{' '}
                  {!s.builtIn && !s.managed ? (
                    <button
                      type="button"
                      disabled={locked}
                      onClick={() => {
                        void removeSite(s.origin)
                          .then(async () => {
                            await releaseSiteAccess(api.permissions, s.origin);
                            await afterChange(tr(`已移除 ${s.origin}。`, `Removed ${s.origin}.`));
                          })
                          .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));
                      }}
                    >
                      {tr('移除', 'Remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
