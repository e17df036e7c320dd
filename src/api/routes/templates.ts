import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as templates from '../../templates/templates.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function templatesRouter(ctx: AppContext) {
  const router = Router();

  router.post('/', requireScope('templates:write'), async (req, res) => {
    const input = parse(templates.createTemplateInput, req.body);
    res.status(201).json(await templates.createTemplate(ctx.db, principalOf(req), input));
  });

  router.get('/', requireScope('templates:read'), async (req, res) => {
    const query = parse(templates.listTemplatesQuery, req.query);
    res.json(await templates.listTemplates(ctx.db, principalOf(req), query));
  });

  // Route type arguments keep req.params a string record despite the scope middleware before the handler.
  router.get<'/:id'>('/:id', requireScope('templates:read'), async (req, res) => {
    res.json(await templates.getTemplate(ctx.db, principalOf(req), req.params.id));
  });

  router.patch<'/:id'>('/:id', requireScope('templates:write'), async (req, res) => {
    const input = parse(templates.updateTemplateInput, req.body);
    res.json(await templates.updateTemplate(ctx.db, principalOf(req), req.params.id, input));
  });

  router.delete<'/:id'>('/:id', requireScope('templates:write'), async (req, res) => {
    res.json(await templates.deleteTemplate(ctx.db, principalOf(req), req.params.id));
  });

  router.post<'/:id/render'>('/:id/render', requireScope('templates:read'), async (req, res) => {
    // No body means no variables; a body of null is still not an object.
    const { variables } = parse(templates.renderTemplateInput, req.body === undefined ? {} : req.body);
    res.json(await templates.previewTemplate(ctx.db, principalOf(req), req.params.id, variables));
  });
  return router;
}
