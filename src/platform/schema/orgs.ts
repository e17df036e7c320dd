import type { ColumnType } from 'kysely';

export interface OrgTable {
  id: string;
  name: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
