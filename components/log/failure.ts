import type { Tr } from '../../lib/i18n/tr';

/** Why a request to the background failed, in the user's words (the browser's own are terse English). */
export function failureText(e: unknown, tr: Tr): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/serialize|too (large|big)|exceeds|length/i.test(m)) return tr('数据过大或嵌套过深，无法交给后台处理', 'the data is too large or too deeply nested to hand to the extension');
  if (/receiving end|connection|port closed|context invalidated/i.test(m)) return tr('后台服务未响应（可能正在重启）', 'the extension did not answer (it may be restarting)');
  return tr(`后台处理失败（${m}）`, `the extension failed (${m})`);
}

/** What the last action did; a failed one offers to run again exactly as it was. */
export interface LogMessage {
  kind: 'ok' | 'error';
  text: string;
  details?: string[];
  retry?: () => void;
}
