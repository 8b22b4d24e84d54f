/**
 * The findings log database (IndexedDB via Dexie), owned by the background service worker — the
 * only writer. Every schema version stays listed with its upgrade, from the first release on
 * (an upgrade added to a version users already have would never run).
 */
import Dexie, { type EntityTable } from 'dexie';
import { findingKey, historyFromFields, type Dismissal, type FindingRow, type PageCheck } from './rows';
import { documentOf } from './documents';

/** A chunk of an import being received (lib/db/log-import.ts): kept apart until the one merge. */
export interface ImportStaging {
  seq?: number;
  stagingId: string;
  part: 'header' | 'findings' | 'dismissals' | 'pageChecks';
  /** Index in the file of the chunk's first row (errors name the row by it). */
  offset: number;
  rows: unknown[];
  createdAt: number;
}

export const DB_NAME = 'caselint';

export class CaseLintDb extends Dexie {
  findings!: EntityTable<FindingRow, 'id'>;
  dismissals!: Dexie.Table<Dismissal, [string, string]>;
  pageChecks!: EntityTable<PageCheck, 'id'>;
  importStaging!: EntityTable<ImportStaging, 'seq'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (0.1.0): findings and dismissals.
    this.version(1).stores({
      findings: 'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, *officers',
      dismissals: '[caseKey+ruleId], caseKey',
    });
    // v2: each page checked (for rates), merge time on every finding, status+time for the log's first screen.
    this.version(2)
      .stores({
        findings: 'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, *officers, [status+lastSeen]',
        dismissals: '[caseKey+ruleId], caseKey',
        pageChecks: '++id, &visit, caseKey, unit, at',
      })
      .upgrade(async (tx) => {
        await tx
          .table('findings')
          .toCollection()
          .modify((row: Partial<FindingRow>) => {
            if (typeof row.updatedAt !== 'number') row.updatedAt = row.lastSeen ?? Date.now();
            row.kind ??= 'violation';
            row.lastVisit ??= '';
          });
      });
    // v3: the time of the review, for weekly counts of confirmed and dismissed findings.
    this.version(3)
      .stores({
        findings:
          'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, reviewedAt, fixedAt, *officers, [status+lastSeen]',
        dismissals: '[caseKey+ruleId], caseKey',
        pageChecks: '++id, &visit, caseKey, unit, at',
      })
      .upgrade(async (tx) => {
        await tx
          .table('findings')
          .toCollection()
          .modify((row: Partial<FindingRow>) => {
            if (row.reviewedAt === undefined) row.reviewedAt = row.status === 'confirmed' || row.status === 'dismissed' ? (row.updatedAt ?? null) : null;
          });
      });
    // v4: the staging store of imports sent in chunks (#16.2).
    this.version(4).stores({
      findings:
        'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, reviewedAt, fixedAt, *officers, [status+lastSeen]',
      dismissals: '[caseKey+ruleId], caseKey',
      pageChecks: '++id, &visit, caseKey, unit, at',
      importStaging: '++seq, stagingId, createdAt',
    });
    // v5: the document of the case that showed a finding is part of what the finding is (#15.1),
    // and each finding keeps its history. Every row is kept: its document is told from its page
    // address, its history from its review fields.
    this.version(5)
      .stores({
        findings:
          'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, reviewedAt, fixedAt, *officers, [status+lastSeen]',
        dismissals: '[caseKey+ruleId], caseKey',
        pageChecks: '++id, &visit, caseKey, unit, at',
        importStaging: '++seq, stagingId, createdAt',
      })
      .upgrade(async (tx) => {
        const table = tx.table('findings');
        const rows = (await table.toArray()) as FindingRow[];
        // Keys stay unique whatever the old rows hold: a key already taken keeps the row's old key.
        const taken = new Set(rows.map((r) => r.key));
        for (const row of rows) {
          row.document ??= documentOf(row.pageUrl, row.caseNumber || null);
          if (!Array.isArray(row.history)) row.history = historyFromFields(row);
          const key = findingKey(row.caseKey, row.document, row.ruleId, row.fieldKey, row.row);
          if (!taken.has(key)) {
            taken.add(key);
            row.key = key;
          }
        }
        await table.bulkPut(rows);
      });
  }
}

export const SCHEMA_VERSION = 5;
