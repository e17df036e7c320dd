import type { ColumnType } from 'kysely';

export interface IdempotencyRecordTable {
  key_id: string;
  scope: string;
  idempotency_key: string;
  org_id: string;
  tenant_id: string | null;
  request_hash: string;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, Date | undefined, Date>;
}
