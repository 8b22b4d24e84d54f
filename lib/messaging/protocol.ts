/**
 * Typed messages between the extension's contexts, named by direction (cs = content script,
 * bg = background). Both ends validate with zod; the background checks the sender.
 */
import { z } from '../../rules/zod';

export const BgToCs = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('bg-cs:toggle-panel') })]);
export type BgToCs = z.infer<typeof BgToCs>;
