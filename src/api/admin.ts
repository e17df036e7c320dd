import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { ApiError } from '../platform/errors.js';
import { allQueueNames } from '../platform/jobs.js';

export const adminPath = '/admin/queues';

const digest = (value: string) => createHash('sha256').update(value).digest();

function basicAuth(username: string, password: string): RequestHandler {
  const expected = digest(`${username}:${password}`);
  return (req, _res, next) => {
    const encoded = req.get('authorization')?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i)?.[1];
    const given = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, 'authentication_error', 'INVALID_ADMIN_CREDENTIALS', 'send ADMIN_USERNAME and ADMIN_PASSWORD as basic auth', {
        'WWW-Authenticate': 'Basic realm="Sendoka admin", charset="UTF-8"',
      });
    }
    next();
  };
}

/**
 * Bull Board over every queue, behind basic auth. Outside development it is not mounted at all
 * (the path answers 404) unless ADMIN_USERNAME and ADMIN_PASSWORD are both set; in development it
 * is open when they are not.
 */
export function adminHandlers({ config, jobs, logger }: AppContext): RequestHandler[] | undefined {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = config;
  const protectedByAuth = username !== undefined && password !== undefined;
  if (!protectedByAuth && config.NODE_ENV !== 'development') {
    logger.warn(`${adminPath} is not mounted: set ADMIN_USERNAME and ADMIN_PASSWORD to enable Bull Board`);
    return undefined;
  }
  const serverAdapter = new ExpressAdapter().setBasePath(adminPath);
  createBullBoard({ queues: allQueueNames.map((name) => new BullMQAdapter(jobs.queue(name))), serverAdapter });
  const board = serverAdapter.getRouter() as RequestHandler;
  return protectedByAuth ? [basicAuth(username, password), board] : [board];
}
