/**
 * "Pick a field" (选取字段): for pages whose labels CaseLint does not recognise, the user clicks a
 * control and assigns it a canonical field; the assignment is saved in the site profile for this
 * page's address and used from the next reading on. Lives in its own open shadow root (ignored by
 * the reader), swallows the page's clicks while active, and leaves with Esc or 完成.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { FIELDS, fieldGroup } from '../../rules/fields';
import { OWN_ATTR } from '../../lib/page/read';
import { selectorFor } from '../../lib/page/selector';
import { trFor, type Locale } from '../../lib/i18n/tr';

export interface PickerOptions {
  doc: Document;
  /** Saves one assignment; rejects with a message the user sees. */
  save(field: { key: string; selector: string; row?: number }): Promise<void>;
  /** Fields already assigned on this page (shown in the list). */
  assigned: { key: string; selector: string }[];
  onClose(): void;
  locale?: Locale;
}

const CSS = `
:host { all: initial; }
.bar { position: fixed; left: 50%; top: 8px; transform: translateX(-50%); z-index: 2147483647; background: #fff; color: #1f2329;
  border: 1px solid #8f959e; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.2); padding: 8px 12px; min-width: 420px; max-width: 90vw;
  font: 14px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.bar h2 { font-size: 14px; margin: 0 0 4px; }
.bar p { margin: 4px 0; }
.bar select, .bar button { font: inherit; }
.bar button { margin-left: 6px; padding: 2px 10px; }
.bar ul { margin: 4px 0; padding-left: 18px; max-height: 120px; overflow: auto; font-size: 12px; }
.box { position: fixed; pointer-events: none; z-index: 2147483646; border: 2px solid #1d4ed8; background: rgba(29,78,216,.08); }
.err { color: #b42318; }
.ok { color: #166534; }
`;

const PICKABLE = 'input, select, textarea, [contenteditable=""], [contenteditable="true"], td, dd, span, div';

function Bar({ target, onCancel, options }: { target: Element | null; onCancel: () => void; options: PickerOptions }) {
  const tr = trFor(options.locale ?? 'zh-CN');
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'err'; text: string } | null>(null);
  const [assigned, setAssigned] = useState(options.assigned);
  const selector = target ? selectorFor(target) : '';
  const saveIt = async () => {
    if (!target) return;
    if (!key) return setStatus({ kind: 'err', text: tr('请先选择要指定的字段。', 'Choose the field first.') });
    try {
      await options.save({ key, selector });
      setAssigned((a) => [...a.filter((f) => f.selector !== selector), { key, selector }]);
      setStatus({ kind: 'ok', text: `${tr('已保存：', 'Saved: ')}${FIELDS.find((f) => f.key === key)?.labels[0] ?? key} ← ${selector}` });
      setKey('');
      onCancel();
    } catch (e) {
      setStatus({ kind: 'err', text: `${tr('保存失败：', 'Not saved: ')}${(e as Error).message}` });
    }
  };
  return (
    <div class="bar" role="dialog" aria-label={tr('选取字段', 'Pick a field')} lang={options.locale ?? 'zh-CN'}>
      <h2>{tr('选取字段 · 为本页建立站点配置', "Pick a field · build this page's site profile")}</h2>
      {target ? (
        <p>
          <label>
            {tr('所选控件对应的字段：', 'The selected control is the field: ')}
            <select value={key} onChange={(e) => setKey((e.target as HTMLSelectElement).value)} data-caselint-pick-field="">
              <option value="">{tr('（请选择）', '(choose)')}</option>
              {FIELDS.filter((f) => !fieldGroup(f.key)).map((f) => (
                <option value={f.key}>
                  {tr(`${f.labels[0]}（${f.key}）`, `${f.key} (${f.labels[0]})`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void saveIt()}>
            {tr('保存', 'Save')}
          </button>
          <button type="button" onClick={onCancel}>
            {tr('重选', 'Pick again')}
          </button>
        </p>
      ) : (
        <p>{tr('请点击页面上的输入框或显示值的单元格。按 Esc 或“完成”退出。', 'Click an input or a cell showing a value on the page. Esc or "Done" leaves.')}</p>
      )}
      {status ? (
        <p class={status.kind} role="status">
          {status.text}
        </p>
      ) : null}
      {assigned.length ? (
        <ul aria-label={tr('本页已指定的字段', 'Fields assigned on this page')}>
          {assigned.map((f) => (
            <li>
              {FIELDS.find((d) => d.key === f.key)?.labels[0] ?? f.key} ← <code>{f.selector}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <button type="button" onClick={options.onClose} data-caselint-pick-done="">
          {tr('完成', 'Done')}
        </button>
      </p>
    </div>
  );
}

/** Starts the picker; returns the function that ends it. */
export function startPicker(options: PickerOptions): () => void {
  const { doc } = options;
  const host = doc.createElement('div');
  host.setAttribute(OWN_ATTR, '');
  host.setAttribute('data-caselint-picker', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.hidden = true;
  const mount = doc.createElement('div');
  shadow.append(style, box, mount);
  doc.documentElement.append(host);

  let target: Element | null = null;
  const ours = (e: Event) => e.composedPath().includes(host);
  const candidate = (e: Event): Element | null => {
    const el = e.target instanceof Element ? e.target.closest(PICKABLE) : null;
    return el && !el.hasAttribute(OWN_ATTR) ? el : null;
  };
  const outline = (el: Element | null) => {
    if (!el) {
      box.hidden = true;
      return;
    }
    const r = el.getBoundingClientRect();
    box.hidden = false;
    box.style.cssText = `left:${r.left - 2}px;top:${r.top - 2}px;width:${r.width}px;height:${r.height}px;`;
  };
  const draw = () =>
    render(
      <Bar
        target={target}
        options={options}
        onCancel={() => {
          target = null;
          outline(null);
          draw();
        }}
      />,
      mount,
    );
  const onMove = (e: MouseEvent) => {
    if (target || ours(e)) return;
    outline(candidate(e));
  };
  const onClick = (e: MouseEvent) => {
    if (ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const el = candidate(e);
    if (!el) return;
    target = el;
    outline(el);
    draw();
  };
  const swallow = (e: Event) => {
    if (!ours(e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') options.onClose();
  };
  const win = doc.defaultView!;
  win.addEventListener('mousemove', onMove, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('mousedown', swallow, true);
  win.addEventListener('keydown', onKey, true);
  draw();
  return () => {
    win.removeEventListener('mousemove', onMove, true);
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('mousedown', swallow, true);
    win.removeEventListener('keydown', onKey, true);
    render(null, mount);
    host.remove();
  };
}
