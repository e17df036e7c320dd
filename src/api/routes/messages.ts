import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as messages from '../../messages/read.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function messagesRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('messages:read'));

  router.get('/', async (req, res) => {
    const query = parse(messages.listMessagesQuery, req.query);
    res.json(await messages.listMessages(ctx.db, principalOf(req), query));
  });

  router.get('/:id', async (req, res) => {
    res.json(await messages.getMessage(ctx.db, principalOf(req), req.params.id));
  });
  return router;
}
