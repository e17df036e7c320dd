import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import { type MessageStatus, messageStatuses } from '../platform/schema/index.js';

/**
 * Statuses no send worker claims a message in again (claimMessages takes only queued, scheduled and
 * abandoned sending ones), so nothing needs its content any more. delivery_delayed counts: the provider
 * holds its own copy while it retries. The partial index `messages_content_retention` has the same list.
 */
const stillSendable: MessageStatus[] = ['queued', 'scheduled', 'sending'];
const contentErasableStatuses = messageStatuses.filter((status) => !stillSendable.includes(status));

/**
 * What an erased message keeps of its content: the envelope (cc, bcc, reply-to and the template's id for
 * an email; segments, encoding, type and sender for an SMS). Everything else goes, including fields added
 * to content later: html, text, custom headers, attachments, template variables, the SMS body.
 */
const keptContent = sql<string>`jsonb_strip_nulls(case channel
  when 'email' then jsonb_build_object(
    'cc', content->'cc',
    'bcc', content->'bcc',
    'reply_to', content->'reply_to',
    'template', case when content ? 'template' then jsonb_build_object('id', content#>'{template,id}') end)
  else jsonb_build_object(
    'segments', content->'segments',
    'encoding', content->'encoding',
    'type', content->'type',
    'sender_id', content->'sender_id',
    'origination_number', content->'origination_number')
  end)`;

/**
 * Erases the content of messages whose last status change (updated_at) is older than `finishedBefore` and
 * whose status is final; the rows, their recipients and their timelines stay. Erased messages are marked
 * (content_erased_at) and not looked at again, so running it twice changes nothing.
 *
 * Batched, like webhook history pruning, so no statement holds many row locks; rows another transaction
 * holds are skipped until the next run rather than waited for. A batch reads whole contents (up to 10 MB
 * of attachments each), hence the small default. Stops after `budgetMs`, leaving the rest to the next
 * scheduled run: the maintenance queue runs one job at a time, and a first pass over a large backlog must
 * not hold up the message reconciler. Returns how many messages it erased.
 */
export async function eraseExpiredContent(db: Db, finishedBefore: Date, { batchSize = 1_000, budgetMs = 30_000 } = {}): Promise<number> {
  const deadline = Date.now() + budgetMs;
  let erased = 0;
  for (;;) {
    const result = await db
      .updateTable('messages')
      .set({ content: keptContent, content_erased_at: new Date() })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('messages')
          .select('id')
          // Re-checked on the current row once it is locked: a row that changed since still qualifies or is skipped.
          .where('content_erased_at', 'is', null)
          .where('status', 'in', contentErasableStatuses)
          .where('updated_at', '<', finishedBefore)
          // Oldest first, which also keeps the planner on the partial index: without an order it expects
          // candidates everywhere and scans the table, most of which was erased long ago.
          .orderBy('updated_at')
          .limit(batchSize)
          .forUpdate()
          .skipLocked(),
      )
      .executeTakeFirst();
    const batch = Number(result.numUpdatedRows);
    erased += batch;
    if (batch < batchSize || Date.now() >= deadline) return erased;
  }
}
