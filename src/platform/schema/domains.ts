import type { ColumnType, Selectable } from 'kysely';

export type DomainStatus = 'pending' | 'verified' | 'failed';

export interface DomainTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  name: string;
  status: ColumnType<DomainStatus, DomainStatus | undefined, DomainStatus>;
  dkim_tokens: string[];
  verification_token: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  verified_at: Date | null;
  last_checked_at: Date | null;
  status_event_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

export type Domain = Selectable<DomainTable>;
