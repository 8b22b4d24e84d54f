/**
 * Versioned migrations, the same SQL on PostgreSQL and on PGlite. A migration is never edited once
 * released; a change is a new one. Findings are indexed for a branch's 10 million rows a year: by
 * each time a report counts (first seen, fixed, reviewed), by unit and time, open ones apart, and
 * by officer (GIN over the array) for point-to-point warnings.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Runs a script statement by statement (PGlite's extended protocol takes one at a time). */
async function statements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const stmt of script.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await sql.raw(stmt).execute(db);
}

const MIGRATIONS: Record<string, Migration> = {
  '0001_init': {
    async up(db: Kysely<unknown>) {
      await statements(db, `
        create table units (
          name text primary key,
          enrollment_code_hash text not null,
          created_at bigint not null
        );
        create table accounts (
          id serial primary key,
          login text not null unique,
          password_hash text not null,
          role text not null check (role in ('admin', 'branch', 'unit', 'officer')),
          unit text references units(name),
          officer_name text,
          badge text,
          disabled boolean not null default false,
          created_at bigint not null,
          check (role in ('admin', 'branch') or unit is not null),
          check (role <> 'officer' or officer_name is not null)
        );
        create table sessions (
          id_hash text primary key,
          account_id integer not null references accounts(id) on delete cascade,
          csrf text not null,
          expires_at bigint not null
        );
        create table devices (
          id serial primary key,
          token_hash text not null unique,
          unit text not null references units(name),
          name text not null,
          officer_name text,
          badge text,
          enrolled_at bigint not null,
          last_seen_at bigint,
          revoked_at bigint
        );
        create table findings (
          key text primary key,
          case_number text not null,
          case_key text not null,
          document text not null,
          case_kind text,
          unit text,
          officers text[] not null,
          rule_id text not null,
          category text not null,
          severity text not null,
          kind text not null,
          field_key text not null,
          "row" integer,
          "rows" integer,
          message text not null,
          basis text not null,
          page_url text not null,
          first_seen bigint not null,
          last_seen bigint not null,
          times_seen integer not null,
          status text not null,
          fixed_at bigint,
          reviewer text,
          reviewer_unit text,
          subjective_level text,
          dismiss_reason text,
          note text,
          updated_at bigint not null,
          reviewed_at bigint,
          history jsonb not null default '[]',
          device_id integer references devices(id),
          received_at bigint not null
        );
        create index findings_first_seen on findings (first_seen);
        create index findings_unit_first_seen on findings (unit, first_seen);
        create index findings_fixed_at on findings (fixed_at) where fixed_at is not null;
        create index findings_reviewed_at on findings (reviewed_at) where reviewed_at is not null;
        create index findings_open on findings (unit, first_seen) where status = 'open';
        create index findings_officers on findings using gin (officers);
        create index findings_case on findings (case_key);
        create table page_checks (
          visit text primary key,
          case_key text not null,
          case_number text not null,
          case_kind text,
          unit text,
          officers text[] not null,
          url text not null,
          at bigint not null,
          findings_count integer not null,
          device_id integer references devices(id)
        );
        create index page_checks_at on page_checks (at);
        create index page_checks_unit_at on page_checks (unit, at);
        create table access_log (
          id bigserial primary key,
          at bigint not null,
          account_id integer references accounts(id),
          device_id integer references devices(id),
          route text not null,
          case_numbers text[] not null
        );
        create index access_log_at on access_log (at);
      `);
    },
  },
  '0002_config': {
    async up(db: Kysely<unknown>) {
      await statements(db, `
        create table hub_config (
          id integer primary key check (id = 1),
          rule_overrides jsonb not null default '{}',
          rule_pack jsonb,
          calendars jsonb not null default '[]',
          updated_at bigint not null
        )
      `);
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the database to the newest version; says which migrations ran. */
export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
