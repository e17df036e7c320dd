import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import { type Db, transaction } from '../platform/db.js';
import type { TestInboxTable } from '../platform/schema/index.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import { ApiError, conflict, invalid, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertLiveKey } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';
import type { OutboundEmail } from '../providers/email/sender.js';
import { recordLocalDeliveries } from '../providers/local-outbox.js';
import { takeSandboxMessage } from '../domains/sandbox.js';
import type { AppContext } from '../context.js';

type TestInbox = Selectable<TestInboxTable>;

/** Six digits allow 10^6 guesses; five attempts per code keep guessing hopeless. */
const maxConfirmAttempts = 5;

export const createTestInboxInput = z.strictObject({
  email: z
    .email({ error: 'must be a valid email address' })
    .max(320)
    .transform((value) => value.toLowerCase()),
  tenant_id: z.string().max(64).nullish(),
});

export const confirmTestInboxInput = z.strictObject({
  code: z.string().regex(/^[0-9]{6}$/, 'must be the 6-digit code sent to the inbox'),
});

export const listTestInboxesQuery = pageQuery.extend({
  tenant_id: z.string().max(64).optional(),
  status: z.enum(['pending', 'confirmed']).optional(),
});

export function presentTestInbox(inbox: TestInbox) {
  return {
    id: inbox.id,
    email: inbox.email,
    tenant_id: inbox.tenant_id,
    status: inbox.status,
    created_at: inbox.created_at.toISOString(),
    confirmed_at: inbox.confirmed_at?.toISOString() ?? null,
  };
}

const hashCode = (code: string) => createHash('sha256').update(code).digest();

function scopedInboxes(db: Db, principal: Principal) {
  return db.selectFrom('test_inboxes').selectAll().where(visibleTo('test_inboxes', principal));
}

async function findScopedInbox(db: Db, principal: Principal, inboxId: string): Promise<TestInbox> {
  const inbox = await scopedInboxes(db, principal).where('id', '=', inboxId).executeTakeFirst();
  if (!inbox) throw notFound('test inbox', inboxId);
  return inbox;
}

/**
 * Emails the code from the sandbox domain. Test keys never reach the provider, so their codes (and
 * every code under EMAIL_PROVIDER=local) land in the local_outbox table, keyed by the inbox id.
 */
async function sendConfirmationCode(ctx: AppContext, principal: Principal, inbox: TestInbox, code: string) {
  const email: OutboundEmail = {
    messageId: inbox.id,
    from: `Sendoka sandbox <no-reply@${ctx.config.SANDBOX_DOMAIN}>`,
    to: [inbox.email],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: `Your Sendoka test inbox code: ${code}`,
    text: `Your confirmation code is ${code}.\n\nSomeone asked to receive sandbox emails from ${ctx.config.SANDBOX_DOMAIN} at this address. If that was not you, ignore this email.`,
    headers: {},
    attachments: [],
    tags: [],
  };
  if (principal.environment === 'test') {
    await recordLocalDeliveries(ctx.db, 'email', [{ messageId: inbox.id, payload: email }]);
  } else {
    const [outcome] = await ctx.providers.email.sendMany([email]);
    if (!outcome?.ok) {
      const reason = outcome?.error ?? 'no answer';
      throw new ApiError(502, 'api_error', 'PROVIDER_ERROR', `could not send the confirmation code to ${inbox.email} (${reason}); retry`);
    }
  }
  ctx.logger.info({ testInboxId: inbox.id, orgId: inbox.org_id }, 'test inbox confirmation code sent');
}

