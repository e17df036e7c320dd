import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as keys from '../../keys/keys.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function keysRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('keys:*'));

  router.post('/', requireLiveKey('keys'), async (req, res) => {
    const input = parse(keys.createKeyInput, req.body);
    res.status(201).json(await keys.createKey(ctx.db, principalOf(req).orgId, input));
  });

  router.get('/', async (req, res) => {
    const query = parse(keys.listKeysQuery, req.query);
    res.json(await keys.listKeys(ctx.db, principalOf(req), query));
  });

  router.get('/:id', async (req, res) => {
    res.json(await keys.getKey(ctx.db, principalOf(req), req.params.id));
  });

  router.patch<'/:id'>('/:id', requireLiveKey('keys'), async (req, res) => {
    const input = parse(keys.updateKeyInput, req.body);
    res.json(await keys.updateKey(ctx, principalOf(req), req.params.id, input));
  });

  router.delete<'/:id'>('/:id', requireLiveKey('keys'), async (req, res) => {
    res.json(await keys.revokeKey(ctx, principalOf(req), req.params.id));
  });
  return router;
}
