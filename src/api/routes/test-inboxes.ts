import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as testInboxes from '../../test-inboxes/test-inboxes.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const testInboxesRouter = Router();

testInboxesRouter.post('/', requireScope('domains:write'), async (req, res) => {
  const input = parse(testInboxes.createTestInboxInput, req.body);
  res.status(201).json(await testInboxes.createTestInbox(db, principalOf(req), input));
});

testInboxesRouter.get('/', requireScope('domains:read'), async (req, res) => {
  const query = parse(testInboxes.listTestInboxesQuery, req.query);
  res.json(await testInboxes.listTestInboxes(db, principalOf(req), query));
});

// Route type arguments keep req.params.id a string despite the scope middleware before the handler.
testInboxesRouter.get<'/:id'>('/:id', requireScope('domains:read'), async (req, res) => {
  res.json(await testInboxes.getTestInbox(db, principalOf(req), req.params.id));
});

testInboxesRouter.post<'/:id/confirm'>('/:id/confirm', requireScope('domains:write'), async (req, res) => {
  const input = parse(testInboxes.confirmTestInboxInput, req.body);
  res.json(await testInboxes.confirmTestInbox(db, principalOf(req), req.params.id, input.code));
});

testInboxesRouter.delete<'/:id'>('/:id', requireScope('domains:write'), async (req, res) => {
  res.json(await testInboxes.deleteTestInbox(db, principalOf(req), req.params.id));
});
