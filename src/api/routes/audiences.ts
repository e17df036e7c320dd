import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as audiences from '../../audiences/audiences.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function audiencesRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('contacts:write'), async (req, res) => {
    const input = parse(audiences.createAudienceInput, req.body);
    res.status(201).json(await audiences.createAudience(ctx.db, principalOf(req), input));
  });

  router.get('/', requireScope('contacts:read'), async (req, res) => {
    const query = parse(audiences.listAudiencesQuery, req.query);
    res.json(await audiences.listAudiences(ctx.db, principalOf(req), query));
  });

  // Route type arguments keep req.params a string record despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('contacts:read'), async (req, res) => {
    res.json(await audiences.getAudience(ctx.db, principalOf(req), req.params.id));
  });

  router.patch<'/:id'>('/:id', requireScope('contacts:write'), async (req, res) => {
    const input = parse(audiences.updateAudienceInput, req.body);
    res.json(await audiences.updateAudience(ctx.db, principalOf(req), req.params.id, input));
  });

  router.delete<'/:id'>('/:id', requireScope('contacts:write'), async (req, res) => {
    res.json(await audiences.deleteAudience(ctx.db, principalOf(req), req.params.id));
  });

  router.post<'/:id/contacts'>('/:id/contacts', requireScope('contacts:write'), async (req, res) => {
    const input = parse(audiences.createContactInput, req.body);
    res.status(201).json(await audiences.createContact(ctx.db, principalOf(req), req.params.id, input));
  });

  router.get<'/:id/contacts'>('/:id/contacts', requireScope('contacts:read'), async (req, res) => {
    const query = parse(audiences.listContactsQuery, req.query);
    res.json(await audiences.listContacts(ctx.db, principalOf(req), req.params.id, query));
  });

  router.post<'/:id/contacts/import'>('/:id/contacts/import', requireScope('contacts:write'), async (req, res) => {
    const input = parse(audiences.importContactsInput, req.body);
    res.status(202).json(await audiences.startImport(ctx, principalOf(req), req.params.id, input));
  });

  router.get<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:read'), async (req, res) => {
    res.json(await audiences.getContact(ctx.db, principalOf(req), req.params.id, req.params.contactId));
  });

  router.patch<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:write'), async (req, res) => {
    const input = parse(audiences.updateContactInput, req.body);
    res.json(await audiences.updateContact(ctx.db, principalOf(req), req.params.id, req.params.contactId, input));
  });

  router.delete<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:write'), async (req, res) => {
    res.json(await audiences.deleteContact(ctx.db, principalOf(req), req.params.id, req.params.contactId));
  });

  router.get<'/:id/imports/:importId'>('/:id/imports/:importId', requireScope('contacts:read'), async (req, res) => {
    res.json(await audiences.getImport(ctx.db, principalOf(req), req.params.id, req.params.importId));
  });
  return router;
}
