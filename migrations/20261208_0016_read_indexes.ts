import { sql, type Kysely } from 'kysely';

// Indexes for list pages (newest first, `id < cursor`, limit): each filter a list offers is answered from an
// index in id order, or from a small set of matching rows, never by reading a whole table.
export async function up(db: Kysely<any>): Promise<void> {
  // Status filters, per tenant and org-wide (root keys). Status changes were already non-HOT updates
  // (messages_pending covers status), so these add one index entry per change, not a heap rewrite.
  await sql`create index messages_tenant_status on messages (tenant_id, status, id)`.execute(db);
  await sql`create index messages_org_status on messages (org_id, status, id)`.execute(db);
  // Recipient and tag filters: containment (`recipients @> array[…]`, `tags @> '[…]'`) through GIN.
  await sql`create index messages_recipients on messages using gin (recipients)`.execute(db);
  await sql`create index messages_tags on messages using gin (tags jsonb_path_ops)`.execute(db);
  // Test keys read only test messages: partial, so live sends pay nothing for them.
  await sql`create index messages_test_tenant on messages (tenant_id, id) where environment = 'test'`.execute(db);
  await sql`create index messages_test_org on messages (org_id, id) where environment = 'test'`.execute(db);

  // Lists with no index in their order (platform mode has one tenant, key and sender per customer).
  await sql`create index tenants_org_id on tenants (org_id, id)`.execute(db);
  await sql`create index api_keys_org_id on api_keys (org_id, id) where revoked_at is null`.execute(db);
  await sql`create index api_keys_tenant_id on api_keys (tenant_id, id) where revoked_at is null`.execute(db);
  await sql`create index sms_senders_org_id on sms_senders (org_id, id)`.execute(db);
  await sql`create index sms_senders_tenant_id on sms_senders (tenant_id, id)`.execute(db);
  await sql`drop index sms_senders_tenant`.execute(db);
  await sql`create index webhook_deliveries_endpoint_status on webhook_deliveries (endpoint_id, status, id)`.execute(db);
}
