import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedFinding {
  ruleId: string;
  fieldKey: string;
  severity: string;
  kind: string;
  row?: number;
}

export function expectedFindings(caseId: string, page: string): ExpectedFinding[] {
  return JSON.parse(readFileSync(join('test/fixtures/demo-site/expected', `${caseId}.${page}.json`), 'utf8')) as ExpectedFinding[];
}

/** A comparable line per finding: rule, field, severity, kind, row. */
export function line(f: { ruleId: string; fieldKey: string; severity: string; kind: string; row?: number | null }): string {
  return `${f.ruleId} ${f.fieldKey} ${f.severity} ${f.kind}${f.row !== undefined && f.row !== null ? ` row${f.row}` : ''}`;
}

/** How many rules the default pack has, counted from its files (one per rule; no test hard-codes it). */
export const RULE_COUNT = readdirSync('rules/packs/default', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .reduce((n, d) => n + readdirSync(join('rules/packs/default', d.name)).filter((f) => f.endsWith('.json')).length, 0);
