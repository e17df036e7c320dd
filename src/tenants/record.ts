import type { ColumnType } from 'kysely';
import type { Tenant } from '../platform/schema/index.js';

// The tenant row's own columns and its API shape, apart from tenants.ts so that the modules tenants.ts calls
// (suspension, deletion) can present a tenant without importing it back.

declare module '../platform/schema/index.js' {
  interface TenantTable {
    /** When the current (or, once reactivated, the last) suspension began. */
    suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    /** A status transition whose tenant.suspended/reactivated event is not yet published. */
    status_event_pending: ColumnType<boolean, boolean | undefined, boolean>;
  }
}

export function presentTenant(tenant: Tenant) {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    external_ref: tenant.external_ref,
    status: tenant.status,
    metadata: tenant.metadata,
    created_at: tenant.created_at.toISOString(),
    suspended_at: tenant.status === 'suspended' ? (tenant.suspended_at?.toISOString() ?? null) : null,
  };
}