/** Creates a test inbox and emails it a confirmation code (one sandbox message of the tenant's allowance). */
export async function createTestInbox(ctx: AppContext, principal: Principal, input: z.infer<typeof createTestInboxInput>) {
  const { db } = ctx;
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  try {
    // Rolled back when the code cannot be sent: an inbox nobody can confirm is no use.
    const inbox = await transaction(db, async (trx) => {
      const created = await trx
        .insertInto('test_inboxes')
        .values({ id: newId('testInbox'), org_id: principal.orgId, tenant_id: tenantId, email: input.email, code_sha256: hashCode(code) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await takeSandboxMessage(ctx, principal);
      await sendConfirmationCode(ctx, principal, created, code);
      return created;
    });
    return presentTestInbox(inbox);
  } catch (error) {
    if (isUniqueViolation(error, 'test_inboxes_org_email_tenant_unique')) {
      throw conflict('TEST_INBOX_EXISTS', `${input.email} is already a test inbox here; delete it to get a new code`);
    }
    throw error;
  }
}

export async function confirmTestInbox(db: Db, principal: Principal, inboxId: string, code: string) {
  const inbox = await findScopedInbox(db, principal, inboxId);
  if (inbox.status === 'confirmed') return presentTestInbox(inbox);
  // The attempt is counted before the code is compared, so parallel guesses cannot outrun the limit.
  const attempt = await db
    .updateTable('test_inboxes')
    .set((eb) => ({ confirm_attempts: eb('confirm_attempts', '+', 1) }))
    .where('id', '=', inbox.id)
    .where('status', '=', 'pending')
    .where('confirm_attempts', '<', maxConfirmAttempts)
    .returningAll()
    .executeTakeFirst();
  if (!attempt) {
    const current = await findScopedInbox(db, principal, inboxId);
    if (current.status === 'confirmed') return presentTestInbox(current);
    throw conflict('TOO_MANY_ATTEMPTS', `test inbox ${inboxId} had ${maxConfirmAttempts} wrong codes; delete it and create it again for a new code`);
  }
  if (!timingSafeEqual(hashCode(code), attempt.code_sha256)) {
    const left = maxConfirmAttempts - attempt.confirm_attempts;
    throw invalid('code', `does not match the code sent to ${attempt.email} (${left} attempts left)`, 'INVALID_CODE');
  }
  const confirmed = await db
    .updateTable('test_inboxes')
    .set({ status: 'confirmed', confirmed_at: new Date() })
    .where('id', '=', inbox.id)
    .returningAll()
    .executeTakeFirst();
  if (!confirmed) throw notFound('test inbox', inboxId);
  return presentTestInbox(confirmed);
}

export async function getTestInbox(db: Db, principal: Principal, inboxId: string) {
  return presentTestInbox(await findScopedInbox(db, principal, inboxId));
}

export async function listTestInboxes(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listTestInboxesQuery>) {
  let select = scopedInboxes(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  if (query.status) select = select.where('status', '=', query.status);
  return fetchPage(select, query, presentTestInbox);
}

export async function deleteTestInbox(db: Db, principal: Principal, inboxId: string) {
  // Live sandbox sends rely on confirmed inboxes; one the key cannot see stays a 404.
  if (principal.environment === 'test') {
    await findScopedInbox(db, principal, inboxId);
    assertLiveKey(principal, 'test inboxes');
  }
  const deleted = await db
    .deleteFrom('test_inboxes')
    .where('id', 'in', scopedInboxes(db, principal).clearSelect().select('id').where('id', '=', inboxId))
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw notFound('test inbox', inboxId);
  return { id: inboxId, deleted: true };
}

/**
 * The sandbox reaches only confirmed test inboxes: a tenant-bound key its tenant's, a root key any of
 * its org's. Throws 422 RECIPIENT_NOT_ALLOWED_IN_SANDBOX naming the first other recipient.
 */
export async function assertSandboxRecipients(db: Db, principal: Principal, recipients: string[]) {
  const wanted = [...new Set(recipients.map((recipient) => recipient.toLowerCase()))];
  if (wanted.length === 0) return;
  let select = db
    .selectFrom('test_inboxes')
    .select('email')
    .where('org_id', '=', principal.orgId)
    .where('status', '=', 'confirmed')
    .where('email', 'in', wanted);
  if (principal.tenantId !== null) select = select.where('tenant_id', '=', principal.tenantId);
  const confirmed = new Set((await select.execute()).map((row) => row.email));
  const refused = wanted.find((recipient) => !confirmed.has(recipient));
  if (refused !== undefined) {
    throw new ApiError(
      422,
      'invalid_request_error',
      'RECIPIENT_NOT_ALLOWED_IN_SANDBOX',
      `${refused} is not a confirmed test inbox; the sandbox domain sends only to confirmed test inboxes (POST /api/v1/test-inboxes)`,
    );
  }
}
