import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { urlPolicyOf } from '../../webhooks/url-policy.js';
import * as deliveryLog from '../../webhooks/delivery-log.js';
import * as webhooks from '../../webhooks/endpoints.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export function webhooksRouter(ctx: AppContext) {
  const router = Router();
  const read = requireScope('webhooks:read');
  const write = requireScope('webhooks:write');
  // Route type arguments keep req.params.id a string despite the scope middleware before the handler.

  router.post('/endpoints', write, async (req, res) => {
    const input = parse(webhooks.createEndpointInput, req.body);
    res.status(201).json(await webhooks.createEndpoint(ctx, principalOf(req), input, urlPolicyOf(ctx.config)));
  });

  router.get('/endpoints', read, async (req, res) => {
    const query = parse(webhooks.listEndpointsQuery, req.query);
    res.json(await webhooks.listEndpoints(ctx.db, principalOf(req), query));
  });

  router.get<'/endpoints/:id'>('/endpoints/:id', read, async (req, res) => {
    res.json(await webhooks.getEndpoint(ctx.db, principalOf(req), req.params.id));
  });

  router.patch<'/endpoints/:id'>('/endpoints/:id', write, async (req, res) => {
    const input = parse(webhooks.updateEndpointInput, req.body);
    res.json(await webhooks.updateEndpoint(ctx, principalOf(req), req.params.id, input, urlPolicyOf(ctx.config)));
  });

  router.delete<'/endpoints/:id'>('/endpoints/:id', write, async (req, res) => {
    res.json(await webhooks.deleteEndpoint(ctx, principalOf(req), req.params.id));
  });

  router.post<'/endpoints/:id/rotate-secret'>('/endpoints/:id/rotate-secret', write, async (req, res) => {
    res.json(await webhooks.rotateSecret(ctx.db, principalOf(req), req.params.id));
  });

  router.post<'/endpoints/:id/test'>('/endpoints/:id/test', write, async (req, res) => {
    res.status(202).json(await webhooks.sendTestEvent(ctx, principalOf(req), req.params.id));
  });

  router.get<'/endpoints/:id/deliveries'>('/endpoints/:id/deliveries', read, async (req, res) => {
    const query = parse(deliveryLog.listDeliveriesQuery, req.query);
    res.json(await deliveryLog.listDeliveries(ctx.db, principalOf(req), req.params.id, query));
  });

  router.post<'/deliveries/:id/replay'>('/deliveries/:id/replay', write, async (req, res) => {
    res.status(202).json(await deliveryLog.replayDelivery(ctx, principalOf(req), req.params.id));
  });
  return router;
}
