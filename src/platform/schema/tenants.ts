import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type TenantStatus = 'active' | 'suspended' | 'deleting';

export interface TenantTable {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  external_ref: string | null;
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  /** When the current (or, once reactivated, the last) suspension began. */
  suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** A status transition whose tenant.suspended/reactivated event is not yet published. */
  status_event_pending: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type TenantUpdate = Updateable<TenantTable>;
