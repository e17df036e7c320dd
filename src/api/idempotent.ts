import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import type { Db } from '../platform/db.js';
import { invalid } from '../platform/errors.js';
import { idempotencyKeyHeader, startIdempotent } from '../idempotency/records.js';
import { principalOf } from './middleware.js';

type Complete = (trx: Db, body: unknown) => Promise<void>;

/**
 * Runs a send handler under the request's Idempotency-Key, if it has one. The handler receives `complete`
 * to store its response in the same transaction as its effects, and answers `status` with the body it returns.
 */
export async function respondIdempotently(
  ctx: AppContext,
  req: Request,
  res: Response,
  scope: string,
  status: number,
  handler: (complete: Complete | undefined) => Promise<{ body: unknown; headers?: Record<string, string> }>,
) {
  const header = req.get('idempotency-key');
  if (header === undefined) {
    const result = await handler(undefined);
    res.set(result.headers ?? {}).status(status).json(result.body);
    return;
  }
  const parsed = idempotencyKeyHeader.safeParse(header);
  if (!parsed.success) throw invalid('Idempotency-Key', parsed.error.issues[0]?.message ?? 'invalid');

  const start = await startIdempotent(ctx.db, principalOf(req), scope, parsed.data, req.body);
  if (start.replay) {
    res.set('Idempotent-Replayed', 'true').status(start.replay.status).json(start.replay.body);
    return;
  }
  try {
    const result = await handler((trx, body) => start.complete(trx, status, body));
    res.set(result.headers ?? {}).status(status).json(result.body);
  } catch (error) {
    await start.release();
    throw error;
  }
}
