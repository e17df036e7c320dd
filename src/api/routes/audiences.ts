import { Router } from 'express';
import * as audiences from '../../audiences/audiences.js';
import { db } from '../../platform/db.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const audiencesRouter = Router();

audiencesRouter.post('/', requireScope('contacts:write'), async (req, res) => {
  const input = parse(audiences.createAudienceInput, req.body);
  res.status(201).json(await audiences.createAudience(db, principalOf(req), input));
});

audiencesRouter.get('/', requireScope('contacts:read'), async (req, res) => {
  const query = parse(audiences.listAudiencesQuery, req.query);
  res.json(await audiences.listAudiences(db, principalOf(req), query));
});

// Route type arguments keep req.params a string record despite the scope middleware before the handler.
audiencesRouter.get<'/:id'>('/:id', requireScope('contacts:read'), async (req, res) => {
  res.json(await audiences.getAudience(db, principalOf(req), req.params.id));
});

audiencesRouter.patch<'/:id'>('/:id', requireScope('contacts:write'), async (req, res) => {
  const input = parse(audiences.updateAudienceInput, req.body);
  res.json(await audiences.updateAudience(db, principalOf(req), req.params.id, input));
});

audiencesRouter.delete<'/:id'>('/:id', requireScope('contacts:write'), async (req, res) => {
  res.json(await audiences.deleteAudience(db, principalOf(req), req.params.id));
});

audiencesRouter.post<'/:id/contacts'>('/:id/contacts', requireScope('contacts:write'), async (req, res) => {
  const input = parse(audiences.createContactInput, req.body);
  res.status(201).json(await audiences.createContact(db, principalOf(req), req.params.id, input));
});

audiencesRouter.get<'/:id/contacts'>('/:id/contacts', requireScope('contacts:read'), async (req, res) => {
  const query = parse(audiences.listContactsQuery, req.query);
  res.json(await audiences.listContacts(db, principalOf(req), req.params.id, query));
});

audiencesRouter.post<'/:id/contacts/import'>('/:id/contacts/import', requireScope('contacts:write'), async (req, res) => {
  const input = parse(audiences.importContactsInput, req.body);
  res.status(202).json(await audiences.startImport(db, principalOf(req), req.params.id, input));
});

audiencesRouter.get<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:read'), async (req, res) => {
  res.json(await audiences.getContact(db, principalOf(req), req.params.id, req.params.contactId));
});

audiencesRouter.patch<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:write'), async (req, res) => {
  const input = parse(audiences.updateContactInput, req.body);
  res.json(await audiences.updateContact(db, principalOf(req), req.params.id, req.params.contactId, input));
});

audiencesRouter.delete<'/:id/contacts/:contactId'>('/:id/contacts/:contactId', requireScope('contacts:write'), async (req, res) => {
  res.json(await audiences.deleteContact(db, principalOf(req), req.params.id, req.params.contactId));
});

audiencesRouter.get<'/:id/imports/:importId'>('/:id/imports/:importId', requireScope('contacts:read'), async (req, res) => {
  res.json(await audiences.getImport(db, principalOf(req), req.params.id, req.params.importId));
});
