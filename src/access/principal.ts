import type { KeyEnvironment, TenantLimits } from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';
import type { Scope } from './scopes.js';

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  orgId: string;
  keyId: string;
  /** null for a platform-root key. */
  tenantId: string | null;
  environment: KeyEnvironment;
  scopes: ReadonlySet<Scope>;
  /** null when the key may use any domain of its tenant (or org, for root keys). */
  allowedDomainIds: readonly string[] | null;
  /**
   * The key's tenant's limits as of its lookup (at most KEY_CACHE_TTL_MS old; a change drops cached keys at
   * once); null for a platform-root key.
   */
  limits: TenantLimits | null;
}

/**
 * The tenant a write acts for: a tenant-bound key always acts for its own tenant (any other
 * tenant_id is answered as not found, so sibling ids are never confirmed); a root key acts for
 * the tenant it names, or org-wide when it names none.
 */
export function actingTenantId(principal: Principal, requested: string | null | undefined): string | null {
  if (principal.tenantId === null) return requested ?? null;
  if (requested != null && requested !== principal.tenantId) throw notFound('tenant', requested);
  return principal.tenantId;
}
