/**
 * The findings log's operations. The background calls the writers; extension pages read.
 * Dedup: one row per case + rule + field + row (unique index `key`), inside one IndexedDB
 * transaction per report, so several tabs or frames reporting at once never make duplicates.
 */
import type { CaseLintDb } from './database';
import type { CaseHeader, Finding } from '../../rules/finding';
import type { PageSummary } from '../messaging/protocol';
import { documentOf } from './documents';
import { event, findingKey, withEvents, type Dismissal, type FindingRow, type PageCheck, type Review } from './rows';
export { ReviewSchema, type Review } from './rows';
import { BACKUP_FORMAT, FINDINGS_FORMAT } from './log-import';
export { importLog, type ImportResult } from './log-import';

/** A finding as the log takes it in (rules/finding.ts): what it is about and what it says. */
export type ReportedFinding = Pick<Finding, 'ruleId' | 'fieldKey' | 'severity' | 'kind' | 'message' | 'basis' | 'category' | 'row' | 'rows'>;

/** A page's result as the content script reports it (lib/messaging/protocol.ts), with who and what it concerns. */
export type PageReport = Pick<PageSummary, 'visit' | 'url' | 'passed'> & CaseHeader & { findings: ReportedFinding[] };

export interface Reviewer {
  name: string | null;
  unit: string | null;
}

/** The case a page concerns: its case number, or its address when it shows none. */
export function caseKeyOf(caseNumber: string | null, url: string): string {
  if (caseNumber) return caseNumber;
  try {
    const u = new URL(url);
    return `页面:${u.origin}${u.pathname}`;
  } catch {
    return `页面:${url}`;
  }
}

export async function recordPage(db: CaseLintDb, report: PageReport, now: number, newId: () => string): Promise<{ dismissedRules: string[]; added: number }> {
  const caseKey = caseKeyOf(report.caseNumber, report.url);
  const document = documentOf(report.url, report.caseNumber);
  return db.transaction('rw', db.findings, db.dismissals, db.pageChecks, async () => {
    const dismissals = new Map((await db.dismissals.where('caseKey').equals(caseKey).toArray()).map((d) => [d.ruleId, d]));
    const existing = new Map((await db.findings.where('caseKey').equals(caseKey).toArray()).map((r) => [r.key, r]));
    const seen = new Set<string>();
    let added = 0;
    // This visit reported before (a keystroke, another report of the same load): not a new sighting
    // of what was seen since it began — also when tabs of the same page report in turns.
    const prior = await db.pageChecks.where('visit').equals(report.visit).first();
    const seenThisVisit = (row: FindingRow) => row.lastVisit === report.visit || (!!prior && row.lastSeen >= prior.at);
    const checked = new Set([...report.passed, ...report.findings.map((f) => f.ruleId)]);
    for (const f of report.findings) {
      const key = findingKey(caseKey, document, f.ruleId, f.fieldKey, f.row);
      if (seen.has(key)) continue;
      seen.add(key);
      const dismissal = dismissals.get(f.ruleId);
      const old = existing.get(key);
      if (old) {
        const next: FindingRow = {
          ...old,
          severity: f.severity,
          kind: f.kind,
          message: f.message,
          basis: f.basis,
          category: f.category,
          rows: f.rows ?? null,
          pageUrl: report.url,
          unit: report.unit ?? old.unit,
          officers: report.officers.length ? report.officers : old.officers,
          caseKind: report.caseKind ?? old.caseKind,
          lastSeen: now,
          timesSeen: seenThisVisit(old) ? old.timesSeen : old.timesSeen + 1,
          lastVisit: report.visit,
        };
        if (old.status === 'fixed') {
          // The problem came back.
          next.status = 'open';
          next.fixedAt = null;
          next.history = withEvents(old.history, event({ event: 'reappeared', at: now }));
        }
        if (dismissal && next.status !== 'dismissed') {
          next.status = 'dismissed';
          next.dismissReason = dismissal.reason;
          next.history = withEvents(next.history, event({ event: 'dismissed', at: now, reviewer: dismissal.reviewer, dismissReason: dismissal.reason, note: dismissal.note }));
        }
        if (next.status !== old.status || old.lastVisit !== report.visit || next.message !== old.message) next.updatedAt = now;
        await db.findings.put(next);
      } else {
        added++;
        await db.findings.add({
          id: newId(),
          key,
          caseNumber: report.caseNumber ?? '',
          caseKey,
          document,
          caseKind: report.caseKind,
          unit: report.unit,
          officers: report.officers,
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          kind: f.kind,
          fieldKey: f.fieldKey,
          row: f.row ?? null,
          rows: f.rows ?? null,
          message: f.message,
          basis: f.basis,
          pageUrl: report.url,
          firstSeen: now,
          lastSeen: now,
          timesSeen: 1,
          lastVisit: report.visit,
          status: dismissal ? 'dismissed' : 'open',
          fixedAt: null,
          reviewer: dismissal?.reviewer ?? null,
          reviewerUnit: null,
          subjectiveLevel: null,
          dismissReason: dismissal?.reason ?? null,
          note: null,
          updatedAt: now,
          reviewedAt: null,
          history: [
            event({ event: 'first-seen', at: now }),
            ...(dismissal ? [event({ event: 'dismissed', at: now, reviewer: dismissal.reviewer, dismissReason: dismissal.reason, note: dismissal.note })] : []),
          ],
        });
      }
    }
    // Findings of this document, of rules checked on it, that are no longer there were fixed: marked,
    // never deleted. Another document of the case, or a rule not applicable here, never fixes them.
    for (const [key, row] of existing) {
      if (seen.has(key) || row.document !== document || !checked.has(row.ruleId) || row.fixedAt !== null) continue;
      if (row.status !== 'open' && row.status !== 'confirmed') continue;
      const history = withEvents(row.history, event({ event: 'fixed', at: now }));
      await db.findings.update(row.id, { ...(row.status === 'open' ? { status: 'fixed' as const } : {}), fixedAt: now, updatedAt: now, history });
    }
    await db.pageChecks.put({
      ...(prior?.id !== undefined ? { id: prior.id } : {}),
      visit: report.visit,
      caseKey,
      caseNumber: report.caseNumber ?? '',
      caseKind: report.caseKind,
      unit: report.unit,
      officers: report.officers,
      url: report.url,
      at: prior?.at ?? now,
      findingsCount: seen.size,
    });
    return { dismissedRules: [...dismissals.keys()], added };
  });
}


