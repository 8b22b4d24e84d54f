/**
 * Renders the demo case-handling system's pages from case data, in the DOM styles of real
 * intranet systems:
 * - `table`: label/value cells of a form table; `display`: a read-only view with values as text;
 * - `plain`: `<label for>` rows; `layui`: layui form items with hidden <select> and skins;
 * - `element`: Element UI form items, mounted late by script like a Vue app;
 * - `iframe`: the form inside a same-origin iframe; `frameset`: a frameset of navigation + form.
 * Several suspects or interrogation sessions are a table of rows read by column headers.
 */
import { fieldDef, fieldGroup, type FieldGroup } from '../../rules/fields';
import { EXTRA_OPTIONS, PAGE_TYPES } from './pages';
import { FRAMEWORK_FORM_CLASS, FRAMEWORK_STYLES, frameworkRows, frameworkSection, type FrameworkStyle } from './frameworks';

export type PageStyle = 'table' | 'plain' | 'display' | 'layui' | 'element' | 'iframe' | 'frameset' | FrameworkStyle;

const isFramework = (style: PageStyle): style is FrameworkStyle => (FRAMEWORK_STYLES as readonly string[]).includes(style);

export interface DemoPage {
  style: PageStyle;
  fields: Record<string, string>;
  /** Labels this system writes differently from the page type's (variants, generic labels under a section). */
  labels?: Record<string, string>;
  /** Fields shown as a date input and a time input (Bootstrap 3 pages). */
  split?: string[];
  /** Fields whose widget has not initialised yet (EasyUI pages): the original markup only. */
  uninitialised?: string[];
  /** Repeated groups: one object per row (several suspects, several interrogation sessions). */
  rows?: Partial<Record<FieldGroup, Record<string, string>[]>>;
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
const labelOf = (key: string, label?: string) => label ?? fieldDef(key)?.labels[0] ?? key;
const optionsOf = (key: string) => fieldDef(key)?.values ?? EXTRA_OPTIONS[key];

type Field = [string, string?];

/** A native control (table, plain, iframe, frameset styles). */
function nativeControl(key: string, value: string, row?: number): string {
  const def = fieldDef(key);
  const name = esc(row === undefined ? key : `${key}[${row}]`);
  const id = idOf(key, row);
  const options = optionsOf(key);
  if (def?.type === 'bool') {
    return ['是', '否']
      .map((v) => `<label class="radio"><input type="radio" name="${name}" value="${v}"${value === v ? ' checked' : ''}>${v}</label>`)
      .join('');
  }
  if (def?.type === 'enum' && options) {
    const opts = ['<option value="">请选择</option>', ...options.map((o) => `<option value="${esc(o)}"${o === value ? ' selected' : ''}>${esc(o)}</option>`)];
    if (value && !options.includes(value)) opts.push(`<option selected>${esc(value)}</option>`);
    return `<select id="${id}" name="${name}">${opts.join('')}</select>`;
  }
  const cls = def?.type === 'datetime' ? 'datetime' : def?.type === 'date' ? 'date' : def?.type === 'amount' ? 'amount' : 'text';
  const ph = def?.type === 'datetime' ? ' placeholder="yyyy-MM-dd HH:mm"' : def?.type === 'date' ? ' placeholder="yyyy-MM-dd"' : '';
  return `<input type="text" class="${cls}" id="${id}" name="${name}" value="${esc(value)}"${ph} autocomplete="off">`;
}

/** layui: hidden <select> + rendered title input; radio/checkbox skins; laydate readonly inputs. */
function layuiControl(key: string, value: string): string {
  const def = fieldDef(key);
  const id = idOf(key);
  const options = optionsOf(key);
  if (def?.type === 'bool') {
    return ['是', '否']
      .map((v) => {
        const on = value === v;
        return `<input type="radio" name="${esc(key)}" value="${v}" title="${v}"${on ? ' checked' : ''} style="display:none"><div class="layui-unselect layui-form-radio${on ? ' layui-form-radioed' : ''}" data-for-value="${v}"><i class="layui-anim layui-icon">${on ? '◉' : '○'}</i><div>${v}</div></div>`;
      })
      .join('');
  }
  if (def?.type === 'enum' && options) {
    const opts = ['<option value="">请选择</option>', ...options.map((o) => `<option value="${esc(o)}"${o === value ? ' selected' : ''}>${esc(o)}</option>`)];
    const dds = ['<dd lay-value="" class="layui-select-tips">请选择</dd>', ...options.map((o) => `<dd lay-value="${esc(o)}"${o === value ? ' class="layui-this"' : ''}>${esc(o)}</dd>`)];
    return `<select id="${id}" name="${esc(key)}" style="display:none">${opts.join('')}</select><div class="layui-unselect layui-form-select"><div class="layui-select-title"><input type="text" placeholder="请选择" value="${esc(value)}" readonly class="layui-input layui-unselect"><i class="layui-edge">▾</i></div><dl class="layui-anim layui-anim-upbit">${dds.join('')}</dl></div>`;
  }
  const date = def?.type === 'datetime' || def?.type === 'date';
  return `<input type="text" class="layui-input${date ? ' laydate' : ''}" id="${id}" name="${esc(key)}" value="${esc(value)}"${date ? ' readonly lay-key="1"' : ''} autocomplete="off">`;
}

/** Element UI: readonly date editors, el-select (with tags for lists of kinds), el-radio groups, switches. */
function elementControl(key: string, value: string): string {
  const def = fieldDef(key);
  const id = idOf(key);
  const options = optionsOf(key);
  if (def?.type === 'bool') {
    return `<div role="switch" class="el-switch${value === '是' ? ' is-checked' : ''}" id="${id}" aria-checked="${value === '是'}"><input type="checkbox" class="el-switch__input"${value === '是' ? ' checked' : ''}><span class="el-switch__core"></span><span class="el-switch__label">${value === '是' ? '是' : '否'}</span></div>`;
  }
  if (def?.type === 'list' && options) {
    const chosen = value.split(/[、,，\s]+/).filter(Boolean);
    const tags = chosen.map((t) => `<span class="el-tag el-tag--info el-tag--small"><span class="el-select__tags-text">${esc(t)}</span><i class="el-tag__close">×</i></span>`).join('');
    return `<div class="el-select" id="${id}" data-options="${esc(options.join('|'))}" data-multiple="1"><div class="el-select__tags"><span>${tags}</span></div><div class="el-input el-input--suffix"><input type="text" readonly autocomplete="off" placeholder="${chosen.length ? '' : '请选择'}" class="el-input__inner"></div></div>`;
  }
  if (def?.type === 'enum' && options) {
    return `<div class="el-select" id="${id}" data-options="${esc(options.join('|'))}"><div class="el-input el-input--suffix"><input type="text" readonly autocomplete="off" placeholder="请选择" class="el-input__inner" value="${esc(value)}"><span class="el-input__suffix">▾</span></div></div>`;
  }
  if (def?.type === 'datetime' || def?.type === 'date') {
    return `<div class="el-date-editor el-input el-input--prefix el-input--suffix el-date-editor--${def.type}"><input type="text" readonly autocomplete="off" placeholder="选择${def.type === 'date' ? '日期' : '日期时间'}" class="el-input__inner" id="${id}" value="${esc(value)}"></div>`;
  }
  return `<div class="el-input"><input type="text" autocomplete="off" class="el-input__inner" id="${id}" value="${esc(value)}"></div>`;
}

function tableSection(title: string, fields: Field[], values: Record<string, string>, display: boolean): string {
  const cells = fields.map(([key, label]) => {
    const value = values[key] ?? '';
    const required = /时间|日期|编号/.test(labelOf(key, label)) ? '<span class="req">*</span>' : '';
    if (display) return `<th>${esc(labelOf(key, label))}</th><td>${esc(value)}</td>`;
    return `<td class="label">${required}${esc(labelOf(key, label))}：</td><td class="value">${nativeControl(key, value)}</td>`;
  });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? (display ? '<th></th><td></td>' : '<td class="label"></td><td></td>')}</tr>`);
  return `<fieldset><legend>${esc(title)}</legend><table class="${display ? 'view-table' : 'form-table'}">${rows.join('')}</table></fieldset>`;
}

function plainSection(title: string, fields: Field[], values: Record<string, string>): string {
  const rows = fields.map(([key, label]) => {
    const value = values[key] ?? '';
    if (fieldDef(key)?.type === 'bool') {
      return `<div class="form-row"><span class="form-label">${esc(labelOf(key, label))}</span><span class="form-ctl">${nativeControl(key, value)}</span></div>`;
    }
    return `<div class="form-row"><label for="${idOf(key)}">${esc(labelOf(key, label))}</label>${nativeControl(key, value)}</div>`;
  });
  return `<fieldset><legend>${esc(title)}</legend>${rows.join('')}</fieldset>`;
}

function layuiSection(title: string, fields: Field[], values: Record<string, string>): string {
  const items = fields.map(
    ([key, label]) =>
      `<div class="layui-form-item layui-inline"><label class="layui-form-label">${esc(labelOf(key, label))}</label><div class="layui-input-block">${layuiControl(key, values[key] ?? '')}</div></div>`,
  );
  return `<fieldset class="layui-elem-field"><legend>${esc(title)}</legend><div class="layui-field-box">${items.join('')}</div></fieldset>`;
}

function elementSection(title: string, fields: Field[], values: Record<string, string>): string {
  const items = fields.map(
    ([key, label]) =>
      `<div class="el-form-item el-col-12"><label class="el-form-item__label" style="width: 150px;">${esc(labelOf(key, label))}</label><div class="el-form-item__content" style="margin-left: 150px;">${elementControl(key, values[key] ?? '')}</div></div>`,
  );
  return `<div class="el-card"><div class="el-card__header">${esc(title)}</div><div class="el-card__body el-row">${items.join('')}</div></div>`;
}

function rowsSection(title: string, fields: Field[], rows: Record<string, string>[], display: boolean): string {
  const head = `<tr><th>序号</th>${fields.map(([k, l]) => `<th>${esc(labelOf(k, l))}</th>`).join('')}</tr>`;
  const body = rows
    .map((s, r) => `<tr><td>${r + 1}</td>${fields.map(([k]) => `<td>${display ? esc(s[k] ?? '') : nativeControl(k, s[k] ?? '', r)}</td>`).join('')}</tr>`)
    .join('');
  return `<fieldset><legend>${esc(title)}（${rows.length}）</legend><table class="rows-table"><thead>${head}</thead><tbody>${body}</tbody></table></fieldset>`;
}

const NAV: [string, string][] = [
  ['acceptance', '受案登记'],
  ['summons', '传唤拘传'],
  ['detention', '刑事拘留'],
  ['arrest', '逮捕'],
  ['bail', '取保候审'],
  ['surveillance', '监视居住'],
  ['interrogation', '讯问笔录'],
  ['seizure', '查封扣押'],
  ['adm-summons', '治安传唤询问'],
  ['penalty', '行政处罚决定'],
];

export function layout(title: string, body: string, nav = '', head = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} - 执法办案系统</title>
<link rel="stylesheet" href="/static/system.css">${head}</head>
<body><div class="sys-header"><span class="sys-logo">★</span> 滨江市公安局滨江分局 执法办案系统 <span class="sys-demo">（演示环境，数据均为虚构）</span><span class="sys-user">当前用户：法制大队 审核员</span></div>
<div class="sys-main"><div class="sys-nav"><a href="/">案件列表</a>${nav}</div><div class="sys-content">${body}</div></div></body></html>`;
}

