/**
 * What the page reader made of the page (#18.4), in the audit panel: the labelled controls it could
 * not map — each with the fields it may be, and one click to map it for this page type (a site
 * profile entry, applied at once) — and, for each field it read, how it found it.
 */
import { useState } from 'preact/hooks';
import type { MatchedField, UnmappedField } from '../lib/messaging/protocol';
import { FIELDS, fieldGroup, fieldLabel } from '../rules/fields';
import { useTr, Zh } from './locale';

const HOW: Record<MatchedField['how'], [string, string]> = {
  exact: ['标签一致', 'label as listed'],
  variant: ['标签变体', 'label variant'],
  section: ['按所在分节', 'by its section'],
  profile: ['站点配置', 'site profile'],
};

/** Every field that stands once on a page, for "other field…" (repeated-row fields are mapped by their tables). */
const SINGLE_FIELDS = FIELDS.filter((f) => !fieldGroup(f.key)).map((f) => f.key);

function UnmappedRow({ item, onMap }: { item: UnmappedField; onMap?: (selector: string, key: string) => Promise<string> }) {
  const tr = useTr();
  const [key, setKey] = useState(item.candidates[0] ?? '');
  const [said, setSaid] = useState('');
  const others = SINGLE_FIELDS.filter((k) => !item.candidates.includes(k));
  return (
    <li data-unmapped={item.label}>
      <span class="ap-unmapped-label">
        <Zh text={item.label} />
      </span>
      {onMap ? (
        <span class="ap-map">
          <select value={key} aria-label={tr(`“${item.label}”对应的字段`, `Field for "${item.label}"`)} onChange={(e) => setKey((e.target as HTMLSelectElement).value)}>
            <option value="">{tr('（选择字段）', '(choose a field)')}</option>
            {item.candidates.length ? (
              <optgroup label={tr('可能是', 'Likely')}>
                {item.candidates.map((k) => (
                  <option key={k} value={k} lang="zh-CN">
                    {fieldLabel(k)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={tr('其他字段', 'Other fields')}>
              {others.map((k) => (
                <option key={k} value={k} lang="zh-CN">
                  {fieldLabel(k)}
                </option>
              ))}
            </optgroup>
          </select>
          <button type="button" disabled={!key} onClick={() => void onMap(item.selector, key).then(setSaid)}>
            {tr('指定', 'Map')}
          </button>
        </span>
      ) : item.candidates.length ? (
        <span class="ap-candidates">
          {tr('可能是：', 'Likely: ')}
          <Zh text={item.candidates.map(fieldLabel).join('、')} />
        </span>
      ) : null}
      {said ? (
        <span class="ap-said" role="status">
          {said}
        </span>
      ) : null}
    </li>
  );
}

export function UnmappedFields({ items, onMap }: { items: UnmappedField[]; onMap?: (selector: string, key: string) => Promise<string> }) {
  const tr = useTr();
  return (
    <section class="ap-unmapped" aria-label={tr('未识别字段', 'Unrecognised fields')}>
      <h3>{tr(`未识别字段（${items.length}）`, `Unrecognised fields (${items.length})`)}</h3>
      <p class="ap-hint">
        {tr(
          '以下带标签的控件未能对应到任何字段，其中的内容未被检查。指定后对此类页面立即生效（站点配置，可导出、导入或由单位策略下发）。',
          'These labelled controls match no field, so what they hold was not checked. A mapping applies at once to pages of this type (a site profile: exported, imported or pushed by the unit\'s policy).',
        )}
      </p>
      <ul>
        {items.map((u) => (
          <UnmappedRow key={u.selector} item={u} onMap={onMap} />
        ))}
      </ul>
    </section>
  );
}

export function MatchedFields({ items }: { items: MatchedField[] }) {
  const tr = useTr();
  return (
    <details class="ap-matched">
      <summary>{tr(`已读取字段（${items.length}）及识别方式`, `Fields read (${items.length}) and how they were found`)}</summary>
      <ul>
        {items.map((m) => (
          <li key={m.key} data-matched={m.key} data-how={m.how}>
            <Zh text={m.label} /> → <Zh text={fieldLabel(m.key)} /> · {tr(...HOW[m.how])}
          </li>
        ))}
      </ul>
    </details>
  );
}

export const READING_CSS = `
.ap-unmapped { margin: 8px 0; padding: 6px 8px; border: 1px solid #d97706; border-radius: 4px; background: #fffbeb; }
.ap-unmapped h3 { margin: 0 0 4px; font-size: 13px; }
.ap-unmapped ul, .ap-matched ul { margin: 0; padding-left: 16px; }
.ap-unmapped li { margin: 4px 0; }
.ap-unmapped-label { font-weight: 600; margin-right: 6px; }
.ap-map select { max-width: 180px; }
.ap-hint { color: #4b5563; font-size: 12px; margin: 0 0 4px; }
.ap-matched { margin: 8px 0; font-size: 12px; color: #374151; }
`;
