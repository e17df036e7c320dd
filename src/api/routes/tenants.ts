import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as tenantDeletion from '../../tenants/deletion.js';
import * as tenants from '../../tenants/tenants.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function tenantsRouter(ctx: AppContext) {
  const router = Router();
  router.use(requireScope('tenants:*'));

  router.post('/', requireLiveKey('tenants'), async (req, res) => {
    const input = parse(tenants.createTenantInput, req.body);
    res.status(201).json(await tenants.createTenant(ctx, principalOf(req).orgId, input));
  });

  router.get('/', async (req, res) => {
    const query = parse(tenants.listTenantsQuery, req.query);
    res.json(await tenants.listTenants(ctx.db, principalOf(req).orgId, query));
  });

  router.get('/:id', async (req, res) => {
    res.json(await tenants.getTenant(ctx.db, principalOf(req).orgId, req.params.id));
  });

  router.patch<'/:id'>('/:id', requireLiveKey('tenants'), async (req, res) => {
    const input = parse(tenants.updateTenantInput, req.body);
    res.json(await tenants.updateTenant(ctx, principalOf(req).orgId, req.params.id, input));
  });

  router.delete<'/:id'>('/:id', requireLiveKey('tenants'), async (req, res) => {
    res.status(202).json(await tenantDeletion.requestTenantDeletion(ctx, principalOf(req).orgId, req.params.id));
  });
  return router;
}
