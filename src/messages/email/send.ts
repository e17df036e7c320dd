import { compile } from 'html-to-text';
import {
  type ClaimedMessage,
  filterSuppressed,
  markHandedOver,
  type MessageResult,
  recordResults,
  releaseClaims,
} from '../send/handover.js';
import { checkSendingDomains } from '../../domains/domains.js';
import { ApiError } from '../../platform/errors.js';
import { applyProviderEvent } from '../provider-events/apply.js';
import { sesTenantName } from '../../providers/email/identities.js';
import type { OutboundEmail } from '../../providers/email/sender.js';
import { fromHeader } from '../../providers/email/mailbox.js';
import type { SendOutcome } from '../../providers/outcome.js';
import { sandboxDomainId } from '../../domains/sandbox.js';
import { type RenderedTemplate, templateRenderer } from '../../templates/templates.js';
import type { AppContext } from '../../context.js';

interface EmailContent {
  template?: { id: string; variables: Record<string, unknown>; key_tenant_id: string | null };
  cc: string[];
  bcc: string[];
  reply_to: string[];
  html?: string;
  text?: string;
  headers: Record<string, string>;
  attachments: OutboundEmail['attachments'];
  /** Recipients' display names by address, for those given as `Name <address>`. */
  display_names?: Record<string, string>;
}

// Compiled once: `convert()` compiles its options on every call, which was half of a send worker's CPU.
const htmlToText = compile({ wordwrap: 78 });

function outbound(ctx: AppContext, message: ClaimedMessage, recipients: Set<string>, rendered: RenderedTemplate | undefined): OutboundEmail {
  const stored = message.content as unknown as EmailContent;
  const content = rendered ? { ...stored, ...rendered } : stored;
  const names = stored.display_names ?? {};
  const keep = (addresses: string[]) =>
    addresses.filter((address) => recipients.has(address)).map((address) => (names[address] ? fromHeader(`${names[address]} <${address}>`) : address));
  return {
    messageId: message.id,
    from: message.sender,
    to: keep(message.recipients),
    cc: keep(content.cc),
    bcc: keep(content.bcc),
    // Display names ASCII-encoded as in From: SES takes only 7-bit ASCII in address headers.
    replyTo: content.reply_to.map(fromHeader),
    subject: rendered?.subject ?? message.subject ?? '',
    html: content.html,
    // Plain-text alternative for HTML-only emails: better deliverability and accessibility.
    text: content.text ?? (content.html ? htmlToText(content.html) : undefined),
    headers: content.headers,
    attachments: content.attachments,
    tags: message.tags,
    // The shared sandbox domain belongs to no SES tenant.
    sesTenantName: message.domain_id === sandboxDomainId ? undefined : sesTenantName(ctx.config, message.tenant_id),
  };
}

const simulatorOutcomes: Record<string, 'bounced' | 'complained' | 'delivery_delayed'> = {
  bounced: 'bounced',
  complained: 'complained',
  delayed: 'delivery_delayed',
};

/** Test keys never reach the provider: each recipient gets the outcome the simulator address asks for. */
async function simulateOutcomes(ctx: AppContext, message: ClaimedMessage, recipients: string[]) {
  for (const recipient of recipients) {
    const [local, domain] = recipient.split('@');
    const simulated = domain === ctx.config.SIMULATOR_DOMAIN ? simulatorOutcomes[local ?? ''] : undefined;
    await applyProviderEvent(ctx, {
      messageId: message.id,
      type: simulated ?? 'delivered',
      recipients: [recipient],
      occurredAt: new Date(),
      providerEventId: `test-${message.id}`,
      permanent: true,
      details: { simulated: true },
    });
  }
}

/**
 * Renders the templates of those messages that name one. A template deleted or changed so that the
 * message's variables no longer fill it fails that message alone.
 */
