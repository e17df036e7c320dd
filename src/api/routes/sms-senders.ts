import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as smsSenders from '../../messages/sms/senders.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

/** Registering senders is the platform's decision (root keys); a tenant's key may read its own. */
export const smsSendersRouter = Router();

smsSendersRouter.post('/', requireScope('tenants:*'), requireLiveKey('SMS senders'), async (req, res) => {
  const input = parse(smsSenders.createSmsSenderInput, req.body);
  res.status(201).json(await smsSenders.createSmsSender(db, principalOf(req), input));
});

smsSendersRouter.get('/', requireScope('sms:send'), async (req, res) => {
  const query = parse(smsSenders.listSmsSendersQuery, req.query);
  res.json(await smsSenders.listSmsSenders(db, principalOf(req), query));
});

// Route type arguments keep req.params.id a string despite the scope middleware before the handler.
smsSendersRouter.get<'/:id'>('/:id', requireScope('sms:send'), async (req, res) => {
  res.json(await smsSenders.getSmsSender(db, principalOf(req), req.params.id));
});

smsSendersRouter.delete<'/:id'>('/:id', requireScope('tenants:*'), requireLiveKey('SMS senders'), async (req, res) => {
  res.json(await smsSenders.deleteSmsSender(db, principalOf(req), req.params.id));
});
