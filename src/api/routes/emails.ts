import { Router } from 'express';
import { acceptEmails, cancelEmail, rescheduleEmail } from '../../messages/email/accept.js';
import { rescheduleInput, sendEmailBatchInput, sendEmailInput } from '../../messages/email/input.js';
import { respondIdempotently } from '../idempotent.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const emailsRouter = Router();
emailsRouter.use(requireScope('emails:send'));

emailsRouter.post('/', async (req, res) => {
  const input = parse(sendEmailInput, req.body);
  await respondIdempotently(req, res, 'emails', 202, async (complete) => {
    const { accepted, headers } = await acceptEmails(principalOf(req), [input], complete && ((trx, ids) => complete(trx, ids[0])));
    return { body: accepted[0], headers };
  });
});

emailsRouter.post('/batch', async (req, res) => {
  const inputs = parse(sendEmailBatchInput, req.body);
  await respondIdempotently(req, res, 'emails/batch', 202, async (complete) => {
    const { accepted, headers } = await acceptEmails(principalOf(req), inputs, complete && ((trx, ids) => complete(trx, { data: ids })));
    return { body: { data: accepted }, headers };
  });
});

emailsRouter.patch('/:id', async (req, res) => {
  const input = parse(rescheduleInput, req.body);
  res.json(await rescheduleEmail(principalOf(req), req.params.id, new Date(input.scheduled_at)));
});

emailsRouter.post('/:id/cancel', async (req, res) => {
  res.json(await cancelEmail(principalOf(req), req.params.id));
});
