import type { Db } from '../platform/db.js';

/**
 * What the local (development) providers "send": one row per message. A message handed over twice is
 * visible there (deliveries > 1), which is what the fault tests count.
 */
export async function recordLocalDeliveries(db: Db, channel: 'email' | 'sms', items: { messageId: string; payload: object }[]) {
  if (items.length === 0) return;
  await db
    .insertInto('local_outbox')
    .values(items.map((item) => ({ message_id: item.messageId, channel, payload: JSON.stringify(item.payload) })))
    .onConflict((oc) =>
      oc.column('message_id').doUpdateSet((eb) => ({
        deliveries: eb('local_outbox.deliveries', '+', 1),
        last_sent_at: new Date(),
      })),
    )
    .execute();
}

/** Which of these messages the local provider has received. */
export async function localDeliveriesAmong(db: Db, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.selectFrom('local_outbox').select('message_id').where('message_id', 'in', messageIds).execute();
  return new Set(rows.map((row) => row.message_id));
}
