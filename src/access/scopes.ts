/** Scopes a tenant-bound key may hold. */
export const tenantScopes = [
  'emails:send',
  'sms:send',
  'messages:read',
  'domains:read',
  'domains:write',
  'webhooks:read',
  'webhooks:write',
  'suppressions:read',
  'suppressions:write',
  'templates:read',
  'templates:write',
  'contacts:read',
  'contacts:write',
  'usage:read',
] as const;

/** Platform-root keys hold every scope, including these two that no tenant-bound key can. */
export const rootOnlyScopes = ['tenants:*', 'keys:*'] as const;
export const allScopes = [...tenantScopes, ...rootOnlyScopes] as const;

export type TenantScope = (typeof tenantScopes)[number];
export type Scope = (typeof allScopes)[number];
