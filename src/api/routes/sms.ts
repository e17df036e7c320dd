import { Router } from 'express';
import { db } from '../../db/index.js';
import { acceptSms, sendSmsInput } from '../../sms.js';
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
