import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('metadata', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('active').check(sql`status in ('active', 'suspended', 'deleting')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tenants_org_slug_unique', ['org_id', 'slug'])
    .execute();
  await db.schema.createIndex('tenants_org_external_ref').on('tenants').columns(['org_id', 'external_ref']).execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('environment', 'text', (col) => col.notNull().check(sql`environment in ('live', 'test')`))
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('allowed_domain_ids', sql`text[]`)
    .addColumn('secret_sha256', 'bytea', (col) => col.notNull().unique())
    .addColumn('last_four', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_keys_org_tenant').on('api_keys').columns(['org_id', 'tenant_id']).execute();
}
