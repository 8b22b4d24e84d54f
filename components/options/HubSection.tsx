/**
 * 汇总服务 (#21.2): the unit's hub address and enrollment code, from the unit's policy (read-only)
 * or typed here. Saving asks the browser for access to that one origin; nothing is sent before.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EffectiveConfig } from '../../lib/config/effective';
import { setHub } from '../../lib/config/store';
import { request } from '../../lib/messaging/request';
import { errorText, NoticeBanner, Section, useTr, type Notice } from './common';

export function HubSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const [url, setUrl] = useState(config.hub?.url ?? '');
  const [code, setCode] = useState(config.hub?.enrollmentCode ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    setUrl(config.hub?.url ?? '');
    setCode(config.hub?.enrollmentCode ?? '');
  }, [config.hub?.url, config.hub?.enrollmentCode]);
  const byPolicy = !!config.hub?.byPolicy;
  return (
    <Section id="hub" title={tr('汇总服务', 'Unit hub')}>
      <p class="muted">
        {tr(
          '配置本单位的汇总服务后，本机的问题记录会同步到该服务（仅此一个地址），用于全局日清周结月通报和点对点预警；未配置时不联网。',
          "With your unit's hub configured, this browser's log is synced to it (that one address only) for branch-wide reports and personal warnings; without it nothing goes over the network.",
        )}
      </p>
      {byPolicy ? <p class="muted lock">🔒 {tr('由单位策略设置。', "Set by your unit's policy.")}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (async () => {
            try {
              const saved = await setHub(url.trim() || null, code.trim() || null);
              if (saved) {
                const granted = await browser.permissions.request({ origins: [`${saved}/*`] }).catch(() => false);
                if (!granted) throw new Error(tr('未获准访问该地址，无法同步', 'Access to that address was not granted; cannot sync'));
                const r = await request((m) => browser.runtime.sendMessage(m), 'ui-bg:hub-sync', { reenroll: true });
                const err = r.ok ? r.state?.lastError : r.error;
                setNotice(err ? { kind: 'error', text: err } : { kind: 'ok', text: tr('已保存并完成首次同步。', 'Saved and synced.') });
              } else setNotice({ kind: 'ok', text: tr('已关闭汇总服务同步。', 'Hub sync switched off.') });
            } catch (err) {
              setNotice({ kind: 'error', text: errorText(err) });
            }
          })();
        }}
      >
        <fieldset disabled={byPolicy} style={{ border: 0, padding: 0, margin: 0 }}>
          <label>
            {tr('汇总服务地址', 'Hub address')} <input name="hubUrl" value={url} placeholder="http://10.1.2.3:8787" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <label>
            {tr('登记码', 'Enrollment code')} <input name="hubCode" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <button type="submit">{tr('保存', 'Save')}</button>
        </fieldset>
      </form>
      <NoticeBanner notice={notice} />
    </Section>
  );
}
