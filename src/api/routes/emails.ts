import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { acceptEmails, cancelEmail, rescheduleEmail } from '../../messages/email/accept.js';
import { rescheduleInput, sendEmailBatchInput, sendEmailInput } from '../../messages/email/input.js';
import { respondIdempotently } from '../idempotent.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function emailsRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('emails:send'));

  router.post('/', async (req, res) => {
    const input = parse(sendEmailInput, req.body);
    await respondIdempotently(ctx, req, res, 'emails', 202, async (complete) => {
      const { accepted, headers } = await acceptEmails(ctx, principalOf(req), [input], complete && ((trx, ids) => complete(trx, ids[0])));
      return { body: accepted[0], headers };
    });
  });

  router.post('/batch', async (req, res) => {
    const inputs = parse(sendEmailBatchInput, req.body);
    await respondIdempotently(ctx, req, res, 'emails/batch', 202, async (complete) => {
      const { accepted, headers } = await acceptEmails(ctx, principalOf(req), inputs, complete && ((trx, ids) => complete(trx, { data: ids })));
      return { body: { data: accepted }, headers };
    });
  });

  router.patch('/:id', async (req, res) => {
    const input = parse(rescheduleInput, req.body);
    res.json(await rescheduleEmail(ctx, principalOf(req), req.params.id, new Date(input.scheduled_at)));
  });

  router.post('/:id/cancel', async (req, res) => {
    res.json(await cancelEmail(ctx, principalOf(req), req.params.id));
  });
  return router;
}
