/**
 * zod, configured for the MV3 content-security policy: zod 4 probes `new Function` to build fast
 * parsers, which the extension's CSP forbids. Every module imports `z` from here so the setting
 * is in force before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
