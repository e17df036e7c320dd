import { type Db, transaction } from '../../platform/db.js';
import { resolveSendingDomain, enforceSandbox } from '../../domains/domains.js';
import type { SendEmailInput } from './input.js';
import { ApiError, conflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { commitMessages, type NewMessage } from '../send/writer.js';
import { findVisibleMessage, presentMessage } from '../read.js';
import { changeMessages } from '../status.js';
import type { Principal } from '../../access/principal.js';
import { templateChecker } from '../../templates/templates.js';
import type { AppContext } from '../../context.js';
import { withinQuotas } from '../../usage/quotas.js';

export interface Accepted {
  id: string;
  status: 'queued' | 'scheduled';
}

type TemplateCheck = ReturnType<typeof templateChecker>;

/**
 * Checks one email against the key's domains, the sandbox rules and its template, and builds its row
 * (not yet written).
 */
async function prepareEmail(ctx: AppContext, principal: Principal, input: SendEmailInput, checkTemplate: TemplateCheck) {
  const fromDomain = input.from.address.slice(input.from.address.lastIndexOf('@') + 1);
  const domain = await resolveSendingDomain(ctx, principal, fromDomain);
  const recipients = [...input.to, ...(input.cc ?? []), ...(input.bcc ?? [])];
  const rateLimitHeaders = domain.sandbox ? await enforceSandbox(ctx, principal, recipients) : {};
  if (input.template_id) await checkTemplate(input.template_id, input.variables ?? {});
  const scheduledAt = input.scheduled_at ? new Date(input.scheduled_at) : null;
  const message: NewMessage = {
    id: newId('message'),
    org_id: principal.orgId,
    // Sandbox and org-level domains have no tenant; the message belongs to the key's tenant all the same.
    tenant_id: principal.tenantId ?? domain.tenantId,
    key_id: principal.keyId,
    channel: 'email',
    environment: principal.environment,
    status: scheduledAt ? 'scheduled' : 'queued',
    sender: input.from.name ? `${input.from.name} <${input.from.address}>` : input.from.address,
    recipients: input.to,
    // A template's subject is known once the worker renders it.
    subject: input.subject ?? null,
    domain_id: domain.id,
    content: JSON.stringify({
      cc: input.cc ?? [],
      bcc: input.bcc ?? [],
      reply_to: input.reply_to ?? [],
      html: input.html,
      text: input.text,
      headers: input.headers ?? {},
      attachments: input.attachments ?? [],
      ...(Object.keys(input.display_names).length > 0 ? { display_names: input.display_names } : {}),
      // Rendered by the send worker within the sending key's reach: its tenant, or the whole org for a root key.
      template: input.template_id ? { id: input.template_id, variables: input.variables ?? {}, key_tenant_id: principal.tenantId } : undefined,
    }),
    tags: JSON.stringify(input.tags ?? []),
    scheduled_at: scheduledAt,
  };
  return { message, rateLimitHeaders };
}

/**
 * Accepts emails for sending: all or none, unless `refuse` is given (a permissive batch): then an email its
 * checks refuse is handed to `refuse` with its index and the others are accepted. Resolves once their rows
 * are committed (with usage counted) and the send scheduler told. `alsoInTransaction` lets the caller commit
 * its idempotency record with them.
 */
export async function acceptEmails(ctx: AppContext, 
  principal: Principal,
  inputs: SendEmailInput[],
  alsoInTransaction?: (trx: Db, accepted: Accepted[]) => Promise<void>,
  refuse?: (index: number, error: ApiError) => void,
) {
  const prepared = [];
  const checkTemplate = templateChecker(ctx.db, principal);
  for (const [index, input] of inputs.entries()) {
    try {
      prepared.push(await prepareEmail(ctx, principal, input, checkTemplate));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (refuse) refuse(index, error);
      else if (inputs.length > 1) throw new ApiError(error.status, error.type, error.code, `[${index}] ${error.message}`, error.headers);
      else throw error;
    }
  }
  const messages = prepared.map((item) => item.message);
  const accepted: Accepted[] = messages.map((message) => ({ id: message.id, status: message.status as Accepted['status'] }));
  if (messages.length === 0) {
    // Every email of a permissive batch refused: nothing to commit but the idempotency record.
    if (alsoInTransaction) await transaction(ctx.db, (trx) => alsoInTransaction(trx, accepted));
  } else {
    await withinQuotas(ctx, principal, messages, () => commitMessages(ctx, messages, alsoInTransaction && ((trx) => alsoInTransaction(trx, accepted))));
  }
  return { accepted, headers: prepared.at(-1)?.rateLimitHeaders ?? {} };
}

async function scheduledMessage(ctx: AppContext, principal: Principal, messageId: string) {
  const message = await findVisibleMessage(ctx.db, principal, messageId);
  if (message.channel !== 'email' || message.status !== 'scheduled') {
    throw conflict('MESSAGE_NOT_SCHEDULED', `message ${messageId} is ${message.status}; only scheduled emails can change`);
  }
  return message;
}

export async function rescheduleEmail(ctx: AppContext, principal: Principal, messageId: string, scheduledAt: Date) {
  await scheduledMessage(ctx, principal, messageId);
  // The promoter makes it ready when the new time comes; a count the scheduler already holds is refunded.
  const updated = await changeMessages(ctx, async (trx) => {
    const message = await stillScheduled(trx, principal, messageId)
      .set({ scheduled_at: scheduledAt, not_before: scheduledAt, updated_at: new Date() })
      .returningAll()
      .executeTakeFirst();
    const event = {
      message: stillScheduledOrConflict(message, messageId),
      type: 'scheduled' as const,
      data: { scheduled_at: scheduledAt.toISOString() },
      dedupeKey: `${messageId}:scheduled:${scheduledAt.getTime()}`,
    };
    return { result: event.message, events: [event] };
  });
  return presentMessage(updated);
}

export async function cancelEmail(ctx: AppContext, principal: Principal, messageId: string) {
  await scheduledMessage(ctx, principal, messageId);
  const canceled = await changeMessages(ctx, async (trx) => {
    const message = await stillScheduled(trx, principal, messageId)
      .set({ status: 'canceled', updated_at: new Date() })
      .returningAll()
      .executeTakeFirst();
    const event = {
      message: stillScheduledOrConflict(message, messageId),
      type: 'canceled' as const,
      dedupeKey: `${messageId}:canceled`,
    };
    return { result: event.message, events: [event] };
  });
  return presentMessage(canceled);
}

/** An update of the message that applies only while it is still scheduled (a worker may have taken it since). */
function stillScheduled(trx: Db, principal: Principal, messageId: string) {
  return trx
    .updateTable('messages')
    .where('id', '=', messageId)
    .where('org_id', '=', principal.orgId)
    .where('status', '=', 'scheduled');
}

function stillScheduledOrConflict<T>(message: T | undefined, messageId: string): T {
  if (!message) throw conflict('MESSAGE_NOT_SCHEDULED', `message ${messageId} is no longer scheduled`);
  return message;
}
