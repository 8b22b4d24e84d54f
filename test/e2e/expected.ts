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

/** How many rules the default pack has, read from its files (no test hard-codes it). */
export const RULE_COUNT = readdirSync('rules/packs/default/rules')
  .filter((f) => f.endsWith('.json'))
  .reduce((n, f) => n + (JSON.parse(readFileSync(join('rules/packs/default/rules', f), 'utf8')) as unknown[]).length, 0);
