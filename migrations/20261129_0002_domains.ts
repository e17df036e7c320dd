import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('domains')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    // null: an org-level domain, usable by the org's root keys only.
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'verified', 'failed')`),
    )
    .addColumn('dkim_tokens', sql`text[]`, (col) => col.notNull())
    .addColumn('verification_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('last_checked_at', 'timestamptz')
    // A status transition owes its domain.verified/failed event until it is published; the sweep
    // publishes any whose publisher died first.
    .addColumn('status_event_pending', 'boolean', (col) => col.notNull().defaultTo(false))
    // One owner per name in the whole installation: the provider identity (and its DKIM keys) is per name.
    .addUniqueConstraint('domains_name_unique', ['name'])
    .execute();
  await db.schema.createIndex('domains_org_id').on('domains').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('domains_tenant_id').on('domains').columns(['tenant_id', 'id']).execute();
  await db.schema
    .createIndex('domains_pending')
    .on('domains')
    .column('id')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('domains_status_event_pending')
    .on('domains')
    .column('id')
    .where(sql.ref('status_event_pending'), '=', true)
    .execute();

  await db.schema
    .createTable('test_inboxes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed')`),
    )
    .addColumn('code_sha256', 'bytea', (col) => col.notNull())
    .addColumn('confirm_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    // Email before tenant: the sandbox check looks up (org, recipients).
    .addUniqueConstraint('test_inboxes_org_email_tenant_unique', ['org_id', 'email', 'tenant_id'], (constraint) =>
      constraint.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('test_inboxes_org_id').on('test_inboxes').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('test_inboxes_tenant_id').on('test_inboxes').columns(['tenant_id', 'id']).execute();
}
