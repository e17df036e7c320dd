import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { acceptSms, sendSmsInput } from '../../messages/sms/accept.js';
import { respondIdempotently } from '../idempotent.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function smsRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('sms:send'));

  router.post('/', async (req, res) => {
    const input = parse(sendSmsInput, req.body);
    await respondIdempotently(ctx, req, res, 'sms', 202, async (complete) => ({
      body: await acceptSms(ctx, principalOf(req), input, complete),
    }));
  });
  return router;
}
