import type { ColumnType } from 'kysely';

type Metadata = Record<string, string>;

export interface ContactTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  audience_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  unsubscribed: ColumnType<boolean, boolean | undefined, boolean>;
  metadata: ColumnType<Metadata, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
