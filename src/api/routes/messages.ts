import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as messages from '../../messages/read.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const messagesRouter = Router();
messagesRouter.use(requireScope('messages:read'));

messagesRouter.get('/', async (req, res) => {
  const query = parse(messages.listMessagesQuery, req.query);
  res.json(await messages.listMessages(db, principalOf(req), query));
});

messagesRouter.get('/:id', async (req, res) => {
  res.json(await messages.getMessage(db, principalOf(req), req.params.id));
});
