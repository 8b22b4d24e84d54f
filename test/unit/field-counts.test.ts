/** How many fields a page type usually gives, and when a page falls far short of it (#18.5). */
import { describe, expect, it } from 'vitest';
import { COUNTS_KEPT, DOCUMENTS_KEPT, readsFarFewer, typicalFields, withRead, type FieldCounts } from '../../lib/db/field-counts';

describe('field counts per page type', () => {
  it('the usual count is the median of the last reads; none before the first', () => {
    expect(typicalFields(undefined)).toBeNull();
    expect(typicalFields([])).toBeNull();
    expect(typicalFields([14])).toBe(14);
    expect(typicalFields([14, 3, 15])).toBe(14);
    expect(typicalFields([12, 14])).toBe(12);
  });

  it('far fewer is under half of a usual count of at least six', () => {
    expect(readsFarFewer(1, 14)).toBe(true);
    expect(readsFarFewer(6, 14)).toBe(true);
    expect(readsFarFewer(7, 14)).toBe(false);
    expect(readsFarFewer(1, null)).toBe(false);
    expect(readsFarFewer(1, 4)).toBe(false);
  });

  it('one count per visit (its largest), the last few kept, the oldest page types forgotten', () => {
    let c: FieldCounts = {};
    c = withRead(c, '/d', 'v1', 10, 1);
    c = withRead(c, '/d', 'v1', 14, 2);
    expect(c['/d']!.counts).toEqual([14]);
    for (let i = 0; i < 10; i++) c = withRead(c, '/d', `w${i}`, i, 3 + i);
    expect(c['/d']!.counts).toHaveLength(COUNTS_KEPT);
    for (let i = 0; i < DOCUMENTS_KEPT + 5; i++) c = withRead(c, `/p${i}`, 'v', 1, 100 + i);
    expect(Object.keys(c)).toHaveLength(DOCUMENTS_KEPT);
    expect(c['/d']).toBeUndefined();
  });
});
