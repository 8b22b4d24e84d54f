/**
 * 站点配置: fields assigned by selector for pages whose labels are not recognised. Made with
 * "选取字段" from the popup on the case page; listed, edited, exported and imported here.
 */
import { useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import { exportProfiles, importProfiles, setProfiles } from '../../lib/config/store';
import { fieldLabel } from '../../rules/fields';
import { download, stamp } from '../download';
import { JsonFileInput, LockNote, type Notice, NoticeBanner, Section, errorText, useTr } from './common';

export function ProfilesSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const [notice, setNotice] = useState<Notice | null>(null);
  const locked = config.locked.has('profiles');
  const change = (next: EffectiveConfig['profiles'], text: string) =>
    void setProfiles(next)
      .then(() => setNotice({ kind: 'ok', text }))
      .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));

  return (
    <Section id="profiles" title={tr('站点配置', 'Site profiles')}>
      <p class="muted">
        {tr(
          '若某页面的字段未被识别：在该页面点击工具栏的 CaseLint 图标，选“选取字段”，再点击页面上的输入框并选择对应字段。配置按页面地址保存（地址中含数字的部分视为任意案件）。',
          'If a page\'s fields are not recognised: on that page, click the CaseLint toolbar icon, choose "Pick a field", click the control and choose its field. Profiles are saved per page address (path parts with digits match any case).',
        )}
      </p>
      <LockNote config={config} what="profiles" />
      <p class="io">
        <button type="button" disabled={!config.profiles.length} onClick={() => download(`caselint-profiles-${stamp()}.json`, exportProfiles(config.profiles), 'application/json')}>
          {tr('导出站点配置', 'Export profiles')}
        </button>
        <JsonFileInput
          name="profilesFile"
          label={tr('导入站点配置', 'Import profiles')}
          disabled={locked}
          onNotice={setNotice}
          onData={async (data, file) => {
            const r = await importProfiles(data);
            if (!r.ok) return { kind: 'error', text: tr(`“${file.name}”格式不正确，未导入：`, `"${file.name}" is not a profiles file; nothing imported:`), details: r.errors };
            return { kind: 'ok', text: tr(`已导入 ${r.count} 个站点配置。`, `Imported ${r.count} profiles.`) };
          }}
        />
      </p>
      <NoticeBanner notice={notice} />
      {config.profiles.length ? (
        config.profiles.map((p) => (
          <div class="profile" data-profile={p.id}>
            <h3>
              <code>{p.urlPattern}</code>{' '}
              <button
                type="button"
                disabled={locked}
                onClick={() => change(config.profiles.filter((x) => x.id !== p.id), tr('已删除该站点配置。', 'Profile deleted.'))}
              >
                {tr('删除配置', 'Delete profile')}
              </button>
            </h3>
            <table>
              <thead>
                <tr>
                  <th>{tr('字段', 'Field')}</th>
                  <th>{tr('选择器', 'Selector')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {p.fields.map((f) => (
                  <tr data-field={f.key}>
                    <td>
                      {fieldLabel(f.key)} <code>{f.key}</code>
                    </td>
                    <td>
                      <code>{f.selector}</code>
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={locked}
                        onClick={() =>
                          change(
                            config.profiles.map((x) => (x.id === p.id ? { ...x, fields: x.fields.filter((y) => y !== f) } : x)),
                            tr(`已移除字段 ${fieldLabel(f.key)}。`, `Removed the field ${f.key}.`),
                          )
                        }
                      >
                        {tr('移除', 'Remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      ) : (
        <p class="empty">{tr('尚无站点配置。', 'No profiles yet.')}</p>
      )}
    </Section>
  );
}
