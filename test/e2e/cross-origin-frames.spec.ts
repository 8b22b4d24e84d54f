/**
 * A frameset whose forms come from another origin (an older case system serves its frames from
 * another port): each frame is a case page of its own — the content script there gets its
 * configuration from the worker, draws the frame's warnings and reports them to the log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { expectedFindings, line } from './expected';
import { openLogPage, readLog } from './log-helpers';
import { markersOf } from './markers';

const FRAMES = [
  ['XS2024-0302', 'detention'],
  ['XS2024-0304', 'interrogation'],
] as const;

let host: Server;
test.afterAll(() => host?.close());

test('cross-origin frames of a frameset: each frame’s warnings are drawn and logged', async ({ freshContext: ctx, demo }) => {
  const frameset = `<!doctype html><html><head><meta charset="utf-8"><title>办案系统</title></head><frameset rows="50%,50%">${FRAMES.map(([c, p]) => `<frame src="${demo.url}/case/${c}/${p}">`).join('')}</frameset></html>`;
  host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(frameset));
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const page = await ctx.newPage();
  // The frameset on localhost, its frames on 127.0.0.1: two origins.
  await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
  const expected = FRAMES.flatMap(([c, p]) => expectedFindings(c, p).map(line)).sort();
  await expect.poll(async () => (await markersOf(page)).map(line).sort(), { timeout: 15_000 }).toEqual(expected);
  const log = await openLogPage(ctx);
  await expect
    .poll(async () => [...new Set((await readLog(log)).map((r) => r.caseNumber))].sort(), { timeout: 15_000 })
    .toEqual(FRAMES.map(([c]) => c).sort());
});
