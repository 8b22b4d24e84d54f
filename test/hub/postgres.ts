/**
 * A PostgreSQL server for the hub's tests: the one in `DATABASE_URL` (CI starts Debian's), a fresh
 * database in it per test file; or, without it, a throwaway cluster of Debian's `postgresql`
 * package in a temporary folder. Neither: the tests fail, saying what to install — never skipped.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port';

export interface TestPostgres {
  url: string;
  /** Restarts the server, fast mode: open connections and transactions are cut (only for a throwaway cluster). */
  restart?: () => Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('hub 测试需要 PostgreSQL：设置 DATABASE_URL，或 apt-get install -y postgresql / the hub tests need PostgreSQL: set DATABASE_URL or install postgresql');
  return join(root, version, 'bin');
}

/** A cluster of its own in a temporary folder (which a test may restart). */
export async function throwaway(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'caselint-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the package's postgres user.
  const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' });
  const runAsync = (cmd: string, args: string[]) => promisify(execFile)(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args).then(() => undefined);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'caselint', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const ctlArgs = (action: string) => ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', '-m', 'fast', action];
  const ctl = (action: string) => run(join(bin, 'pg_ctl'), ctlArgs(action));
  ctl('start');
  return {
    url: `postgres://caselint@127.0.0.1:${port}/postgres`,
    restart: () => runAsync(join(bin, 'pg_ctl'), ctlArgs('restart')),
    stop: async () => {
      try {
        ctl('stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A database of its own for one test file. */
export async function testPostgres(): Promise<TestPostgres> {
  const given = process.env.DATABASE_URL;
  if (!given) return throwaway();
  const name = `caselint_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(given);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const c = new pg.Client({ connectionString: given });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
