/**
 * Which document of a case a page is (#15.1): the detention form and the bail form of one case are
 * two documents, and a finding belongs to the one that showed it. A document is the page's address
 * with what names the case or a record taken out — the case number, numeric and random ids — so
 * the same form of the same case is one document whenever it is opened, in any session.
 */

const ID_VALUE = /^(\d[\d-]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|[A-Za-z0-9_-]{24,})$/i;
/** Query parameters that only carry state of the visit (time stamps, tokens, tabs of the same form). */
const VISIT_PARAMS = /^(_|t|ts|time|timestamp|token|sid|jsessionid|random|r|v|ver|version)$/i;

function normalizePath(path: string, caseNumber: string | null): string {
  return path
    .split('/')
    .map((seg) => {
      let s = seg;
      try {
        s = decodeURIComponent(seg);
      } catch {
        /* keep it as written */
      }
      if (caseNumber && s.includes(caseNumber)) return s.replace(caseNumber, '{案号}');
      return ID_VALUE.test(s) ? '{id}' : s;
    })
    .join('/');
}

function normalizeQuery(search: URLSearchParams, caseNumber: string | null): string {
  const kept: string[] = [];
  for (const [k, v] of search) {
    if (VISIT_PARAMS.test(k) || !v || ID_VALUE.test(v) || (caseNumber && v.includes(caseNumber)) || v.length > 40) continue;
    kept.push(`${k}=${v}`);
  }
  return kept.sort().join('&');
}

/** The document of a case a page address shows, e.g. `/case/{案号}/detention` or `/form.do?type=jlz`. */
export function documentOf(url: string, caseNumber: string | null): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.slice(0, 600);
  }
  let out = normalizePath(u.pathname, caseNumber);
  const query = normalizeQuery(u.searchParams, caseNumber);
  if (query) out += `?${query}`;
  // A route in the hash (#/case/123/bail, #!/bail?id=9) is part of which page it is.
  const route = /^#!?(\/.*)$/.exec(u.hash)?.[1];
  if (route) {
    const [path, q = ''] = route.split('?');
    const routeQuery = normalizeQuery(new URLSearchParams(q), caseNumber);
    out += `#${normalizePath(path ?? '', caseNumber)}${routeQuery ? `?${routeQuery}` : ''}`;
  }
  return out.slice(0, 600);
}
