/** A findings log of its own for each test (fake-indexeddb), deleted after it. */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { CaseLintDb } from '../../lib/db/database';

/** Registers the per-test log; call the returned function inside a test to get it. */
export function freshDbPerTest(): () => CaseLintDb {
  let db: CaseLintDb;
  beforeEach(async () => {
    db = new CaseLintDb(`test-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });
  return () => db;
}
