import type { ColumnType, Selectable } from 'kysely';

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
  created_at: ColumnType<Date, Date | undefined, never>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export type ApiKey = Selectable<ApiKeyTable>;
