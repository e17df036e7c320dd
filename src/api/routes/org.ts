import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as orgs from '../../orgs/orgs.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

/** The key's own org; platform-root keys only (tenant-bound keys cannot hold tenants:*). */
export function orgRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('tenants:*'));

  router.get('/', async (req, res) => {
    res.json(await orgs.getOrg(ctx.db, principalOf(req).orgId));
  });

  router.patch('/', requireLiveKey('the org'), async (req, res) => {
    const input = parse(orgs.updateOrgInput, req.body);
    res.json(await orgs.updateOrg(ctx.db, principalOf(req).orgId, input));
  });
  return router;
}
