/**
 * The hub's tables as Kysely sees them (hub/db/migrations.ts creates them). Times are epoch
 * milliseconds, as in the browsers' logs, so that lib/reports computes the same figures here.
 */
import type { ColumnType, Generated } from 'kysely';

/** Epoch milliseconds in bigint columns, read back as numbers (hub/db/connect.ts). */
type Millis = number;
type NullableMillis = number | null;

export const ROLES = ['admin', 'branch', 'unit', 'officer'] as const;
export type HubRole = (typeof ROLES)[number];

export interface UnitsTable {
  name: string;
  enrollment_code_hash: string;
  created_at: Millis;
}

export interface AccountsTable {
  id: Generated<number>;
  login: string;
  password_hash: string;
  role: HubRole;
  unit: string | null;
  officer_name: string | null;
  badge: string | null;
  disabled: Generated<boolean>;
  created_at: Millis;
}

export interface SessionsTable {
  id_hash: string;
  account_id: number;
  csrf: string;
  expires_at: Millis;
}

export interface DevicesTable {
  id: Generated<number>;
  token_hash: string;
  unit: string;
  name: string;
  officer_name: string | null;
  badge: string | null;
  enrolled_at: Millis;
  last_seen_at: NullableMillis;
  revoked_at: NullableMillis;
}

export interface FindingsTable {
  key: string;
  case_number: string;
  case_key: string;
  document: string;
  case_kind: string | null;
  unit: string | null;
  officers: string[];
  rule_id: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  kind: 'violation' | 'due-soon' | 'needs-review';
  field_key: string;
  row: number | null;
  rows: number | null;
  message: string;
  basis: string;
  page_url: string;
  first_seen: Millis;
  last_seen: Millis;
  times_seen: number;
  status: 'open' | 'fixed' | 'confirmed' | 'dismissed';
  fixed_at: NullableMillis;
  reviewer: string | null;
  reviewer_unit: string | null;
  subjective_level: string | null;
  dismiss_reason: string | null;
  note: string | null;
  updated_at: Millis;
  reviewed_at: NullableMillis;
  history: ColumnType<unknown[], string, string>;
  device_id: number | null;
  received_at: Millis;
}

export interface PageChecksTable {
  visit: string;
  case_key: string;
  case_number: string;
  case_kind: string | null;
  unit: string | null;
  officers: string[];
  url: string;
  at: Millis;
  findings_count: number;
  device_id: number | null;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: Millis;
  account_id: number | null;
  device_id: number | null;
  route: string;
  case_numbers: string[];
}

/** What the hub serves its browsers (one row): rule overrides, a rule pack, holiday years. */
export interface HubConfigTable {
  id: number;
  rule_overrides: ColumnType<unknown, string, string>;
  rule_pack: ColumnType<unknown, string | null, string | null>;
  calendars: ColumnType<unknown, string, string>;
  updated_at: Millis;
}

export interface HubSchema {
  hub_config: HubConfigTable;
  units: UnitsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  findings: FindingsTable;
  page_checks: PageChecksTable;
  access_log: AccessLogTable;
}
