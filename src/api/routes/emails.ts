import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { acceptEmails, cancelEmail, rescheduleEmail } from '../../messages/email/accept.js';
import { rescheduleInput, sendEmailBatchInput, sendEmailInput, sendEmailBatchItems } from '../../messages/email/input.js';
import { getEmail, listEmails, listEmailsQuery } from '../../messages/email/read.js';
import { ApiError, invalid } from '../../platform/errors.js';
import { respondIdempotently } from '../idempotent.js';
import { principalOf, requireScope } from '../middleware.js';
import { parse } from '../validation.js';

/** `permissive` (as the resend SDK asks with `batchValidation`): each email is accepted or refused on its own. */
export const batchValidation = z.enum(['strict', 'permissive'], { error: 'must be strict or permissive' }).default('strict');

export function emailsRouter(ctx: AppContext) {
  const router = Router();
  const send = requireScope('emails:send');
  const read = requireScope('messages:read');

  router.post('/', send, async (req, res) => {
    const input = parse(sendEmailInput, req.body);
    await respondIdempotently(ctx, req, res, 'emails', 202, async (complete) => {
      const { accepted, headers } = await acceptEmails(ctx, principalOf(req), [input], complete && ((trx, ids) => complete(trx, ids[0])));
      return { body: accepted[0], headers };
    });
  });

  router.post('/batch', send, async (req, res) => {
    const header = batchValidation.safeParse(req.get('x-batch-validation'));
    if (!header.success) throw invalid('x-batch-validation', header.error.issues[0]?.message ?? 'invalid');
    const mode = header.data;
    if (mode === 'strict') {
      const inputs = parse(sendEmailBatchInput, req.body);
      await respondIdempotently(ctx, req, res, 'emails/batch', 202, async (complete) => {
        const { accepted, headers } = await acceptEmails(ctx, principalOf(req), inputs, complete && ((trx, ids) => complete(trx, { data: ids })));
        return { body: { data: accepted }, headers };
      });
      return;
    }
    const items = parse(sendEmailBatchItems, req.body);
    const errors: { index: number; message: string; code: string }[] = [];
    const refuse = (index: number, error: ApiError) => errors.push({ index, message: error.message, code: error.code });
    const valid: { index: number; input: z.output<typeof sendEmailInput> }[] = [];
    for (const [index, item] of items.entries()) {
      try {
        valid.push({ index, input: parse(sendEmailInput, item) });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refuse(index, error);
      }
    }
    await respondIdempotently(ctx, req, res, 'emails/batch:permissive', 202, async (complete) => {
      const answer = (accepted: unknown) => ({ data: accepted, errors: errors.toSorted((a, b) => a.index - b.index) });
      const { accepted, headers } = await acceptEmails(
        ctx,
        principalOf(req),
        valid.map((item) => item.input),
        complete && ((trx, ids) => complete(trx, answer(ids))),
        (position, error) => refuse(valid[position]?.index ?? position, error),
      );
      return { body: answer(accepted), headers };
    });
  });

  router.get('/', read, async (req, res) => {
    const query = parse(listEmailsQuery, req.query);
    res.json(await listEmails(ctx.db, principalOf(req), query));
  });

  router.get('/:id', read, async (req, res) => {
    res.json(await getEmail(ctx.db, principalOf(req), req.params.id as string));
  });

  router.patch('/:id', send, async (req, res) => {
    const input = parse(rescheduleInput, req.body);
    res.json(await rescheduleEmail(ctx, principalOf(req), req.params.id as string, new Date(input.scheduled_at)));
  });

  router.post('/:id/cancel', send, async (req, res) => {
    res.json(await cancelEmail(ctx, principalOf(req), req.params.id as string));
  });
  return router;
}
