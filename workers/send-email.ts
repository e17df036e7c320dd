import { deliverEmails } from '../src/email-delivery.js';
import type { SendJob } from '../src/message-writer.js';
import type { QueueProcessor } from './runtime.js';

export const sendEmailProcessor: QueueProcessor = {
  queue: 'send-email',
  process: async (job) => {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const retrying = await deliverEmails((job.data as SendJob).messageIds, finalAttempt);
    // Throwing hands the job back to BullMQ's backoff; only the messages still queued are sent again.
    if (retrying > 0) throw new Error(`${retrying} emails were refused for now and will be retried`);
  },
  // Jobs wait mostly on Postgres and the provider: several in flight keep one process busy.
  options: { concurrency: 8 },
};
