import { sql, type Kysely } from 'kysely';

const environment = sql`environment in ('live', 'test')`;

export async function up(db: Kysely<any>): Promise<void> {
  // Test and live objects (like Stripe's livemode): a test key's objects act on test sends only. Every row so
  // far was made by the only kind of object there was, a live one.
  for (const table of ['suppressions', 'webhook_endpoints', 'templates', 'audiences']) {
    await db.schema
      .alterTable(table)
      .addColumn('environment', 'text', (col) => col.notNull().defaultTo('live').check(environment))
      .execute();
  }

  // One suppression per address, tenant and environment: a test key's suppression of an address is its own
  // row, never the live one answered back. Environment after address: the send path looks up (org, addresses).
  await db.schema.alterTable('suppressions').dropConstraint('suppressions_org_address_tenant_unique').execute();
  await db.schema
    .alterTable('suppressions')
    .addUniqueConstraint(
      'suppressions_org_address_environment_tenant_unique',
      ['org_id', 'address', 'environment', 'tenant_id'],
      (constraint) => constraint.nullsNotDistinct(),
    )
    .execute();

  // Every secret a rotation handed out keeps signing for its 24 h, however many rotations follow:
  // [{secret, expires_at}], newest first, replacing the single previous secret.
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('previous_secrets', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`
    update webhook_endpoints
       set previous_secrets = jsonb_build_array(jsonb_build_object('secret', previous_secret, 'expires_at', previous_secret_expires_at))
     where previous_secret is not null and previous_secret_expires_at > now()
  `.execute(db);
  await db.schema.alterTable('webhook_endpoints').dropColumn('previous_secret').dropColumn('previous_secret_expires_at').execute();
}
