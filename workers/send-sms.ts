import { deliverSms } from '../src/messages/sms/send.js';
import { parseJob } from '../src/platform/jobs.js';
import type { QueueProcessor } from './runtime.js';

export const sendSmsProcessor: QueueProcessor<'send-sms'> = {
  queue: 'send-sms',
  process: async (ctx, job) => {
    const { messageIds } = parseJob('send-sms', job).data;
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const retrying = await deliverSms(ctx, messageIds, finalAttempt);
    if (retrying > 0) throw new Error(`${retrying} SMS were refused for now and will be retried`);
  },
  options: { concurrency: 8 },
};