async function renderTemplates(ctx: AppContext, messages: ClaimedMessage[]) {
  const render = templateRenderer(ctx.db);
  const rendered = new Map<string, RenderedTemplate>();
  const failed = new Map<string, string>();
  for (const message of messages) {
    const template = (message.content as unknown as EmailContent).template;
    if (!template) continue;
    try {
      rendered.set(message.id, await render({ orgId: message.org_id, tenantId: template.key_tenant_id, environment: message.environment }, template.id, template.variables));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failed.set(message.id, `template ${template.id}: ${error.message}`);
    }
  }
  return { rendered, failed };
}

/**
 * Fails the messages whose sending domain they may no longer use, filters suppressions, and hands the rest to
 * the provider (or the simulator, for test keys).
 */
async function sendClaimed(ctx: AppContext, claimed: ClaimedMessage[]) {
  const domainRefusals = await checkSendingDomains(ctx.db, claimed);
  const sendable = claimed.filter((message) => !domainRefusals.has(message.id));
  const { allowed, suppressed } = await filterSuppressed(ctx, sendable, recipientsOf);
  const { rendered, failed } = await renderTemplates(ctx, sendable.filter((message) => allowed.get(message.id)?.size));

  const results: MessageResult[] = [];
  const live: ClaimedMessage[] = [];
  const simulated: ClaimedMessage[] = [];
  for (const message of claimed) {
    const domainRefusal = domainRefusals.get(message.id);
    const recipients = allowed.get(message.id) as Set<string>;
    if (domainRefusal) results.push({ message, status: 'failed', error: domainRefusal });
    else if (recipients.size === 0) results.push({ message, status: 'suppressed' });
    else if (failed.has(message.id)) results.push({ message, status: 'failed', error: failed.get(message.id) });
    else if (message.environment === 'test') {
      results.push({ message, status: 'sent', providerMessageId: `test-${message.id}` });
      simulated.push(message);
    } else live.push(message);
  }

  if (live.length > 0) {
    // Only what this claim still holds goes out: a message taken over meanwhile is its new holder's.
    const handedOver = await markHandedOver(ctx, live);
    const sending = live.filter((message) => handedOver.has(message.id));
    const emails = sending.map((message) => outbound(ctx, message, allowed.get(message.id) as Set<string>, rendered.get(message.id)));
    const outcomes: SendOutcome[] = await ctx.providers.email.sendMany(emails);
    outcomes.forEach((outcome, index) => {
      const message = sending[index] as ClaimedMessage;
      if (outcome.ok) results.push({ message, status: 'sent', providerMessageId: outcome.providerMessageId });
      else results.push({ message, status: outcome.retryable ? 'retry' : 'failed', error: outcome.error });
    });
  }

  // A rendered subject goes on the message's row, whatever the outcome.
  for (const result of results) result.subject = rendered.get(result.message.id)?.subject;
  return { results, suppressed, allowed, simulated };
}

/**
 * Sends claimed emails (the scheduler granted them their share of the provider's rate) and records each
 * outcome; a provider's "retry later" puts a message back in the queue after its backoff.
 */
export async function sendEmails(ctx: AppContext, claimed: ClaimedMessage[]): Promise<void> {
  const { results, suppressed, allowed, simulated } = await sendClaimed(ctx, claimed).catch(async (error: unknown) => {
    await releaseClaims(ctx, claimed);
    throw error;
  });

  await recordResults(ctx, results, suppressed);
  for (const message of simulated) await simulateOutcomes(ctx, message, [...(allowed.get(message.id) as Set<string>)]);

  const retrying = results.filter((result) => result.status === 'retry').length;
  if (retrying > 0) ctx.logger.warn({ retrying }, 'provider refused some emails for now');
}

/** What an email counts against the provider's rate: SES counts recipients. */
export function emailUnits(message: ClaimedMessage): number {
  return recipientsOf(message).length;
}

function recipientsOf(message: ClaimedMessage): string[] {
  const content = message.content as unknown as EmailContent;
  return [...new Set([...message.recipients, ...content.cc, ...content.bcc])];
}
