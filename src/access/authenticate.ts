import { createHash } from 'node:crypto';
import type { Db } from '../platform/db.js';
import { ApiError } from '../platform/errors.js';
import type { CachedKey, KeyCache } from './key-cache.js';
import type { Principal } from './principal.js';
import type { Scope } from './scopes.js';

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/**
 * Resolves a secret to its principal. Lookups are cached per process for at most `ttlMs`; revoking,
 * changing or suspending drops them at once (see key-cache.ts), the TTL bounds what a lost broadcast costs.
 */
export function keyAuthenticator(db: Db, keys: KeyCache, ttlMs: number) {
  async function lookup(hash: Buffer): Promise<Omit<CachedKey, 'expiresAt'> | undefined> {
    const row = await db
      .selectFrom('api_keys')
      .leftJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
      .select([
        'api_keys.id',
        'api_keys.org_id',
        'api_keys.tenant_id',
        'api_keys.environment',
        'api_keys.scopes',
        'api_keys.allowed_domain_ids',
        'tenants.status as tenant_status',
        'tenants.limits',
      ])
      .where('api_keys.secret_sha256', '=', hash)
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.tenant_status === 'deleting') return undefined;
    // Not awaited: a slow write must not slow the request. Written at most once a minute per key.
    db.updateTable('api_keys')
      .set({ last_used_at: new Date() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(Date.now() - 60_000))]))
      .execute()
      .catch(() => undefined);
    const identity = { keyId: row.id, tenantId: row.tenant_id };
    if (row.tenant_status === 'suspended') return { ...identity, principal: 'tenant_suspended' };
    return {
      ...identity,
      principal: {
        orgId: row.org_id,
        keyId: row.id,
        tenantId: row.tenant_id,
        environment: row.environment,
        scopes: new Set(row.scopes as Scope[]),
        allowedDomainIds: row.allowed_domain_ids,
        limits: row.limits,
      },
    };
  }

  return async function authenticate(secret: string): Promise<Principal> {
    const hash = hashSecret(secret);
    const cacheKey = hash.toString('base64');
    const now = Date.now();
    let cached = keys.get(cacheKey);
    if (!cached || cached.expiresAt <= now) {
      const found = await lookup(hash);
      if (found === undefined) {
        keys.drop(cacheKey);
        throw new ApiError(401, 'authentication_error', 'INVALID_API_KEY', 'the API key is unknown or revoked');
      }
      cached = { ...found, expiresAt: now + ttlMs };
      keys.remember(cacheKey, cached);
    }
    if (cached.principal === 'tenant_suspended') {
      throw new ApiError(403, 'permission_error', 'TENANT_FORBIDDEN', "the key's tenant is suspended");
    }
    return cached.principal;
  };
}