function caseNav(c: DemoCase, current: string, target = ''): string {
  return NAV.filter(([p]) => c.pages[p])
    .map(([p, name]) => `<a href="/case/${esc(c.id)}/${p}"${p === current ? ' class="current"' : ''}${target}>${name}</a>`)
    .join('');
}

/** The form itself, in a style. `inner` renders the page that an iframe/frameset shows. */
function formBody(c: DemoCase, pageType: string, style: PageStyle): string {
  const type = PAGE_TYPES[pageType]!;
  const page = c.pages[pageType]!;
  const values = { ...c.common, ...page.fields };
  const parts = type.sections.map(([title, typeFields]) => {
    const fields = typeFields.map(([key, label]): Field => [key, page.labels?.[key] ?? label]);
    const groups = new Set(fields.map(([k]) => fieldGroup(k)));
    const group = groups.size === 1 ? [...groups][0] : undefined;
    const rows = group ? page.rows?.[group] : undefined;
    if (rows && rows.length > 1) return (isFramework(style) && frameworkRows(style, title, fields, rows)) || rowsSection(title, fields, rows, style === 'display');
    const vals = rows?.[0] ? { ...values, ...rows[0] } : values;
    if (isFramework(style)) return frameworkSection(style, title, fields, vals, { split: page.split, uninitialised: page.uninitialised });
    switch (style) {
      case 'plain':
        return plainSection(title, fields, vals);
      case 'layui':
        return layuiSection(title, fields, vals);
      case 'element':
        return elementSection(title, fields, vals);
      default:
        return tableSection(title, fields, vals, style === 'display');
    }
  });
  const actions =
    style === 'display'
      ? '<div class="actions"><span class="muted">只读查看</span></div>'
      : '<div class="actions"><button type="button" class="btn-save">暂存</button> <button type="submit">提交审批</button></div>';
  const cls = isFramework(style) ? FRAMEWORK_FORM_CLASS[style] : style === 'layui' ? 'case-form layui-form' : style === 'element' ? 'case-form el-form' : 'case-form';
  return `<form class="${cls}" method="post" action="#" onsubmit="return false">${parts.join('\n')}${actions}</form>`;
}

