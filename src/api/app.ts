import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import express, { type RequestHandler } from 'express';
import { keyAuthenticator } from '../access/authenticate.js';
import type { AppContext } from '../context.js';
import { maxContactImportRequestBytes, maxEmailRequestBytes, maxRequestBytes } from '../platform/limits.js';
import type { Logger } from '../platform/logger.js';
import { observeHttpRequest } from '../platform/metrics.js';
import { adminHandlers, adminPath } from './admin.js';
import { docsRouter } from './docs.js';
import { opsRouter } from './health.js';
import { authenticate, errorHandler, notFoundHandler, requireJsonBody } from './middleware.js';
import { openApiDocument, routePattern } from './openapi.js';
import { apiRateLimit } from './rate-limit.js';
import { audiencesRouter } from './routes/audiences.js';
import { cronRouter } from './routes/cron.js';
import { domainsRouter } from './routes/domains.js';
import { emailsRouter } from './routes/emails.js';
import { ingestRouter } from './routes/ingest.js';
import { keysRouter } from './routes/keys.js';
import { messagesRouter } from './routes/messages.js';
import { orgRouter } from './routes/org.js';
import { smsRouter } from './routes/sms.js';
import { smsSendersRouter } from './routes/sms-senders.js';
import { suppressionsRouter } from './routes/suppressions.js';
import { tenantsRouter } from './routes/tenants.js';
import { templatesRouter } from './routes/templates.js';
import { testInboxesRouter } from './routes/test-inboxes.js';
import { usageRouter } from './routes/usage.js';
import { webhooksRouter } from './routes/webhooks.js';

/**
 * Any JSON value, not only objects and arrays (strict: false): a body of `null` or `1` is valid JSON, and
 * validation answers it with a 422 naming the body.
 */
const jsonBody = (limit: number) => express.json({ limit, strict: false, type: ['application/json', 'application/*+json'] });

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const probePaths = new Set(['/healthz', '/readyz', '/metrics']);

/** Times every response, labelled by route pattern (known before routing, so failed auth counts under its route too). */
const httpMetrics: RequestHandler = (req, res, next) => {
  const started = performance.now();
  res.once('finish', () => {
    // originalUrl: by now a router may have cut its mount path off req.path.
    const path = req.originalUrl.split('?')[0] ?? '';
    observeHttpRequest(req.method, routePattern(req.method, path), res.statusCode, (performance.now() - started) / 1000);
  });
  next();
};

/**
 * Request id and one structured log line per response. Lighter than a child logger per request: this
 * runs on every send, and the send path is measured against a bare Express app.
 */
const requestLog = (logger: Logger): RequestHandler => (req, res, next) => {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : `req_${randomUUID()}`;
  req.id = id;
  res.setHeader('x-request-id', id);
  if (logger.isLevelEnabled('info') && !probePaths.has(req.path)) {
    const started = performance.now();
    res.once('finish', () => {
      logger.info(
        { requestId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
  }
  next();
};

export function createApp(ctx: AppContext) {
  const { config, logger } = ctx;
  const app = express();
  app.disable('x-powered-by');
  // No response here is cached by ETag; hashing every body costs CPU on the send path.
  app.set('etag', false);
  app.set('trust proxy', config.TRUST_PROXY);

  app.use(httpMetrics);
  app.use(requestLog(logger));
  app.use(opsRouter(ctx));
  // Before the JSON parsers: SNS posts JSON labelled text/plain, and the ingest router reads its bodies itself.
  app.use('/api/v1/ingest', ingestRouter(ctx));
  // Emails carry attachments (base64-encoded); everything else is small. Bull Board parses its own bodies.
  app.use('/api/v1/emails', jsonBody(maxEmailRequestBytes));
  app.use('/api/v1/audiences/:id/contacts/import', jsonBody(maxContactImportRequestBytes));
  app.use('/api', jsonBody(maxRequestBytes));

  // Authenticated by their own means (SNS signatures above, the cron secret, basic auth) or public, not by API keys.
  app.use('/api/cron', cronRouter(ctx));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/docs', docsRouter());
  const admin = adminHandlers(ctx);
  if (admin) app.use(adminPath, ...admin);

  const api = express.Router();
  api.use(requireJsonBody);
  api.use(authenticate(keyAuthenticator(ctx.db, ctx.keys, config.KEY_CACHE_TTL_MS)));
  api.use(apiRateLimit(ctx));
  // The send paths first: every router a request passes on its way costs a path match.
  api.use('/emails', emailsRouter(ctx));
  api.use('/sms/senders', smsSendersRouter(ctx));
  api.use('/sms', smsRouter(ctx));
  // Before the tenants router: tenant-bound keys with usage:read may read /tenants/:id/usage.
  api.use(usageRouter(ctx));
  api.use('/tenants', tenantsRouter(ctx));
  api.use('/org', orgRouter(ctx));
  api.use('/keys', keysRouter(ctx));
  api.use('/domains', domainsRouter(ctx));
  api.use('/test-inboxes', testInboxesRouter(ctx));
  api.use('/suppressions', suppressionsRouter(ctx));
  api.use('/webhooks', webhooksRouter(ctx));
  api.use('/messages', messagesRouter(ctx));
  api.use('/templates', templatesRouter(ctx));
  api.use('/audiences', audiencesRouter(ctx));
  app.use('/api/v1', api);

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
