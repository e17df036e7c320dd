import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import * as domains from '../../domains/domains.js';
import { ApiError } from '../../platform/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function cronRouter(ctx: AppContext) {
  const router = Router();

  // Guarded by CRON_SECRET as a bearer token; without CRON_SECRET these routes do not exist.
  router.use((req, _res, next) => {
    if (!ctx.config.CRON_SECRET) {
      throw new ApiError(404, 'not_found_error', 'NOT_FOUND', `no route for ${req.method} ${req.baseUrl}${req.path}`);
    }
    const given = req.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (!given || !timingSafeEqual(digest(given), digest(ctx.config.CRON_SECRET))) {
      throw new ApiError(401, 'authentication_error', 'INVALID_CRON_SECRET', 'send CRON_SECRET as Authorization: Bearer <secret>');
    }
    next();
  });

  router.post('/check-domains', async (_req, res) => {
    res.status(202).json(await domains.requestDomainCheck(ctx));
  });
  return router;
}
