import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as usage from '../../usage/usage.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

/** Mounted at the API root, before the tenants router: it owns /usage and /tenants/:id/usage. */
export function usageRouter(ctx: AppContext) {
  const router = Router();

  router.get('/usage', requireScope('usage:read'), async (req, res) => {
    const { period } = parse(usage.usageQuery, req.query);
    res.json(await usage.orgUsage(ctx.db, principalOf(req), period));
  });

  // The route type argument keeps req.params.id a string despite the scope middleware before the handler.
  router.get<'/tenants/:id/usage'>('/tenants/:id/usage', requireScope('usage:read'), async (req, res) => {
    const { period } = parse(usage.usageQuery, req.query);
    res.json(await usage.tenantUsage(ctx.db, principalOf(req), req.params.id, period));
  });
  return router;
}
