import { deliverEmails } from '../src/messages/email/send.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const sendEmailProcessor: QueueProcessor<'send-email'> = {
  queue: 'send-email',
  process: async (ctx, job) => {
    const { messageIds } = parseJob('send-email', job).data;
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const retrying = await deliverEmails(ctx, messageIds, finalAttempt);
    // Throwing hands the job back to BullMQ's backoff; only the messages still queued are sent again.
    if (retrying > 0) throw new Error(`${retrying} emails were refused for now and will be retried`);
  },
  // Jobs wait mostly on Postgres and the provider: several in flight keep one process busy.
  options: { concurrency: 8 },
};
