/**
 * The hub's database: PostgreSQL when `DATABASE_URL` is set (node-postgres), otherwise PGlite —
 * PostgreSQL compiled to WebAssembly, in a data folder — so that `npm run hub` needs no set-up.
 * Both behind Kysely: typed queries, the same SQL and the same migrations on both.
 */
import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { migrate } from './migrations';
import type { HubSchema } from './schema';

/** PGlite is one connection: queries of a transaction must not interleave with others. */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly pglite: PGlite) {}
  async init(): Promise<void> {
    await this.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection & { release(): void }> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    const pglite = this.pglite;
    return {
      release,
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        const r = await pglite.query<R>(q.sql, q.parameters as unknown[]);
        return { rows: r.rows, ...(r.affectedRows !== undefined ? { numAffectedRows: BigInt(r.affectedRows) } : {}) };
      },
      streamQuery(): AsyncIterableIterator<QueryResult<never>> {
        throw new Error('PGlite: streaming is not supported');
      },
    };
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(c: DatabaseConnection): Promise<void> {
    (c as DatabaseConnection & { release(): void }).release();
  }
  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

function pgliteDialect(pglite: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(pglite),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

/** bigint (int8) columns hold epoch milliseconds: numbers, not strings or BigInts. */
const INT8 = 20;
pg.types.setTypeParser(INT8, (v) => Number(v));

export interface HubDatabase {
  db: Kysely<HubSchema>;
  kind: 'postgres' | 'pglite';
  /** Where the data is: the server (without password) or the PGlite folder. */
  where: string;
  close(): Promise<void>;
}

/** Opens (and migrates) the database: `url` for PostgreSQL, else PGlite in `dataDir` (in memory when null). */
export async function openDatabase(options: { url?: string | undefined; dataDir?: string | null }): Promise<HubDatabase> {
  let db: Kysely<HubSchema>;
  let kind: HubDatabase['kind'];
  let where: string;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A dropped connection (a restarted server) is replaced on the next query, not fatal.
    pool.on('error', () => {});
    db = new Kysely<HubSchema>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
    const u = new URL(options.url);
    where = `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } else {
    const parsers = { [INT8]: (v: string) => Number(v) };
    const pglite = options.dataDir ? new PGlite(options.dataDir, { parsers }) : new PGlite({ parsers });
    db = new Kysely<HubSchema>({ dialect: pgliteDialect(pglite) });
    kind = 'pglite';
    where = options.dataDir ? `PGlite ${options.dataDir}` : 'PGlite (内存)';
  }
  await migrate(db as Kysely<unknown>);
  return { db, kind, where, close: () => db.destroy() };
}
