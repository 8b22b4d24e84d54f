/**
 * Renders the demo case-handling system's pages from case data, in the DOM styles of real
 * intranet systems: label/value form tables (`table`), plain `<label for>` forms (`plain`) and
 * read-only display tables (`display`). Several suspects are a table of rows read by column.
 */
import { fieldDef, fieldGroup } from '../../rules/fields';
import { EXTRA_OPTIONS, PAGE_TYPES } from './pages';

export type PageStyle = 'table' | 'plain' | 'display';

export interface DemoPage {
  style: PageStyle;
  fields: Record<string, string>;
  /** Several suspects: one object per row. */
  suspects?: Record<string, string>[];
  note?: string;
}

export interface DemoCase {
  id: string;
  title: string;
  kind: '刑事' | '行政';
  /** What is wrong on purpose, for the case list (empty: compliant). */
  seeded: string;
  common: Record<string, string>;
  pages: Record<string, DemoPage>;
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const idOf = (key: string, row?: number) => `f-${key.replace(/\./g, '-')}${row === undefined ? '' : `-${row}`}`;

function control(key: string, value: string, row?: number): string {
  const def = fieldDef(key);
  const name = esc(row === undefined ? key : `${key}[${row}]`);
  const id = idOf(key, row);
  if (!def) return `<input type="text" id="${id}" name="${name}" value="${esc(value)}">`;
  const options = def.values ?? EXTRA_OPTIONS[key];
  if (def.type === 'bool') {
    return ['是', '否']
      .map((v) => `<label class="radio"><input type="radio" name="${name}" value="${v}"${value === v ? ' checked' : ''}>${v}</label>`)
      .join('');
  }
  if (def.type === 'enum' && options) {
    const opts = ['<option value="">请选择</option>', ...options.map((o) => `<option value="${esc(o)}"${o === value ? ' selected' : ''}>${esc(o)}</option>`)];
    if (value && !options.includes(value)) opts.push(`<option selected>${esc(value)}</option>`);
    return `<select id="${id}" name="${name}">${opts.join('')}</select>`;
  }
  const cls = def.type === 'datetime' ? 'datetime' : def.type === 'date' ? 'date' : def.type === 'amount' ? 'amount' : 'text';
  const ph = def.type === 'datetime' ? ' placeholder="yyyy-MM-dd HH:mm"' : def.type === 'date' ? ' placeholder="yyyy-MM-dd"' : '';
  return `<input type="text" class="${cls}" id="${id}" name="${name}" value="${esc(value)}"${ph} autocomplete="off">`;
}

function labelOf(key: string, label?: string): string {
  return label ?? fieldDef(key)?.labels[0] ?? key;
}

function sectionTable(title: string, fields: [string, string?][], values: Record<string, string>, style: PageStyle): string {
  const cells = fields.map(([key, label]) => {
    const value = values[key] ?? '';
    const required = /时间|日期|编号/.test(labelOf(key, label)) ? '<span class="req">*</span>' : '';
    if (style === 'display') return `<th>${esc(labelOf(key, label))}</th><td>${esc(value)}</td>`;
    return `<td class="label">${required}${esc(labelOf(key, label))}：</td><td class="value">${control(key, value)}</td>`;
  });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td class="label"></td><td></td>'}</tr>`);
  const cls = style === 'display' ? 'view-table' : 'form-table';
  return `<fieldset><legend>${esc(title)}</legend><table class="${cls}">${rows.join('')}</table></fieldset>`;
}

function sectionPlain(title: string, fields: [string, string?][], values: Record<string, string>): string {
  const rows = fields.map(([key, label]) => {
    const value = values[key] ?? '';
    const def = fieldDef(key);
    if (def?.type === 'bool') {
      return `<div class="form-row"><span class="form-label">${esc(labelOf(key, label))}</span><span class="form-ctl">${control(key, value)}</span></div>`;
    }
    return `<div class="form-row"><label for="${idOf(key)}">${esc(labelOf(key, label))}</label>${control(key, value)}</div>`;
  });
  return `<fieldset><legend>${esc(title)}</legend>${rows.join('')}</fieldset>`;
}

function suspectsTable(title: string, fields: [string, string?][], suspects: Record<string, string>[], style: PageStyle): string {
  const head = `<tr><th>序号</th>${fields.map(([k, l]) => `<th>${esc(labelOf(k, l))}</th>`).join('')}</tr>`;
  const body = suspects
    .map(
      (s, r) =>
        `<tr><td>${r + 1}</td>${fields.map(([k]) => `<td>${style === 'display' ? esc(s[k] ?? '') : control(k, s[k] ?? '', r)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<fieldset><legend>${esc(title)}（${suspects.length}人）</legend><table class="rows-table"><thead>${head}</thead><tbody>${body}</tbody></table></fieldset>`;
}

const NAV: [string, string][] = [
  ['acceptance', '受案登记'],
  ['detention', '刑事拘留'],
  ['bail', '取保候审'],
  ['penalty', '行政处罚决定'],
];

export function layout(title: string, body: string, nav = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} - 执法办案系统</title>
<link rel="stylesheet" href="/static/system.css"></head>
<body><div class="sys-header"><span class="sys-logo">★</span> 滨江市公安局滨江分局 执法办案系统 <span class="sys-demo">（演示环境，数据均为虚构）</span><span class="sys-user">当前用户：法制大队 审核员</span></div>
<div class="sys-main"><div class="sys-nav"><a href="/">案件列表</a>${nav}</div><div class="sys-content">${body}</div></div></body></html>`;
}

export function renderCasePage(c: DemoCase, pageType: string): string {
  const type = PAGE_TYPES[pageType];
  const page = c.pages[pageType];
  if (!type || !page) throw new Error(`no page ${pageType} for ${c.id}`);
  const values = { ...c.common, ...page.fields };
  const parts = type.sections.map(([title, fields]) => {
    const group = fields.every(([k]) => fieldGroup(k) === 'suspect');
    if (group && page.suspects && page.suspects.length > 1) return suspectsTable(title, fields, page.suspects, page.style);
    const vals = group && page.suspects?.[0] ? { ...values, ...page.suspects[0] } : values;
    return page.style === 'plain' ? sectionPlain(title, fields, vals) : sectionTable(title, fields, vals, page.style);
  });
  const nav = NAV.filter(([p]) => c.pages[p])
    .map(([p, name]) => `<a href="/case/${esc(c.id)}/${p}"${p === pageType ? ' class="current"' : ''}>${name}</a>`)
    .join('');
  const actions =
    page.style === 'display'
      ? '<div class="actions"><span class="muted">只读查看</span></div>'
      : '<div class="actions"><button type="button">暂存</button> <button type="submit">提交审批</button></div>';
  const body = `<div class="crumbs">案件办理 › ${esc(c.id)} ${esc(c.title)} › ${esc(type.title)}</div>
<h1>${esc(type.title)}</h1>
<form class="case-form" method="post" action="#" onsubmit="return false">${parts.join('\n')}${actions}</form>`;
  return layout(`${type.title} ${c.id}`, body, nav);
}

export function renderCaseList(cases: DemoCase[]): string {
  const rows = cases
    .map((c) => {
      const links = NAV.filter(([p]) => c.pages[p])
        .map(([p, name]) => `<a href="/case/${esc(c.id)}/${p}">${name}</a>`)
        .join(' | ');
      return `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${esc(c.kind)}</td><td>${esc(c.common['case.unit'] ?? '')}</td><td>${links}</td><td>${esc(c.seeded || '合规样例')}</td></tr>`;
    })
    .join('');
  return layout(
    '案件列表',
    `<h1>案件列表</h1><table class="list-table"><thead><tr><th>案件编号</th><th>案件名称</th><th>类别</th><th>办案单位</th><th>办案环节</th><th>演示说明</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
