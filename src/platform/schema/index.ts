import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface OrgTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export type TenantStatus = 'active' | 'suspended' | 'deleting';

export interface TenantTable {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  external_ref: string | null;
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type KeyEnvironment = 'live' | 'test';

export interface ApiKeyTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  name: string;
  environment: KeyEnvironment;
  scopes: string[];
  allowed_domain_ids: string[] | null;
  secret_sha256: Buffer;
  last_four: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface Database {
  orgs: OrgTable;
  tenants: TenantTable;
  api_keys: ApiKeyTable;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
export type TenantUpdate = Updateable<TenantTable>;
export type ApiKey = Selectable<ApiKeyTable>;
export type { Generated };
