import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SES identity notifications carry no tags: they find their message by SES's message id.
  await db.schema
    .createIndex('messages_provider_message_id')
    .on('messages')
    .column('provider_message_id')
    .where(sql.ref('provider_message_id'), 'is not', null)
    .execute();
}
