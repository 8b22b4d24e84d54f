/**
 * 规则包: import a new year's pack from a file (validated in full, previewed as added / removed /
 * changed rules, applied only on confirmation), export the pack in force, restore the built-in one.
 */
import { useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import { diffPacks, type PackDiff } from '../../lib/config/pack-diff';
import { applyPack, restoreBuiltInPack } from '../../lib/config/store';
import { validatePack, type Pack } from '../../rules/pack';
import { download, stamp } from '../download';
import { JsonFileInput, LockNote, type Notice, NoticeBanner, Section, errorText, useTr } from './common';

export function PackSection({ config }: { config: EffectiveConfig }) {
  const tr = useTr();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<{ pack: Pack; diff: PackDiff; file: string } | null>(null);
  const locked = config.locked.has('rulePack') || config.packSource === 'policy' || config.packSource === 'hub';
  const source = {
    'built-in': tr('内置规则包', 'built-in pack'),
    user: tr('导入的规则包', 'imported pack'),
    hub: tr('汇总服务下发的规则包', "pack served by the unit's hub"),
    policy: tr('单位策略下发的规则包', "pack pushed by the unit's policy"),
  }[config.packSource];

  async function onData(data: unknown, file: File): Promise<Notice | null> {
    setPending(null);
    const v = validatePack(data);
    if (!v.ok) {
      return {
        kind: 'error',
        text: tr(`规则包“${file.name}”有 ${v.errors.length} 处错误，未作任何更改：`, `Pack "${file.name}" has ${v.errors.length} errors; nothing changed:`),
        details: v.errors,
      };
    }
    setPending({ pack: v.pack, diff: diffPacks(config.pack, v.pack, Object.keys(config.ruleOverrides)), file: file.name });
    return null;
  }

  return (
    <Section id="pack" title={tr('规则包', 'Rule pack')}>
      <p data-pack-source={config.packSource}>
        {tr('正在使用', 'In force')}：{source} <strong>{tr(config.pack.name['zh-CN'], config.pack.name.en)}</strong> <code>{config.pack.id}</code> {tr('版本', 'version')}{' '}
        <code>{config.pack.version}</code>，{tr(`${config.pack.rules.length} 条规则`, `${config.pack.rules.length} rules`)}
      </p>
      <LockNote config={config} what="rulePack" />
      <p class="io">
        <JsonFileInput name="packFile" label={tr('从文件导入规则包', 'Import a pack from a file')} disabled={locked} onNotice={setNotice} onData={onData} />
        <button type="button" onClick={() => download(`caselint-pack-${config.pack.id}-${config.pack.version}-${stamp()}.json`, JSON.stringify(config.pack, null, 2), 'application/json')}>
          {tr('导出当前规则包', 'Export the pack in force')}
        </button>
        <button
          type="button"
          disabled={locked || config.packSource === 'built-in'}
          onClick={() => {
            if (!confirm(tr('恢复内置规则包？导入的规则包将被替换；您对规则的调整保留。', 'Restore the built-in pack? The imported pack is replaced; your rule settings are kept.'))) return;
            void restoreBuiltInPack()
              .then(() => setNotice({ kind: 'ok', text: tr('已恢复内置规则包。', 'The built-in pack is restored.') }))
              .catch((err) => setNotice({ kind: 'error', text: errorText(err) }));
          }}
        >
          {tr('恢复内置规则包', 'Restore the built-in pack')}
        </button>
      </p>
      <NoticeBanner notice={notice} />
      {pending ? <PackPreview pending={pending} onCancel={() => setPending(null)} onApplied={(text) => (setPending(null), setNotice({ kind: 'ok', text }))} onError={(text) => setNotice({ kind: 'error', text })} /> : null}
    </Section>
  );
}

function PackPreview(props: { pending: { pack: Pack; diff: PackDiff; file: string }; onCancel: () => void; onApplied: (text: string) => void; onError: (text: string) => void }) {
  const tr = useTr();
  const { diff, pack, file } = props.pending;
  const list = (items: { id: string; title: string; parts?: string[] }[]) =>
    items.length ? (
      <ul>
        {items.map((r) => (
          <li data-rule={r.id}>
            {r.title} <code>{r.id}</code>
            {r.parts ? <span class="muted">（{r.parts.join('、')}）</span> : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">{tr('无', 'None')}</p>
    );
  return (
    <div class="card preview" aria-label={tr('导入预览', 'Import preview')}>
      <h3>
        {tr('导入预览', 'Preview')}：{file}（{diff.from.id} {diff.from.version} → {diff.to.id} {diff.to.version}）
      </h3>
      <p class="summary">
        {tr(
          `新增 ${diff.added.length} 条，删除 ${diff.removed.length} 条，修改 ${diff.changed.length} 条，未变 ${diff.unchanged} 条。`,
          `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`,
        )}
      </p>
      <h4>{tr('新增', 'Added')}</h4>
      <div class="added">{list(diff.added)}</div>
      <h4>{tr('删除', 'Removed')}</h4>
      <div class="removed">{list(diff.removed)}</div>
      <h4>{tr('修改', 'Changed')}</h4>
      <div class="changed">{list(diff.changed)}</div>
      {diff.orphanedOverrides.length ? (
        <p class="muted">
          {tr(
            `您对 ${diff.orphanedOverrides.length} 条规则的调整在新规则包中没有对应规则（${diff.orphanedOverrides.join('、')}），予以保留。`,
            `Your settings for ${diff.orphanedOverrides.length} rules have no rule in the new pack (${diff.orphanedOverrides.join(', ')}); they are kept.`,
          )}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          class="primary"
          onClick={() => {
            void applyPack(pack)
              .then((r) =>
                r.ok
                  ? props.onApplied(tr(`已应用规则包 ${pack.id} ${pack.version}（${pack.rules.length} 条规则）。`, `Applied pack ${pack.id} ${pack.version} (${pack.rules.length} rules).`))
                  : props.onError(r.errors.join('\n')),
              )
              .catch((err) => props.onError(errorText(err)));
          }}
        >
          {tr('应用此规则包', 'Apply this pack')}
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          {tr('取消', 'Cancel')}
        </button>
      </p>
    </div>
  );
}
