import type { ColumnType } from 'kysely';

export type TestInboxStatus = 'pending' | 'confirmed';

export interface TestInboxTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  email: string;
  status: ColumnType<TestInboxStatus, TestInboxStatus | undefined, TestInboxStatus>;
  code_sha256: Buffer;
  confirm_attempts: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  confirmed_at: Date | null;
}
