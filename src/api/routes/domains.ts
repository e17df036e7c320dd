import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as domains from '../../domains/domains.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function domainsRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('domains:write'), async (req, res) => {
    const input = parse(domains.createDomainInput, req.body);
    res.status(201).json(await domains.createDomain(ctx, principalOf(req), input));
  });

  router.get('/', requireScope('domains:read'), async (req, res) => {
    const query = parse(domains.listDomainsQuery, req.query);
    res.json(await domains.listDomains(ctx.db, principalOf(req), query));
  });

  // Route type arguments keep req.params.id a string despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('domains:read'), async (req, res) => {
    res.json(await domains.getDomain(ctx.db, principalOf(req), req.params.id));
  });

  router.post<'/:id/verify'>('/:id/verify', requireScope('domains:write'), async (req, res) => {
    res.json(await domains.verifyDomain(ctx, principalOf(req), req.params.id));
  });

  router.delete<'/:id'>('/:id', requireScope('domains:write'), async (req, res) => {
    res.json(await domains.deleteDomain(ctx, principalOf(req), req.params.id));
  });
  return router;
}
