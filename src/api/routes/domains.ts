import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as domains from '../../domains/domains.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const domainsRouter = Router();

domainsRouter.post('/', requireScope('domains:write'), async (req, res) => {
  const input = parse(domains.createDomainInput, req.body);
  res.status(201).json(await domains.createDomain(db, principalOf(req), input));
});

domainsRouter.get('/', requireScope('domains:read'), async (req, res) => {
  const query = parse(domains.listDomainsQuery, req.query);
  res.json(await domains.listDomains(db, principalOf(req), query));
});

// Route type arguments keep req.params.id a string despite the scope middleware before the handler.
domainsRouter.get<'/:id'>('/:id', requireScope('domains:read'), async (req, res) => {
  res.json(await domains.getDomain(db, principalOf(req), req.params.id));
});

domainsRouter.post<'/:id/verify'>('/:id/verify', requireScope('domains:write'), async (req, res) => {
  res.json(await domains.verifyDomain(db, principalOf(req), req.params.id));
});

domainsRouter.delete<'/:id'>('/:id', requireScope('domains:write'), async (req, res) => {
  res.json(await domains.deleteDomain(db, principalOf(req), req.params.id));
});
