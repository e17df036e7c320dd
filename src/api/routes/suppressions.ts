import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as suppressions from '../../suppressions/suppressions.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const suppressionsRouter = Router();

suppressionsRouter.post('/', requireScope('suppressions:write'), async (req, res) => {
  const input = parse(suppressions.createSuppressionInput, req.body);
  const { created, suppression } = await suppressions.createSuppression(db, principalOf(req), input);
  res.status(created ? 201 : 200).json(suppression);
});

suppressionsRouter.get('/', requireScope('suppressions:read'), async (req, res) => {
  const query = parse(suppressions.listSuppressionsQuery, req.query);
  res.json(await suppressions.listSuppressions(db, principalOf(req), query));
});

// The route type argument keeps req.params.id a string despite the scope middleware before the handler.
suppressionsRouter.get<'/:id'>('/:id', requireScope('suppressions:read'), async (req, res) => {
  res.json(await suppressions.getSuppression(db, principalOf(req), req.params.id));
});

suppressionsRouter.delete<'/:id'>('/:id', requireScope('suppressions:write'), async (req, res) => {
  res.json(await suppressions.deleteSuppression(db, principalOf(req), req.params.id));
});
