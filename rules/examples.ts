/** Turning a rule's example cases into engine input (used by tests and the documentation page). */
import type { FieldSnapshot } from './engine';
import type { Example } from './pack';
import { wallToInstant } from './periods/time';
import { parseDateTime } from './values/parse';

export function exampleSnapshots(example: Example): FieldSnapshot[] {
  const out: FieldSnapshot[] = [];
  for (const [key, value] of Object.entries(example.fields)) {
    if (Array.isArray(value)) value.forEach((raw, row) => out.push({ key, raw, row }));
    else out.push({ key, raw: value });
  }
  return out;
}

/** The example's "now" (Beijing time) as an instant; a fixed day in 2026 when the example names none. */
export function exampleNow(example: Example): number {
  const wall = parseDateTime(example.now ?? '2026-11-01 09:00');
  return wallToInstant(wall?.ms ?? 0);
}
