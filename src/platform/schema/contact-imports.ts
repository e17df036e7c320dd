import type { ColumnType } from 'kysely';

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * One contact of an import as its request was parsed; the import input's schema (audiences.ts) is checked
 * against this, so what the job reads back is what the request stored.
 */
export interface ImportedContact {
  email: string;
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
  unsubscribed?: boolean | undefined;
  metadata?: Record<string, string> | undefined;
}

export interface ContactImportTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  audience_id: string;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  /** The submitted contacts, until the job has upserted them all. */
  payload: ColumnType<ImportedContact[] | null, string, null>;
  total: number;
  processed: ColumnType<number, number | undefined, number>;
  created: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  finished_at: Date | null;
}
