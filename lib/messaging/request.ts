/**
 * Sending a request to the background, and telling the background's messages to a tab apart: the
 * protocol's types without its schemas, so the content script carries no zod (#17.9). The background
 * validates every request it takes in and every answer it gives (entrypoints/background.ts
 * `dispatch`); what comes back from it is the protocol's output as checked there.
 */
import type { BgToCs, Input, MessageType, Output } from './protocol';

/** The envelope on the wire. */
export function envelope<T extends MessageType>(type: T, input: Input<T>): { type: T; input: Input<T> } {
  return { type, input };
}

/** Sends a request to the background; the answer is the protocol's output, validated by the background. */
export async function request<T extends MessageType>(send: (message: unknown) => Promise<unknown>, type: T, input: Input<T>): Promise<Output<T>> {
  return (await send(envelope(type, input))) as Output<T>;
}

/** Every message type the background (or the side panel) sends to a tab: a type the protocol adds is a compile error here until listed. */
const TO_TAB: Record<BgToCs['type'], true> = { 'bg-cs:toggle-panel': true, 'bg-cs:focus': true, 'bg-cs:pick-field': true, 'bg-cs:dismissed': true };

/**
 * A message for the content script, or undefined. Only the extension itself can message its
 * content scripts (no web page can, and externally_connectable admits no other extension).
 */
export function asBgToCs(message: unknown): BgToCs | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(TO_TAB, type) ? (message as BgToCs) : undefined;
}
