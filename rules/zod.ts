/**
 * zod, configured for the MV3 content-security policy: zod 4 probes `new Function` to build fast
 * parsers, which the extension's CSP forbids. Every module imports `z` from here so the setting
 * is in force before any schema exists.
 */
import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';

z.config({ jitless: true });
// Errors read by people (a pack, a holiday file or a log file refused, by path) speak Chinese (#15.7).
z.config(zhCN());

export { z };