export function renderCasePage(c: DemoCase, pageType: string, variant?: string): string {
  const type = PAGE_TYPES[pageType];
  const page = c.pages[pageType];
  if (!type || !page) throw new Error(`no page ${pageType} for ${c.id}`);
  const crumbs = `<div class="crumbs">案件办理 › ${esc(c.id)} ${esc(c.title)} › ${esc(type.title)}</div><h1>${esc(type.title)}</h1>`;
  const src = `/case/${esc(c.id)}/${pageType}?part=form`;

  if (variant === 'partial') {
    // The same page half loaded (its form failed to load): one field where the type has many (#18.5).
    const form = `<form class="case-form"><table class="form-table"><tr><th><label for="f-case-number">案件编号</label></th><td><input id="f-case-number" value="${esc(c.id)}"></td></tr></table><p class="muted">表单加载失败，请刷新。</p></form>`;
    return layout(`${type.title} ${c.id}`, `${crumbs}${form}`, caseNav(c, pageType));
  }
  if (variant === 'form') {
    // The inner document of an iframe or frameset.
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/static/system.css"></head><body class="inner">${formBody(c, pageType, 'table')}</body></html>`;
  }
  if (variant === 'nav') {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/static/system.css"></head><body class="sys-nav-frame"><div class="sys-nav"><a href="/" target="_top">案件列表</a>${caseNav(c, pageType, ' target="_top"')}</div></body></html>`;
  }
  if (page.style === 'frameset') {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(type.title)} ${esc(c.id)} - 执法办案系统</title></head>
<frameset cols="160,*" frameborder="1"><frame name="nav" src="/case/${esc(c.id)}/${pageType}?part=nav"><frame name="main" src="${src}"></frameset></html>`;
  }
  if (page.style === 'iframe') {
    return layout(`${type.title} ${c.id}`, `${crumbs}<iframe class="form-frame" name="formFrame" src="${src}" title="${esc(type.title)}"></iframe>`, caseNav(c, pageType));
  }
  if (page.style === 'element') {
    // Mounted late by script, as a Vue app would be.
    const template = formBody(c, pageType, 'element');
    return layout(
      `${type.title} ${c.id}`,
      `${crumbs}<div id="app"><p class="muted">加载中…</p></div><script type="text/x-template" id="app-template">${template}</script>`,
      caseNav(c, pageType),
      '<script src="/static/mini-element.js" defer></script>',
    );
  }
  const head = page.style === 'layui' ? '<script src="/static/mini-layui.js" defer></script>' : '';
  return layout(`${type.title} ${c.id}`, `${crumbs}${formBody(c, pageType, page.style)}`, caseNav(c, pageType), head);
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
