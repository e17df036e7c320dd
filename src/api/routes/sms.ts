import { Router } from 'express';
import { db } from '../../platform/db.js';
import { acceptSms, sendSmsInput } from '../../messages/sms/accept.js';
import { respondIdempotently } from '../idempotent.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const smsRouter = Router();
smsRouter.use(requireScope('sms:send'));

smsRouter.post('/', async (req, res) => {
  const input = parse(sendSmsInput, req.body);
  await respondIdempotently(req, res, 'sms', 202, async (complete) => ({
    body: await acceptSms(db, principalOf(req), input, complete),
  }));
});
