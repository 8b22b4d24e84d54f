/**
 * The check schema, resolved lazily so that combinators (all-of, variants, law-version) can hold
 * checks without an import cycle with the registry. The registry sets it once at load.
 */
import type { z } from 'zod';
import type { CheckSpec } from './types';

export const nested: { schema?: z.ZodType<CheckSpec> } = {};
