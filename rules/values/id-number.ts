/**
 * 18-digit citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check digit.
 */
import { daysInMonth, wall } from '../periods/time';

/**
 * Province-level prefixes (GB/T 2260). Only the province is checked: county codes are withdrawn
 * and renumbered over the years, and an old but genuine ID keeps its old code.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdProblem = 'length' | 'region' | 'date' | 'checksum';

export interface IdInfo {
  /** Birth date as a wall-clock day. */
  birthDay: number;
  gender: '男' | '女';
}

export type IdResult = { ok: true; info: IdInfo } | { ok: false; problem: IdProblem; expectedCheck?: string };

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '?';
}

export function validateIdNumber(raw: string, todayMs?: number): IdResult {
  const s = raw.replace(/\s/g, '').toUpperCase().replace(/Ｘ/g, 'X');
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'length' };
  if (!PROVINCES.has(s.slice(0, 2))) return { ok: false, problem: 'region' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, problem: 'date' };
  const birthDay = wall(y, m, d);
  if (todayMs !== undefined && birthDay > todayMs) return { ok: false, problem: 'date' };
  const expected = checkDigit(s.slice(0, 17));
  if (s[17] !== expected) return { ok: false, problem: 'checksum', expectedCheck: expected };
  return { ok: true, info: { birthDay, gender: Number(s[16]) % 2 === 1 ? '男' : '女' } };
}
