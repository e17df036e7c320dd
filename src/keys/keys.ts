import { randomBytes } from 'node:crypto';
import type { Updateable } from 'kysely';
import { z } from 'zod';
import { hashSecret } from '../access/authenticate.js';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import type { ApiKey, ApiKeyTable, KeyEnvironment } from '../platform/schema/index.js';
import { assertDomainsUsableByKey } from '../domains/domains.js';
import { ApiError, invalid, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import type { Principal } from '../access/principal.js';
import { allScopes, type Scope, tenantScopes } from '../access/scopes.js';
import type { AppContext } from '../context.js';

const scopeList = z
  .array(z.enum(tenantScopes, { error: `must be one of ${tenantScopes.join(', ')} (tenants:* and keys:* belong to root keys)` }))
  .min(1)
  .max(tenantScopes.length)
  .transform((scopes) => [...new Set(scopes)]);
const domainIdList = z.array(z.string().regex(/^dom_[0-9a-z]{1,40}$/, 'must be domain ids (dom_…)')).max(100);

export const createKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  tenant_id: z.string().max(64).nullish(),
  environment: z.enum(['live', 'test']).default('live'),
  scopes: scopeList.optional(),
  allowed_domain_ids: domainIdList.nullish(),
});

export const updateKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  scopes: scopeList.optional(),
  allowed_domain_ids: domainIdList.nullable().optional(),
});

export const listKeysQuery = pageQuery.extend({ tenant_id: z.string().max(64).optional() });

function newSecret(environment: KeyEnvironment): string {
  // 192 random bits; hex keeps the secret one double-click-selectable word.
  return `sok_${environment}_${randomBytes(24).toString('hex')}`;
}

export function presentKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    tenant_id: key.tenant_id,
    environment: key.environment,
    scopes: key.scopes,
    allowed_domain_ids: key.allowed_domain_ids,
    last_four: key.last_four,
    created_at: key.created_at.toISOString(),
    last_used_at: key.last_used_at?.toISOString() ?? null,
  };
}

interface NewKey {
  name: string;
  tenantId: string | null;
  environment: KeyEnvironment;
  scopes: readonly Scope[];
  allowedDomainIds: string[] | null;
}

/** Inserts a key and returns it with its secret: the only time the secret exists outside the caller. */
export async function insertKey(db: Db, orgId: string, key: NewKey) {
  const secret = newSecret(key.environment);
  const row = await db
    .insertInto('api_keys')
    .values({
      id: newId('key'),
      org_id: orgId,
      tenant_id: key.tenantId,
      name: key.name,
      environment: key.environment,
      scopes: [...key.scopes],
      allowed_domain_ids: key.allowedDomainIds,
      secret_sha256: hashSecret(secret),
      last_four: secret.slice(-4),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...presentKey(row), secret };
}

export async function createKey(db: Db, orgId: string, input: z.infer<typeof createKeyInput>) {
  const tenantId = input.tenant_id ?? null;
  if (tenantId === null && input.scopes) {
    throw invalid('scopes', 'platform-root keys hold every scope; omit scopes or set tenant_id');
  }
  if (tenantId !== null) await assertTenantUsable(db, orgId, tenantId);
  if (input.allowed_domain_ids) await assertDomainsUsableByKey(db, orgId, tenantId, input.allowed_domain_ids);
  return insertKey(db, orgId, {
    name: input.name,
    tenantId,
    environment: input.environment,
    scopes: tenantId === null ? allScopes : (input.scopes ?? tenantScopes),
    allowedDomainIds: input.allowed_domain_ids ?? null,
  });
}

function scopedKeys(db: Db, principal: Principal) {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where(visibleTo('api_keys', principal))
    .where('revoked_at', 'is', null);
}

export async function listKeys(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listKeysQuery>) {
  let select = scopedKeys(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentKey);
}

export async function getKey(db: Db, principal: Principal, keyId: string) {
  const key = await scopedKeys(db, principal).where('id', '=', keyId).executeTakeFirst();
  if (!key) throw notFound('key', keyId);
  return presentKey(key);
}

export async function updateKey(ctx: AppContext, principal: Principal, keyId: string, input: z.infer<typeof updateKeyInput>) {
  const { db } = ctx;
  const current = await scopedKeys(db, principal).where('id', '=', keyId).executeTakeFirst();
  if (!current) throw notFound('key', keyId);
  if (current.tenant_id === null && input.scopes) {
    throw invalid('scopes', 'platform-root keys hold every scope');
  }
  if (input.allowed_domain_ids) {
    await assertDomainsUsableByKey(db, principal.orgId, current.tenant_id, input.allowed_domain_ids);
  }
  const changes = { name: input.name, scopes: input.scopes, allowed_domain_ids: input.allowed_domain_ids };
  // An empty PATCH changes nothing (and an empty SET is no SQL): it answers the key as it is.
  if (Object.values(changes).every((value) => value === undefined)) return presentKey(current);
  return presentKey(await changeUnrevokedKey(ctx, principal, keyId, changes));
}

/** Changes a key of the org that is not revoked, then drops every process's cached copy of it. */
async function changeUnrevokedKey(ctx: AppContext, principal: Principal, keyId: string, changes: Updateable<ApiKeyTable>) {
  const key = await ctx.db
    .updateTable('api_keys')
    .set(changes)
    .where('org_id', '=', principal.orgId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!key) throw notFound('key', keyId);
  await ctx.keys.changed({ keyId });
  return key;
}

export async function revokeKey(ctx: AppContext, principal: Principal, keyId: string) {
  if (keyId === principal.keyId) {
    throw new ApiError(409, 'conflict_error', 'CANNOT_REVOKE_OWN_KEY', 'a key cannot revoke itself; use another root key');
  }
  const key = await changeUnrevokedKey(ctx, principal, keyId, { revoked_at: new Date() });
  return { id: key.id, revoked: true };
}
