/**
 * A CSS selector that finds a picked control again on the next load of the same page: its id, else
 * its name, else a path of tag:nth-of-type steps from the nearest ancestor with an id. Ids and names
 * that look generated (long digit runs, framework prefixes) are not trusted.
 */
const GENERATED = /\d{5,}|^(el-id-|layui-|ember|react|vue|ext-gen|j_idt)/i;

function cssEscape(value: string): string {
  const esc = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS?.escape;
  return esc ? esc(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}

function unique(doc: Document, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  const tag = el.tagName.toLowerCase();
  if (el.id && !GENERATED.test(el.id)) {
    const s = `#${cssEscape(el.id)}`;
    if (unique(doc, s, el)) return s;
  }
  const name = el.getAttribute('name');
  if (name && !GENERATED.test(name)) {
    const s = `${tag}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
    if (unique(doc, s, el)) return s;
  }
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node !== doc.documentElement) {
    if (node !== el && node.id && !GENERATED.test(node.id)) {
      steps.unshift(`#${cssEscape(node.id)}`);
      break;
    }
    const parent: Element | null = node.parentElement;
    const t = node.tagName.toLowerCase();
    const same = parent ? Array.from(parent.children).filter((c) => c.tagName === node!.tagName) : [];
    steps.unshift(same.length > 1 ? `${t}:nth-of-type(${same.indexOf(node) + 1})` : t);
    node = parent;
  }
  return steps.join(' > ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The URL pattern of a site profile made from one page: the same origin and path, where path
 * segments holding a digit (case numbers, ids) match any segment — one profile serves every case.
 */
export function urlPatternFor(href: string): string {
  const url = new URL(href);
  const path = url.pathname
    .split('/')
    .map((seg) => (/\d/.test(seg) ? '[^/]+' : escapeRegExp(seg)))
    .join('/');
  return `^${escapeRegExp(url.origin)}${path}(?:[?#]|$)`;
}
