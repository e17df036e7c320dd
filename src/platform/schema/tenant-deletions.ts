import type { ColumnType } from 'kysely';

export interface TenantDeletionTable {
  tenant_id: string;
  org_id: string;
  tenant: ColumnType<Record<string, unknown>, string, never>;
  pass: ColumnType<number, number | undefined, number>;
  pass_rows: ColumnType<number, number | undefined, number>;
  current_table: string;
  after_id: ColumnType<string, string | undefined, string>;
  rows_deleted: ColumnType<Record<string, number>, string | undefined, string>;
  started_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_event_pending: ColumnType<boolean, boolean | undefined, boolean>;
}
