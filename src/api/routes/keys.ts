import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as keys from '../../keys/keys.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const keysRouter = Router();
keysRouter.use(requireScope('keys:*'));

keysRouter.post('/', requireLiveKey('keys'), async (req, res) => {
  const input = parse(keys.createKeyInput, req.body);
  res.status(201).json(await keys.createKey(db, principalOf(req).orgId, input));
});

keysRouter.get('/', async (req, res) => {
  const query = parse(keys.listKeysQuery, req.query);
  res.json(await keys.listKeys(db, principalOf(req), query));
});

keysRouter.get('/:id', async (req, res) => {
  res.json(await keys.getKey(db, principalOf(req), req.params.id));
});

keysRouter.patch<'/:id'>('/:id', requireLiveKey('keys'), async (req, res) => {
  const input = parse(keys.updateKeyInput, req.body);
  res.json(await keys.updateKey(db, principalOf(req), req.params.id, input));
});

keysRouter.delete<'/:id'>('/:id', requireLiveKey('keys'), async (req, res) => {
  res.json(await keys.revokeKey(db, principalOf(req), req.params.id));
});
