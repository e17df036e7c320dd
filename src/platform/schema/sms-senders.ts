import type { ColumnType } from 'kysely';

export type SmsSenderType = 'sender_id' | 'origination_number';

export interface SmsSenderTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  type: SmsSenderType;
  value: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
