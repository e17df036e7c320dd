import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as smsSenders from '../../messages/sms/senders.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

/** Registering senders is the platform's decision (root keys); a tenant's key may read its own. */
export function smsSendersRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('tenants:*'), requireLiveKey('SMS senders'), async (req, res) => {
    const input = parse(smsSenders.createSmsSenderInput, req.body);
    res.status(201).json(await smsSenders.createSmsSender(ctx.db, principalOf(req), input));
  });

  router.get('/', requireScope('sms:send'), async (req, res) => {
    const query = parse(smsSenders.listSmsSendersQuery, req.query);
    res.json(await smsSenders.listSmsSenders(ctx.db, principalOf(req), query));
  });

  // Route type arguments keep req.params.id a string despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('sms:send'), async (req, res) => {
    res.json(await smsSenders.getSmsSender(ctx.db, principalOf(req), req.params.id));
  });

  router.delete<'/:id'>('/:id', requireScope('tenants:*'), requireLiveKey('SMS senders'), async (req, res) => {
    res.json(await smsSenders.deleteSmsSender(ctx.db, principalOf(req), req.params.id));
  });
  return router;
}
