import { Router } from 'express';
import { db } from '../../platform/db.js';
import { configuredUrlPolicy } from '../../webhooks/url-policy.js';
import * as deliveryLog from '../../webhooks/delivery-log.js';
import * as webhooks from '../../webhooks/endpoints.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

export const webhooksRouter = Router();
const read = requireScope('webhooks:read');
const write = requireScope('webhooks:write');
// Route type arguments keep req.params.id a string despite the scope middleware before the handler.

webhooksRouter.post('/endpoints', write, async (req, res) => {
  const input = parse(webhooks.createEndpointInput, req.body);
  res.status(201).json(await webhooks.createEndpoint(db, principalOf(req), input, configuredUrlPolicy));
});

webhooksRouter.get('/endpoints', read, async (req, res) => {
  const query = parse(webhooks.listEndpointsQuery, req.query);
  res.json(await webhooks.listEndpoints(db, principalOf(req), query));
});

webhooksRouter.get<'/endpoints/:id'>('/endpoints/:id', read, async (req, res) => {
  res.json(await webhooks.getEndpoint(db, principalOf(req), req.params.id));
});

webhooksRouter.patch<'/endpoints/:id'>('/endpoints/:id', write, async (req, res) => {
  const input = parse(webhooks.updateEndpointInput, req.body);
  res.json(await webhooks.updateEndpoint(db, principalOf(req), req.params.id, input, configuredUrlPolicy));
});

webhooksRouter.delete<'/endpoints/:id'>('/endpoints/:id', write, async (req, res) => {
  res.json(await webhooks.deleteEndpoint(db, principalOf(req), req.params.id));
});

webhooksRouter.post<'/endpoints/:id/rotate-secret'>('/endpoints/:id/rotate-secret', write, async (req, res) => {
  res.json(await webhooks.rotateSecret(db, principalOf(req), req.params.id));
});

webhooksRouter.post<'/endpoints/:id/test'>('/endpoints/:id/test', write, async (req, res) => {
  res.status(202).json(await webhooks.sendTestEvent(db, principalOf(req), req.params.id));
});

webhooksRouter.get<'/endpoints/:id/deliveries'>('/endpoints/:id/deliveries', read, async (req, res) => {
  const query = parse(deliveryLog.listDeliveriesQuery, req.query);
  res.json(await deliveryLog.listDeliveries(db, principalOf(req), req.params.id, query));
});

webhooksRouter.post<'/deliveries/:id/replay'>('/deliveries/:id/replay', write, async (req, res) => {
  res.status(202).json(await deliveryLog.replayDelivery(db, principalOf(req), req.params.id));
});
