import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as suppressions from '../../suppressions/suppressions.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function suppressionsRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('suppressions:write'), async (req, res) => {
    const input = parse(suppressions.createSuppressionInput, req.body);
    const { created, suppression } = await suppressions.createSuppression(ctx.db, principalOf(req), input);
    res.status(created ? 201 : 200).json(suppression);
  });

  router.get('/', requireScope('suppressions:read'), async (req, res) => {
    const query = parse(suppressions.listSuppressionsQuery, req.query);
    res.json(await suppressions.listSuppressions(ctx.db, principalOf(req), query));
  });

  // The route type argument keeps req.params.id a string despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('suppressions:read'), async (req, res) => {
    res.json(await suppressions.getSuppression(ctx.db, principalOf(req), req.params.id));
  });

  router.delete<'/:id'>('/:id', requireScope('suppressions:write'), async (req, res) => {
    res.json(await suppressions.deleteSuppression(ctx.db, principalOf(req), req.params.id));
  });
  return router;
}