/**
 * Confirm, dismiss (remembered for that case and rule) or reopen findings. Each action is an event
 * of its own: it records only what was chosen for it (level, reason, note), who and when — nothing
 * carried over from the finding's earlier review.
 */
export async function review(db: CaseLintDb, r: Review, reviewer: Reviewer, now: number): Promise<number> {
  return db.transaction('rw', db.findings, db.dismissals, async () => {
    const rows = (await db.findings.bulkGet(r.ids)).filter((x): x is FindingRow => !!x);
    const who = { reviewer: reviewer.name, reviewerUnit: reviewer.unit };
    for (const row of rows) {
      if (r.action === 'confirm') {
        await db.findings.update(row.id, {
          status: 'confirmed',
          subjectiveLevel: r.subjectiveLevel,
          note: r.note,
          dismissReason: null,
          ...who,
          updatedAt: now,
          reviewedAt: now,
          history: withEvents(row.history, event({ event: 'confirmed', at: now, ...who, subjectiveLevel: r.subjectiveLevel, note: r.note })),
        });
        await db.dismissals.delete([row.caseKey, row.ruleId]);
      } else if (r.action === 'dismiss') {
        await db.findings.update(row.id, {
          status: 'dismissed',
          dismissReason: r.reason,
          note: r.note,
          subjectiveLevel: null,
          ...who,
          updatedAt: now,
          reviewedAt: now,
          history: withEvents(row.history, event({ event: 'dismissed', at: now, ...who, dismissReason: r.reason, note: r.note })),
        });
        await db.dismissals.put({ caseKey: row.caseKey, ruleId: row.ruleId, reason: r.reason, note: r.note, reviewer: reviewer.name, at: now });
      } else {
        const note = r.note ?? null;
        await db.findings.update(row.id, {
          status: 'open',
          dismissReason: null,
          subjectiveLevel: null,
          fixedAt: null,
          note,
          ...who,
          updatedAt: now,
          reviewedAt: now,
          history: withEvents(row.history, event({ event: 'reopened', at: now, ...who, note })),
        });
        await db.dismissals.delete([row.caseKey, row.ruleId]);
      }
    }
    return rows.length;
  });
}

/** The log row of a finding shown on a page: its case, document, rule, field and row. */
export async function findingOnPage(db: CaseLintDb, url: string, caseNumber: string | null, ruleId: string, fieldKey: string, row?: number): Promise<FindingRow | undefined> {
  const caseKey = caseKeyOf(caseNumber, url);
  return db.findings.where('key').equals(findingKey(caseKey, documentOf(url, caseNumber), ruleId, fieldKey, row)).first();
}

/** contracts.md §5: one row per finding; `officer` is the officers joined for people who read the file. */
export function exportRow(row: FindingRow): FindingRow & { officer: string } {
  return { ...row, officer: row.officers.join('、') };
}

/** The findings (all, or those given) plus the pages checked, so merged reports keep their rates. */
export async function exportFindings(db: CaseLintDb, exporter: Reviewer, now: number, rows?: FindingRow[]) {
  const list = rows ?? (await db.findings.toArray());
  return { format: FINDINGS_FORMAT, exportedAt: now, exporter, findings: list.map(exportRow), pageChecks: await db.pageChecks.toArray() };
}

export async function backup(db: CaseLintDb, now: number) {
  return {
    format: BACKUP_FORMAT,
    exportedAt: now,
    findings: await db.findings.toArray(),
    dismissals: await db.dismissals.toArray(),
    pageChecks: await db.pageChecks.toArray(),
  };
}

/** Keeps everything by default; with a number of days, deletes rows last seen before then. */
export async function applyRetention(db: CaseLintDb, days: number | null, now: number): Promise<number> {
  if (days === null || days <= 0) return 0;
  const cutoff = now - days * 86_400_000;
  return db.transaction('rw', db.findings, db.pageChecks, async () => {
    const n = await db.findings.where('lastSeen').below(cutoff).delete();
    await db.pageChecks.where('at').below(cutoff).delete();
    return n;
  });
}

export type { Dismissal, FindingRow, PageCheck };
