/**
 * Who is calling the hub: an account (a person, by a session cookie) or an enrolled browser (a
 * device, by its bearer token), and what each may see. Passwords are scrypt hashes; session ids
 * and device tokens are random and stored only as SHA-256 hashes; every state-changing request of
 * a session carries its CSRF token in a header.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { HubRole } from './db/schema';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))));

const SCRYPT = { N: 16384, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

export const newSecret = () => randomBytes(32).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A person signed in. */
export interface AccountActor {
  kind: 'account';
  id: number;
  login: string;
  role: HubRole;
  unit: string | null;
  officerName: string | null;
  csrf: string;
}
/** An enrolled browser of a unit (and of an officer, where its user said who they are). */
export interface DeviceActor {
  kind: 'device';
  id: number;
  unit: string;
  officerName: string | null;
  badge: string | null;
}
export type Actor = AccountActor | DeviceActor;

/**
 * What rows an actor may read: everything (hub admin, 法制大队), one unit (unit 法制员), or one
 * officer's own findings (an officer, or a browser asking for its user's own).
 */
export interface Scope {
  unit?: string;
  officer?: string;
}
export function scopeOf(actor: Actor): Scope {
  if (actor.kind === 'device') return { unit: actor.unit, ...(actor.officerName ? { officer: actor.officerName } : { officer: '\u0000' }) };
  if (actor.role === 'admin' || actor.role === 'branch') return {};
  if (actor.role === 'unit') return { unit: actor.unit! };
  return { unit: actor.unit!, officer: actor.officerName! };
}

