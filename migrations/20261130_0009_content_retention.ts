import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // When the retention pass erased the message's content (bodies, attachments, template variables); the row stays.
  await db.schema.alterTable('messages').addColumn('content_erased_at', 'timestamptz').execute();
  // The retention pass looks for finished messages whose content is still there, by the time of their last
  // status change: only those rows are indexed, and each drops out once erased. The predicate matches the
  // pass's query (src/content-retention.ts). ifNotExists: on a large table, build it beforehand with
  // CREATE INDEX CONCURRENTLY rather than block writes while the migration builds it.
  await db.schema
    .createIndex('messages_content_retention')
    .ifNotExists()
    .on('messages')
    .column('updated_at')
    .where(sql.ref('content_erased_at'), 'is', null)
    .where(sql.ref('status'), 'in', ['sent', 'delivered', 'delivery_delayed', 'bounced', 'complained', 'failed', 'suppressed', 'canceled'])
    .execute();
}
