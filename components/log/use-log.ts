/**
 * The log page's data: one page of rows and the count for a query, re-read when the background
 * says the log changed (a change notice in storage.session, lib/db/log-changes.ts). Answers are
 * applied newest first only: an older one arriving late never replaces a newer one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseLintDb } from '../../lib/db/database';
import { countLog, queryLog, type LogQuery } from '../../lib/db/query';
import { watchLogChanges } from '../../lib/db/log-changes';
import type { FindingRow } from '../../lib/db/rows';

export interface LogPageRows {
  rows: FindingRow[];
  hasMore: boolean;
  /** null while a new filter is being counted. */
  total: number | null;
}

/** A number that goes up whenever the log changes (in the background, or by this page: `bump`). */
export function useLogVersion(): [number, () => void] {
  const [version, setVersion] = useState(0);
  useEffect(() => watchLogChanges(() => setVersion((v) => v + 1)), []);
  return [version, () => setVersion((v) => v + 1)];
}

export function useLogRows(db: CaseLintDb, query: LogQuery, version: number): LogPageRows {
  const [rows, setRows] = useState<FindingRow[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  // A new filter is counted afresh; a refresh keeps the last count on screen until the new one is in.
  // A refresh never discards an answer for the same filter: on a busy store (right after a
  // 100,000-row import a count took up to 29 s) a count slower than the refresh still arrives.
  const currentQuery = useRef(query);
  currentQuery.current = query;
  const asked = useRef(0);
  const shown = useRef({ rows: 0, total: 0 });
  useEffect(() => setTotal(null), [db, query]);
  useEffect(() => {
    const n = ++asked.current;
    const current = () => currentQuery.current === query;
    void queryLog(db, query).then((r) => {
      if (!current() || n < shown.current.rows) return;
      shown.current.rows = n;
      setRows(r.rows);
      setHasMore(r.hasMore);
    });
    void countLog(db, query).then((count) => {
      if (!current() || n < shown.current.total) return;
      shown.current.total = n;
      setTotal(count);
    });
  }, [db, query, version]);
  return { rows, hasMore, total };
}
