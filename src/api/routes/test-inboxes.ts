import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as testInboxes from '../../test-inboxes/test-inboxes.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function testInboxesRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('domains:write'), async (req, res) => {
    const input = parse(testInboxes.createTestInboxInput, req.body);
    res.status(201).json(await testInboxes.createTestInbox(ctx, principalOf(req), input));
  });

  router.get('/', requireScope('domains:read'), async (req, res) => {
    const query = parse(testInboxes.listTestInboxesQuery, req.query);
    res.json(await testInboxes.listTestInboxes(ctx.db, principalOf(req), query));
  });

  // Route type arguments keep req.params.id a string despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('domains:read'), async (req, res) => {
    res.json(await testInboxes.getTestInbox(ctx.db, principalOf(req), req.params.id));
  });

  router.post<'/:id/confirm'>('/:id/confirm', requireScope('domains:write'), async (req, res) => {
    const input = parse(testInboxes.confirmTestInboxInput, req.body);
    res.json(await testInboxes.confirmTestInbox(ctx.db, principalOf(req), req.params.id, input.code));
  });

  router.delete<'/:id'>('/:id', requireScope('domains:write'), async (req, res) => {
    res.json(await testInboxes.deleteTestInbox(ctx.db, principalOf(req), req.params.id));
  });
  return router;
}
