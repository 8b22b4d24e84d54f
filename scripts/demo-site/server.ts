/**
 * The demo case-handling site on 127.0.0.1: a case list and, per case, its forms. It serves the
 * plugin file too (`/caselint.js`), so an intranet-style page can include it with a script tag.
 * Only loopback; nothing is fetched from anywhere.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCaseList, renderCasePage, type DemoCase } from './render';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');

export function loadCases(): DemoCase[] {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/demo-site/cases.json'), 'utf8')) as DemoCase[];
}

/** Every case page as [case id, page type, path]. */
export function demoPages(cases = loadCases()): { caseId: string; page: string; path: string }[] {
  return cases.flatMap((c) => Object.keys(c.pages).map((page) => ({ caseId: c.id, page, path: `/case/${encodeURIComponent(c.id)}/${page}` })));
}

export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** `host` 127.0.0.2 stands in for an intranet origin that is not built in (Linux routes all of 127/8 to loopback). */
export function startDemoServer(port = 0, host = '127.0.0.1'): Promise<DemoServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html; charset=utf-8', renderCaseList(loadCases()));
      if (url.pathname === '/static/system.css') return send(200, 'text/css; charset=utf-8', readFileSync(join(here, 'system.css')));
      const asset = /^\/static\/(mini-layui|mini-element)\.js$/.exec(url.pathname);
      if (asset) return send(200, 'text/javascript; charset=utf-8', readFileSync(join(here, `${asset[1]}.js`)));
      if (url.pathname === '/caselint.js') {
        return send(200, 'text/javascript; charset=utf-8', readFileSync(join(ROOT, '.output/plugin/caselint.js')));
      }
      const fixture = /^\/fixtures\/([\w-]+\.html)$/.exec(url.pathname);
      if (fixture) return send(200, 'text/html; charset=utf-8', readFileSync(join(ROOT, 'test/fixtures/pages', fixture[1]!)));
      const m = /^\/case\/([^/]+)\/([a-z-]+)$/.exec(url.pathname);
      if (m) {
        const c = loadCases().find((x) => x.id === decodeURIComponent(m[1]!));
        if (c?.pages[m[2]!]) return send(200, 'text/html; charset=utf-8', renderCasePage(c, m[2]!, url.searchParams.get('part') ?? (url.searchParams.get('t') === 'partial' ? 'partial' : undefined)));
      }
      send(404, 'text/plain; charset=utf-8', '未找到页面');
    } catch (e) {
      send(500, 'text/plain; charset=utf-8', `服务器错误：${(e as Error).message}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://${host}:${p}`, port: p, close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8080);
  startDemoServer(port).then((s) => console.log(`演示执法办案系统：${s.url}/`));
}
