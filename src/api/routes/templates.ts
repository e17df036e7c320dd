import { Router } from 'express';
import { db } from '../../platform/db.js';
import * as templates from '../../templates/templates.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const templatesRouter = Router();

templatesRouter.post('/', requireScope('templates:write'), async (req, res) => {
  const input = parse(templates.createTemplateInput, req.body);
  res.status(201).json(await templates.createTemplate(db, principalOf(req), input));
});

templatesRouter.get('/', requireScope('templates:read'), async (req, res) => {
  const query = parse(templates.listTemplatesQuery, req.query);
  res.json(await templates.listTemplates(db, principalOf(req), query));
});

// Route type arguments keep req.params a string record despite the scope middleware before the handler.
templatesRouter.get<'/:id'>('/:id', requireScope('templates:read'), async (req, res) => {
  res.json(await templates.getTemplate(db, principalOf(req), req.params.id));
});

templatesRouter.patch<'/:id'>('/:id', requireScope('templates:write'), async (req, res) => {
  const input = parse(templates.updateTemplateInput, req.body);
  res.json(await templates.updateTemplate(db, principalOf(req), req.params.id, input));
});

templatesRouter.delete<'/:id'>('/:id', requireScope('templates:write'), async (req, res) => {
  res.json(await templates.deleteTemplate(db, principalOf(req), req.params.id));
});

templatesRouter.post<'/:id/render'>('/:id/render', requireScope('templates:read'), async (req, res) => {
  // No body means no variables; a body of null is still not an object.
  const { variables } = parse(templates.renderTemplateInput, req.body === undefined ? {} : req.body);
  res.json(await templates.previewTemplate(db, principalOf(req), req.params.id, variables));
});
