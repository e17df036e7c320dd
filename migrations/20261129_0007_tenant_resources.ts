import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Suspension: when the current (or last) suspension began, for the hold limit and event ids; a status
  // transition owes its tenant.suspended/reactivated event until it is published (the sweep republishes).
  await db.schema
    .alterTable('tenants')
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('status_event_pending', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('tenants_status_event_pending')
    .on('tenants')
    .column('id')
    .where(sql.ref('status_event_pending'), '=', true)
    .execute();
  await db.schema
    .createIndex('tenants_not_active')
    .on('tenants')
    .column('id')
    .where(sql.ref('status'), 'in', ['suspended', 'deleting'])
    .execute();

  // Progress of a cascade deletion, written in the same statement as each batch, so a killed worker resumes
  // exactly where it stopped. Kept after the tenant is gone as the record of what was deleted.
  await db.schema
    .createTable('tenant_deletions')
    .addColumn('tenant_id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    // The tenant as it was when deletion began: the tenant.deleted event still describes it after the row is gone.
    .addColumn('tenant', 'jsonb', (col) => col.notNull())
    // 1: the first pass over every table; later passes find rows written while it ran, until one finds none.
    .addColumn('pass', 'integer', (col) => col.notNull().defaultTo(1))
    // Rows the current pass has found (deleted or, when updated under it, left for the next pass).
    .addColumn('pass_rows', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('current_table', 'text', (col) => col.notNull())
    // Keyset cursor in current_table: rows with ids up to it are gone.
    .addColumn('after_id', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('rows_deleted', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('deleted_event_pending', 'boolean', (col) => col.notNull().defaultTo(true))
    .execute();
  await db.schema.createIndex('tenant_deletions_org').on('tenant_deletions').columns(['org_id', 'tenant_id']).execute();

  // Batched deletes walk each table by (tenant_id, id); these two had no tenant index.
  await db.schema.createIndex('message_events_tenant_id').on('message_events').columns(['tenant_id', 'id']).execute();
  await db.schema.createIndex('idempotency_records_tenant_id').on('idempotency_records').column('tenant_id').execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    // null: an org-level template, usable by the org's root keys only.
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('html', 'text')
    .addColumn('text', 'text')
    .addColumn('variables', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('templates_has_body', sql`html is not null or text is not null`)
    .execute();
  await db.schema.createIndex('templates_org_id').on('templates').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('templates_tenant_id').on('templates').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('audiences')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audiences_org_id').on('audiences').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('audiences_tenant_id').on('audiences').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    // The audience's tenant, copied so tenant-wide reads and the tenant cascade need no join.
    .addColumn('tenant_id', 'text')
    .addColumn('audience_id', 'text', (col) => col.notNull().references('audiences.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('unsubscribed', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('metadata', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('contacts_audience_email_unique', ['audience_id', 'email'])
    .execute();
  await db.schema.createIndex('contacts_audience_id').on('contacts').columns(['audience_id', 'id']).execute();
  await db.schema.createIndex('contacts_tenant_id').on('contacts').columns(['tenant_id', 'id']).execute();

  // A bulk import: the submitted contacts wait here (not in Redis) until the job has upserted them all.
  await db.schema
    .createTable('contact_imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('audience_id', 'text', (col) => col.notNull().references('audiences.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'completed', 'failed')`),
    )
    .addColumn('payload', 'jsonb')
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('processed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('contact_imports_audience_id').on('contact_imports').columns(['audience_id', 'id']).execute();
  await db.schema.createIndex('contact_imports_tenant_id').on('contact_imports').columns(['tenant_id', 'id']).execute();
}
