/**
 * Demo pages in the DOM that other UI frameworks render (#18.3), written out as each library leaves
 * its DOM after initialising — the demo site loads none of them:
 * - jQuery EasyUI 1.x: the original <input> hidden (`textbox-f`), a `span.textbox` with the visible
 *   `textbox-text` and the hidden `textbox-value` (a combobox's code there, its text shown), panels,
 *   and datagrids whose header and body are separate tables keyed by `field`;
 * - ExtJS 6: `x-form-item-label` (for → the `-inputEl`) and `x-form-item-body`, datefield and
 *   combobox inputs, displayfield divs, fieldsets, and grids whose header container and row tables
 *   stand apart (cells tied to headers by `data-columnid`);
 * - Ant Design Vue 3: form items with `label[for]`, picker inputs, `ant-select` showing
 *   `ant-select-selection-item` (the `for` points at its empty search input), radio wrappers, cards;
 * - iView 3: `ivu-form-item-label` + `ivu-form-item-content`, date pickers, `ivu-select-selected-value`,
 *   cards;
 * - Bootstrap 3 horizontal forms: `control-label` without `for`, input groups, `form-control-static`,
 *   panels, and a date and a time input side by side for one value.
 */
import { fieldDef } from '../../rules/fields';
import { EXTRA_OPTIONS } from './pages';

export type FrameworkStyle = 'easyui' | 'extjs' | 'antd' | 'iview' | 'bootstrap3';
export const FRAMEWORK_STYLES: readonly FrameworkStyle[] = ['easyui', 'extjs', 'antd', 'iview', 'bootstrap3'];

