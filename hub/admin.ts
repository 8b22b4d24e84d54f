/** Units and accounts, as the hub's command line and its admin routes create them. */
import type { Kysely } from 'kysely';
import { hashPassword, newSecret, sha256 } from './auth';
import type { HubRole, HubSchema } from './db/schema';

/** Adds a unit (or gives it a new enrollment code); the code is shown once and stored hashed. */
export async function createUnit(db: Kysely<HubSchema>, name: string, now = Date.now()): Promise<string> {
  const code = newSecret();
  await db
    .insertInto('units')
    .values({ name, enrollment_code_hash: sha256(code), created_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ enrollment_code_hash: sha256(code) }))
    .execute();
  return code;
}

export async function createAccount(
  db: Kysely<HubSchema>,
  a: { login: string; password: string; role: HubRole; unit?: string | null; officerName?: string | null; badge?: string | null },
  now = Date.now(),
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({ login: a.login, password_hash: await hashPassword(a.password), role: a.role, unit: a.unit ?? null, officer_name: a.officerName ?? null, badge: a.badge ?? null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
