import type { ColumnType } from 'kysely';
import type { KeyEnvironment } from './api-keys.js';

export interface AudienceTable {
  id: string;
  org_id: string;
  /** null: an org-level audience, visible to the org's root keys only. */
  tenant_id: string | null;
  /** Its contacts are real people's addresses when live: a test key neither reads nor changes them. */
  environment: KeyEnvironment;
  name: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
