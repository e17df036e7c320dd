import type { Tenant } from '../platform/schema/index.js';

// The tenant's API shape, apart from tenants.ts so that the modules tenants.ts calls
// (suspension, deletion) can present a tenant without importing it back.

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
    limits: tenant.limits,
  };
}
