import { tenantActive } from '../access/tenant-scope.js';
import type { AppContext } from '../context.js';
import { abandonedClaim, settleHandedOver } from './send/handover.js';
import { groupBy } from '../platform/group-by.js';
import { enqueueSendJobs } from './send/writer.js';
import { queueNames } from '../platform/jobs.js';

/** Queued messages younger than this are still on their way into Redis. */
const graceMs = 30_000;

/**
 * Re-enqueues every unfinished message whose send job Redis no longer has (lost, flushed, or finished
 * while the message waited for its tenant's reactivation). Returns how many it re-enqueued.
 */
export async function reconcileMessages(ctx: AppContext, limit = 10_000): Promise<number> {
  const { db } = ctx;
  await settleHandedOver(ctx);
  const candidates = await db
    .selectFrom('messages')
    .select(['id', 'channel', 'job_id', 'scheduled_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('created_at', '<', new Date(Date.now() - graceMs))]),
        eb('status', '=', 'scheduled'),
        abandonedClaim(),
      ]),
    )
    .where(tenantActive('messages.tenant_id'))
    .orderBy('id')
    .limit(limit)
    .execute();

  const byJob = groupBy(candidates, (message) => `${message.channel}/${message.job_id ?? ''}`);
  let requeued = 0;
  for (const messages of byJob.values()) {
    const first = messages[0] as (typeof candidates)[number];
    const queueName = first.channel === 'email' ? queueNames.sendEmail : queueNames.sendSms;
    if (first.job_id && (await ctx.jobs.isLive(queueName, first.job_id))) continue;
    const jobId = `requeue-${first.id}-${Date.now()}`;
    await db.updateTable('messages').set({ job_id: jobId }).where('id', 'in', messages.map((message) => message.id)).execute();
    await enqueueSendJobs(
      ctx,
      queueName,
      messages.map((message) => ({ ...message, job_id: jobId })),
    );
    requeued += messages.length;
  }
  return requeued;
}
