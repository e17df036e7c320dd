import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Routing reads an org's org-wide endpoints and a few tenants' own: each an index lookup, however many tenants
  // (one endpoint each, in platform mode) and orgs there are.
  await sql`create index webhook_endpoints_routing on webhook_endpoints (org_id, tenant_id) where enabled`.execute(db);
}
