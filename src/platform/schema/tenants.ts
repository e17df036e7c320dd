import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export type TenantStatus = 'active' | 'suspended' | 'deleting';

/** Limits the platform sets on a tenant; null is no limit. Every key is always present. */
export interface TenantLimits {
  /** Shaping: the tenant's sends wait their turn beyond this rate. */
  email_per_second: number | null;
  sms_per_second: number | null;
  /** Quotas: live messages accepted in a calendar month (UTC); a send past one is refused. */
  email_per_month: number | null;
  sms_per_month: number | null;
  /** Requests per second for each key of the tenant. */
  api_requests_per_second: number | null;
}

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
  /** Written as JSON text (or an expression), read as the object. */
  limits: ColumnType<TenantLimits, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type TenantUpdate = Updateable<TenantTable>;
