import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as tenantDeletion from '../../tenants/deletion.js';
import * as tenants from '../../tenants/tenants.js';
import { principalOf, requireLiveKey, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const tenantsRouter = Router();
tenantsRouter.use(requireScope('tenants:*'));

tenantsRouter.post('/', requireLiveKey('tenants'), async (req, res) => {
  const input = parse(tenants.createTenantInput, req.body);
  res.status(201).json(await tenants.createTenant(db, principalOf(req).orgId, input));
});

tenantsRouter.get('/', async (req, res) => {
  const query = parse(tenants.listTenantsQuery, req.query);
  res.json(await tenants.listTenants(db, principalOf(req).orgId, query));
});

tenantsRouter.get('/:id', async (req, res) => {
  res.json(await tenants.getTenant(db, principalOf(req).orgId, req.params.id));
});

tenantsRouter.patch<'/:id'>('/:id', requireLiveKey('tenants'), async (req, res) => {
  const input = parse(tenants.updateTenantInput, req.body);
  res.json(await tenants.updateTenant(db, principalOf(req).orgId, req.params.id, input));
});

tenantsRouter.delete<'/:id'>('/:id', requireLiveKey('tenants'), async (req, res) => {
  res.status(202).json(await tenantDeletion.requestTenantDeletion(db, principalOf(req).orgId, req.params.id));
});