type Field = [string, string?];
export interface FrameworkOptions {
  /** Fields shown as a date input and a time input side by side. */
  split?: readonly string[];
  /** Fields whose widget has not initialised yet: the library's original markup only. */
  uninitialised?: readonly string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const labelOf = (key: string, label?: string) => label ?? fieldDef(key)?.labels[0] ?? key;
const optionsOf = (key: string): readonly string[] | undefined => (fieldDef(key)?.type === 'bool' ? ['是', '否'] : (fieldDef(key)?.values ?? EXTRA_OPTIONS[key]));
const kind = (key: string) => fieldDef(key)?.type;
/** A code system's value for an option (EasyUI and ExtJS comboboxes keep codes, show text). */
const codeOf = (options: readonly string[], v: string) => (options.indexOf(v) >= 0 ? String(options.indexOf(v) + 1).padStart(2, '0') : '');
let counter = 1000;
const nextId = () => ++counter;

// ---- jQuery EasyUI -------------------------------------------------------------------------

function easyuiControl(key: string, value: string, o: FrameworkOptions): string {
  const options = optionsOf(key);
  const t = kind(key);
  const cls = options ? 'easyui-combobox' : t === 'datetime' ? 'easyui-datetimebox' : t === 'date' ? 'easyui-datebox' : t === 'amount' || t === 'int' ? 'easyui-numberbox' : 'easyui-textbox';
  if (o.uninitialised?.includes(key)) return `<input class="${cls}" name="${esc(key)}" value="${esc(value)}" style="width:200px">`;
  const id = `_easyui_textbox_input${nextId()}`;
  const stored = options ? codeOf(options, value) : value;
  const combo = options || t === 'datetime' || t === 'date';
  const widget = options ? 'combo combobox' : t === 'datetime' ? 'combo datebox datetimebox' : t === 'date' ? 'combo datebox' : t === 'amount' || t === 'int' ? 'numberbox' : '';
  const addon = combo ? '<span class="textbox-addon textbox-addon-right" style="right:0"><a href="javascript:;" class="textbox-icon combo-arrow" icon-index="0" tabindex="-1" style="width:18px;height:22px"></a></span>' : '';
  return (
    `<input class="${cls} textbox-f" textboxname="${esc(key)}" comboname="${esc(key)}" style="display:none" value="">` +
    `<span class="textbox ${widget}" style="width:198px;height:22px">${addon}` +
    `<input id="${id}" type="text" class="textbox-text validatebox-text" autocomplete="off" tabindex="" value="${esc(value)}" style="margin:0 18px 0 0;height:20px;line-height:20px;width:172px">` +
    `<input type="hidden" class="textbox-value" name="${esc(key)}" value="${esc(stored)}"></span>`
  );
}

function easyuiSection(title: string, fields: Field[], values: Record<string, string>, o: FrameworkOptions): string {
  const cells = fields.map(([key, label]) => `<td class="ftitle" style="text-align:right">${esc(labelOf(key, label))}:</td><td>${easyuiControl(key, values[key] ?? '', o)}</td>`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td></td><td></td>'}</tr>`);
  return (
    `<div class="panel" style="width:100%"><div class="panel-header"><div class="panel-title">${esc(title)}</div><div class="panel-tool"></div></div>` +
    `<div class="easyui-panel panel-body" title=""><table cellpadding="5">${rows.join('')}</table></div></div>`
  );
}

/** A datagrid: row numbers and data in two views; each view's header and body are separate tables. */
function easyuiGrid(title: string, fields: Field[], rows: Record<string, string>[]): string {
  const head = fields.map(([key, label]) => `<td field="${esc(key)}"><div class="datagrid-cell" style="width:130px;text-align:center"><span>${esc(labelOf(key, label))}</span><span class="datagrid-sort-icon"></span></div></td>`).join('');
  const body = rows
    .map((r, i) => `<tr id="datagrid-row-r1-2-${i}" datagrid-row-index="${i}" class="datagrid-row${i % 2 ? ' datagrid-row-alt' : ''}">${fields.map(([key]) => `<td field="${esc(key)}"><div class="datagrid-cell" style="width:130px">${esc(r[key] ?? '')}</div></td>`).join('')}</tr>`)
    .join('');
  const numbers = rows.map((_, i) => `<tr id="datagrid-row-r1-1-${i}" datagrid-row-index="${i}" class="datagrid-row"><td class="datagrid-td-rownumber"><div class="datagrid-cell-rownumber">${i + 1}</div></td></tr>`).join('');
  return (
    `<div class="panel datagrid"><div class="panel-header"><div class="panel-title">${esc(title)}</div></div><div class="datagrid-wrap panel-body"><div class="datagrid-view">` +
    `<div class="datagrid-view1" style="width:31px"><div class="datagrid-header"><div class="datagrid-header-inner"><table class="datagrid-htable" border="0" cellspacing="0" cellpadding="0"><tbody><tr class="datagrid-header-row"><td rowspan="0"><div class="datagrid-header-rownumber"></div></td></tr></tbody></table></div></div>` +
    `<div class="datagrid-body"><div class="datagrid-body-inner"><table class="datagrid-btable" cellspacing="0" cellpadding="0" border="0"><tbody>${numbers}</tbody></table></div></div></div>` +
    `<div class="datagrid-view2"><div class="datagrid-header"><div class="datagrid-header-inner"><table class="datagrid-htable" border="0" cellspacing="0" cellpadding="0"><tbody><tr class="datagrid-header-row">${head}</tr></tbody></table></div></div>` +
    `<div class="datagrid-body"><table class="datagrid-btable" cellspacing="0" cellpadding="0" border="0"><tbody>${body}</tbody></table></div></div>` +
    `</div></div></div>`
  );
}

// ---- ExtJS 6 -------------------------------------------------------------------------------

function extjsField(key: string, label: string, value: string): string {
  const options = optionsOf(key);
  const t = kind(key);
  const xtype = options ? 'combobox' : t === 'datetime' || t === 'date' ? 'datefield' : t === 'amount' || t === 'int' ? 'numberfield' : key === 'case.number' ? 'displayfield' : 'textfield';
  const id = `${xtype}-${nextId()}`;
  const labelEl = `<label id="${id}-labelEl" class="x-form-item-label x-form-item-label-default x-unselectable" for="${id}-inputEl" style="padding-right:5px;width:110px"><span class="x-form-item-label-inner x-form-item-label-inner-default" style="width:105px"><span class="x-form-item-label-text">${esc(label)}:</span></span></label>`;
  let body: string;
  if (xtype === 'displayfield') body = `<div id="${id}-inputEl" role="textbox" class="x-form-display-field x-form-display-field-default">${esc(value)}</div>`;
  else {
    const trigger = xtype === 'combobox' ? '<div class="x-form-trigger x-form-trigger-default x-form-arrow-trigger"></div>' : xtype === 'datefield' ? '<div class="x-form-trigger x-form-trigger-default x-form-date-trigger"></div>' : '';
    body = `<div class="x-form-trigger-wrap x-form-trigger-wrap-default"><div class="x-form-text-wrap x-form-text-wrap-default"><input id="${id}-inputEl" data-ref="inputEl" type="text" size="1" name="${esc(key)}" class="x-form-field x-form-text x-form-text-default" autocomplete="off" value="${esc(value)}"${options ? ' readonly' : ''}></div>${trigger}</div>`;
  }
  return `<div class="x-field x-form-item x-form-item-default x-form-type-text x-field-default x-anchor-form-item" id="${id}">${labelEl}<div id="${id}-bodyEl" class="x-form-item-body x-form-item-body-default x-form-text-field-body">${body}</div></div>`;
}

function extjsSection(title: string, fields: Field[], values: Record<string, string>): string {
  return `<fieldset class="x-fieldset x-fieldset-with-title x-fieldset-with-legend x-fieldset-default"><legend class="x-fieldset-header x-fieldset-header-default"><div class="x-component x-fieldset-header-text">${esc(title)}</div></legend><div class="x-fieldset-body">${fields.map(([key, label]) => extjsField(key, labelOf(key, label), values[key] ?? '')).join('')}</div></fieldset>`;
}

/** A grid: the header container of column headers, then one table per row (cells name their column). */
function extjsGrid(title: string, fields: Field[], rows: Record<string, string>[]): string {
  const cols = fields.map(([key, label]) => ({ key, label: labelOf(key, label), id: `gridcolumn-${nextId()}` }));
  const headers = cols.map((c) => `<div class="x-column-header x-column-header-align-left x-box-item x-column-header-default" id="${c.id}" style="width:130px"><div class="x-column-header-inner"><span class="x-column-header-text"><span class="x-column-header-text-inner">${esc(c.label)}</span></span></div></div>`).join('');
  const items = rows
    .map((r, i) => `<table class="x-grid-item${i % 2 ? ' x-grid-item-alt' : ''}" data-recordindex="${i}" role="presentation" cellpadding="0" cellspacing="0"><tbody><tr class="x-grid-row" role="row">${cols.map((c) => `<td class="x-grid-cell x-grid-td" data-columnid="${c.id}" role="gridcell" style="width:130px"><div class="x-grid-cell-inner" style="text-align:left">${esc(r[c.key] ?? '')}</div></td>`).join('')}</tr></tbody></table>`)
    .join('');
  return (
    `<div class="x-panel x-grid x-panel-default"><div class="x-panel-header x-panel-header-default"><div class="x-title-text">${esc(title)}</div></div>` +
    `<div class="x-panel-bodyWrap"><div class="x-grid-header-ct x-docked x-grid-header-ct-default x-docked-top" role="group"><div class="x-box-inner"><div class="x-box-target">${headers}</div></div></div>` +
    `<div class="x-panel-body x-grid-body"><div class="x-grid-view x-fit-item x-grid-view-default"><div class="x-grid-item-container">${items}</div></div></div></div></div>`
  );
}

// ---- Ant Design Vue 3 ----------------------------------------------------------------------

function antdControl(key: string, id: string, value: string): string {
  const options = optionsOf(key);
  const t = kind(key);
  if (t === 'bool') {
    return `<div class="ant-radio-group ant-radio-group-outline" id="${id}">${['是', '否']
      .map((v) => `<label class="ant-radio-wrapper${value === v ? ' ant-radio-wrapper-checked' : ''}"><span class="ant-radio${value === v ? ' ant-radio-checked' : ''}"><input type="radio" class="ant-radio-input" value="${v}"${value === v ? ' checked' : ''}><span class="ant-radio-inner"></span></span><span>${v}</span></label>`)
      .join('')}</div>`;
  }
  if (options) {
    const shown = value ? `<span class="ant-select-selection-item" title="${esc(value)}">${esc(value)}</span>` : '<span class="ant-select-selection-placeholder">请选择</span>';
    return `<div class="ant-select ant-select-single ant-select-show-arrow"><div class="ant-select-selector"><span class="ant-select-selection-search"><input type="search" id="${id}" autocomplete="off" class="ant-select-selection-search-input" role="combobox" aria-haspopup="listbox" readonly unselectable="on" value="" style="opacity:0"></span>${shown}</div><span class="ant-select-arrow" unselectable="on" aria-hidden="true">▾</span></div>`;
  }
  if (t === 'datetime' || t === 'date') {
    return `<div class="ant-picker"><div class="ant-picker-input"><input id="${id}" readonly placeholder="请选择日期" title="${esc(value)}" size="21" autocomplete="off" value="${esc(value)}"><span class="ant-picker-suffix"><span role="img" aria-label="calendar" class="anticon anticon-calendar"></span></span></div></div>`;
  }
  return `<input id="${id}" type="text" class="ant-input" value="${esc(value)}">`;
}

function antdSection(title: string, fields: Field[], values: Record<string, string>): string {
  const items = fields.map(([key, label]) => {
    const id = `form_item_${key.replace(/\./g, '_')}`;
    return `<div class="ant-row ant-form-item"><div class="ant-col ant-col-8 ant-form-item-label"><label for="${id}" class="" title="${esc(labelOf(key, label))}">${esc(labelOf(key, label))}</label></div><div class="ant-col ant-col-16 ant-form-item-control"><div class="ant-form-item-control-input"><div class="ant-form-item-control-input-content">${antdControl(key, id, values[key] ?? '')}</div></div></div></div>`;
  });
  return `<div class="ant-card ant-card-bordered"><div class="ant-card-head"><div class="ant-card-head-wrapper"><div class="ant-card-head-title">${esc(title)}</div></div></div><div class="ant-card-body"><form class="ant-form ant-form-horizontal">${items.join('')}</form></div></div>`;
}

// ---- iView 3 -------------------------------------------------------------------------------

function iviewControl(key: string, value: string): string {
  const options = optionsOf(key);
  const t = kind(key);
  if (options) {
    const shown = value ? `<span class="ivu-select-selected-value">${esc(value)}</span>` : '<span class="ivu-select-placeholder">请选择</span>';
    return `<div class="ivu-select ivu-select-single ivu-select-default"><div tabindex="0" class="ivu-select-selection"><input type="hidden" value="${esc(value)}"><div>${shown}<i class="ivu-icon ivu-icon-ios-arrow-down ivu-select-arrow"></i></div></div></div>`;
  }
  if (t === 'datetime' || t === 'date') {
    return `<div class="ivu-date-picker"><div class="ivu-date-picker-rel"><div class="ivu-input-wrapper ivu-input-wrapper-default ivu-input-type"><i class="ivu-icon ivu-icon-ios-calendar-outline ivu-input-icon ivu-input-icon-normal"></i><input autocomplete="off" spellcheck="false" type="text" placeholder="选择日期" class="ivu-input ivu-input-default ivu-input-with-suffix" value="${esc(value)}"></div></div></div>`;
  }
  return `<div class="ivu-input-wrapper ivu-input-wrapper-default ivu-input-type"><input autocomplete="off" spellcheck="false" type="text" class="ivu-input ivu-input-default" value="${esc(value)}"></div>`;
}

function iviewSection(title: string, fields: Field[], values: Record<string, string>): string {
  const items = fields.map(
    ([key, label]) =>
      `<div class="ivu-form-item"><label class="ivu-form-item-label" style="width:120px">${esc(labelOf(key, label))}</label><div class="ivu-form-item-content" style="margin-left:120px">${iviewControl(key, values[key] ?? '')}</div></div>`,
  );
  return `<div class="ivu-card ivu-card-bordered"><div class="ivu-card-head"><p>${esc(title)}</p></div><div class="ivu-card-body"><form class="ivu-form ivu-form-label-right">${items.join('')}</form></div></div>`;
}

// ---- Bootstrap 3 ---------------------------------------------------------------------------

function bootstrapControl(key: string, value: string, o: FrameworkOptions): string {
  const options = optionsOf(key);
  const t = kind(key);
  if (key === 'case.number') return `<p class="form-control-static">${esc(value)}</p>`;
  if (o.split?.includes(key)) {
    const [date = '', time = ''] = value.split(' ');
    return `<div class="form-inline"><input type="date" class="form-control" value="${esc(date)}"> <input type="time" class="form-control" value="${esc(time)}"></div>`;
  }
  if (options) return `<select class="form-control"><option value="">请选择</option>${options.map((v) => `<option${v === value ? ' selected' : ''}>${esc(v)}</option>`).join('')}</select>`;
  if (t === 'datetime' || t === 'date') {
    return `<div class="input-group date"><input type="text" class="form-control" value="${esc(value)}"><span class="input-group-addon"><span class="glyphicon glyphicon-calendar"></span></span></div>`;
  }
  return `<input type="text" class="form-control" value="${esc(value)}">`;
}

function bootstrapSection(title: string, fields: Field[], values: Record<string, string>, o: FrameworkOptions): string {
  const items = fields.map(([key, label]) => `<div class="form-group"><label class="col-sm-3 control-label">${esc(labelOf(key, label))}</label><div class="col-sm-9">${bootstrapControl(key, values[key] ?? '', o)}</div></div>`);
  return `<div class="panel panel-default"><div class="panel-heading"><h3 class="panel-title">${esc(title)}</h3></div><div class="panel-body form-horizontal">${items.join('')}</div></div>`;
}

export function frameworkSection(style: FrameworkStyle, title: string, fields: Field[], values: Record<string, string>, o: FrameworkOptions = {}): string {
  switch (style) {
    case 'easyui':
      return easyuiSection(title, fields, values, o);
    case 'extjs':
      return extjsSection(title, fields, values);
    case 'antd':
      return antdSection(title, fields, values);
    case 'iview':
      return iviewSection(title, fields, values);
    case 'bootstrap3':
      return bootstrapSection(title, fields, values, o);
  }
}

/** Several rows of a group: a datagrid (EasyUI), a grid (ExtJS), or the framework's plain table. */
export function frameworkRows(style: FrameworkStyle, title: string, fields: Field[], rows: Record<string, string>[]): string | null {
  if (style === 'easyui') return easyuiGrid(title, fields, rows);
  if (style === 'extjs') return extjsGrid(title, fields, rows);
  return null;
}

export const FRAMEWORK_FORM_CLASS: Record<FrameworkStyle, string> = {
  easyui: 'case-form easyui-form',
  extjs: 'case-form x-form x-panel-body',
  antd: 'case-form ant-form-wrapper',
  iview: 'case-form ivu-form-wrapper',
  bootstrap3: 'case-form form-horizontal container-fluid',
};
