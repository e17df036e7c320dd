import type { SendJob } from '../src/message-writer.js';
import { deliverSms } from '../src/sms-delivery.js';
import type { QueueProcessor } from './runtime.js';

export const sendSmsProcessor: QueueProcessor = {
  queue: 'send-sms',
  process: async (job) => {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const retrying = await deliverSms((job.data as SendJob).messageIds, finalAttempt);
    if (retrying > 0) throw new Error(`${retrying} SMS were refused for now and will be retried`);
  },
  options: { concurrency: 8 },
};
