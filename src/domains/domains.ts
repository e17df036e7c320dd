import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { parse as parseHostname } from 'tldts';
import { z } from 'zod';
import { assertTenantUsable, tenantNotDeleting, visibleTo } from '../access/tenant-scope.js';
import { type Db, transaction } from '../platform/db.js';
import type { Domain, DomainStatus, KeyEnvironment, MessageTable } from '../platform/schema/index.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import { ApiError, conflict, invalid, notFound } from '../platform/errors.js';
import { deterministicEventId, type PlatformEvent, statusEventGraceMs } from '../platform/event-types.js';
import { newId } from '../platform/ids.js';
import { assertLiveKey } from '../access/object-environment.js';
import { cancelWaitingMessages } from '../messages/status.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';
import { dkimTarget } from '../providers/email/identities.js';
import { type JobName, queueNames } from '../platform/jobs.js';
import { sandboxDomainId, takeSandboxMessage } from './sandbox.js';
import { assertSandboxRecipients } from '../test-inboxes/test-inboxes.js';
import { publishEvents } from '../webhooks/fan-out.js';
import { type AppContext, contextCache } from '../context.js';

/** Lower case, IDNA to punycode, no trailing dot; null when it is not a well-formed host name. */
export function normaliseDomainName(value: string): string | null {
  const ascii = domainToASCII(value.trim().replace(/\.$/, '')).toLowerCase();
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (!labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return null;
  // An all-digit last label is an IP address, not a domain.
  if (/^[0-9]+$/.test(labels.at(-1) ?? '')) return null;
  return ascii;
}

/**
 * Why a well-formed name cannot be added, or undefined. A public suffix (a TLD, ICANN's co.uk, or a
 * private one like github.io) is shared by many owners: whoever verified it could send as all of them.
 * A last label outside the Public Suffix List (.test, .example) counts as a suffix of its own.
 */
function unregistrableReason(name: string): string | undefined {
  const { domain, isIcann, isPrivate } = parseHostname(name, { allowPrivateDomains: true, extractHostname: false });
  if (domain !== null) return undefined;
  if (isIcann || isPrivate) return `${name} is a public suffix; add the domain you own under it, like acme.${name}`;
  return 'must be a domain name like acme.com';
}

const domainName = z
  .string()
  .max(1000)
  .transform((value, ctx) => {
    const name = normaliseDomainName(value);
    const problem = name === null ? 'must be a domain name like acme.com' : unregistrableReason(name);
    if (name === null || problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return name;
  });

export const createDomainInput = z.strictObject({
  name: domainName,
  tenant_id: z.string().max(64).nullish(),
});

const domainStatuses = ['pending', 'verified', 'failed'] as const;

export const listDomainsQuery = pageQuery.extend({
  tenant_id: z.string().max(64).optional(),
  status: z.enum(domainStatuses).optional(),
});

const sandboxDomainName = (ctx: AppContext) => ctx.config.SANDBOX_DOMAIN.toLowerCase();

/**
 * The records to publish: three DKIM CNAMEs and the ownership TXT are required; SPF and DMARC are advice.
 * `label` is what the resend SDK calls each (its `record`).
 */
function dnsRecords(domain: Domain) {
  const record = (label: string, type: 'CNAME' | 'TXT', name: string, value: string, recommended = false) => ({ label, type, name, value, recommended });
  return [
    ...domain.dkim_tokens.map((token) => record('DKIM', 'CNAME', `${token}._domainkey.${domain.name}`, dkimTarget(token))),
    record('Verification', 'TXT', `_amazonses.${domain.name}`, domain.verification_token),
    record('SPF', 'TXT', domain.name, 'v=spf1 include:amazonses.com ~all', true),
    record('DMARC', 'TXT', `_dmarc.${domain.name}`, 'v=DMARC1; p=none;', true),
  ];
}

export function presentDomain(domain: Domain) {
  const records = dnsRecords(domain);
  return {
    id: domain.id,
    name: domain.name,
    tenant_id: domain.tenant_id,
    status: domain.status,
    dns_records: records.map(({ label: _label, ...item }) => item),
    // The same records in the resend SDK's shape. Sendoka checks the required ones (with the domain), not the advice.
    records: records.map((item) => ({
      record: item.label,
      name: item.name,
      type: item.type,
      ttl: 'Auto',
      status: item.recommended ? 'not_started' : domain.status,
      value: item.value,
    })),
    created_at: domain.created_at.toISOString(),
    verified_at: domain.verified_at?.toISOString() ?? null,
    last_checked_at: domain.last_checked_at?.toISOString() ?? null,
  };
}

/** The domains a key may see: its org's, and for a tenant-bound key only its tenant's. */
function scopedDomains(db: Db, principal: Principal) {
  return db.selectFrom('domains').selectAll().where(visibleTo('domains', principal));
}

async function findScopedDomain(db: Db, principal: Principal, domainId: string): Promise<Domain> {
  const domain = await scopedDomains(db, principal).where('id', '=', domainId).executeTakeFirst();
  if (!domain) throw notFound('domain', domainId);
  return domain;
}

const domainTaken = (name: string) => conflict('DOMAIN_TAKEN', `domain ${name} is already registered in Sendoka`);

/**
 * Domains are live sending identities: a test key may read them (its sends name them) but never add or
 * remove one. Refused after the visibility checks, so a domain or tenant the key cannot see stays a 404.
 */
export async function createDomain(ctx: AppContext, principal: Principal, input: z.infer<typeof createDomainInput>) {
  const { db } = ctx;
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  assertLiveKey(principal, 'domains');
  if (input.name === sandboxDomainName(ctx)) throw domainTaken(input.name);
  const id = newId('domain');
  try {
    const domain = await transaction(db, async (trx) => {
      // The row goes in first: its unique name makes a concurrent create of the same name wait here
      // (and then fail) instead of racing at the provider. A provider failure rolls it back.
      await trx
        .insertInto('domains')
        .values({
          id,
          org_id: principal.orgId,
          tenant_id: tenantId,
          name: input.name,
          dkim_tokens: [],
          verification_token: randomBytes(32).toString('base64'),
        })
        .execute();
      const dkimTokens = await ctx.providers.identities.create(input.name, tenantId);
      return trx.updateTable('domains').set({ dkim_tokens: dkimTokens }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    });
    sendingDomainCache(ctx).delete(domain.name);
    return presentDomain(domain);
  } catch (error) {
    if (isUniqueViolation(error, 'domains_name_unique')) throw domainTaken(input.name);
    throw error;
  }
}

export async function getDomain(db: Db, principal: Principal, domainId: string) {
  return presentDomain(await findScopedDomain(db, principal, domainId));
}

export async function listDomains(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listDomainsQuery>) {
  let select = scopedDomains(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  if (query.status) select = select.where('status', '=', query.status);
  return fetchPage(select, query, presentDomain);
}

/**
 * Deletes the domain and its provider identity: both or neither (a provider failure keeps the row). Then
 * cancels the mail still waiting to go out from it (scheduled, or queued and not yet claimed, including
 * what a suspension holds). Mail a worker claims meanwhile, or accepted by a process whose cached copy of
 * the domain is a moment old, is failed by the send worker's own check (checkSendingDomains).
 */
export async function deleteDomain(ctx: AppContext, principal: Principal, domainId: string) {
  const { db } = ctx;
  if (principal.environment === 'test') {
    await findScopedDomain(db, principal, domainId);
    assertLiveKey(principal, 'domains');
  }
  const deleted = await transaction(db, async (trx) => {
    const row = await trx
      .deleteFrom('domains')
      .where('id', 'in', scopedDomains(trx, principal).clearSelect().select('id').where('id', '=', domainId))
      .returning(['id', 'org_id', 'tenant_id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound('domain', domainId);
    await ctx.providers.identities.remove(row.name, row.tenant_id);
    return row;
  });
  sendingDomainCache(ctx).delete(deleted.name);
  // The domain is gone either way: what a failure here leaves waiting, the send worker fails when it is due.
  const cancel = {
    lastError: `canceled: the sending domain ${deleted.name} (${deleted.id}) was deleted`,
    data: { reason: 'domain_deleted', domain_id: deleted.id },
  };
  const ofDomain = (trx: Db) => trx.selectFrom('messages').select('id').where('org_id', '=', deleted.org_id).where('domain_id', '=', deleted.id);
  await cancelWaitingMessages(ctx, ofDomain, cancel).catch((error: unknown) =>
    ctx.logger.error({ err: error, domainId }, "canceling a deleted domain's waiting messages failed; the send worker will fail them"),
  );
  return { id: domainId, deleted: true };
}

/** Checks a domain now (a verified one stays verified) and returns it with its current status. */
export async function verifyDomain(ctx: AppContext, principal: Principal, domainId: string) {
  const { db } = ctx;
  const domain = await findScopedDomain(db, principal, domainId);
  if (domain.status === 'verified') return presentDomain(domain);
  return presentDomain(await checkDomain(ctx, domain));
}

const verificationTimeoutMs = (ctx: AppContext) => ctx.config.DOMAIN_VERIFICATION_TIMEOUT_HOURS * 3_600_000;

/**
 * Asks the provider and records the outcome. Transitions are conditional updates, so however many
 * processes check the same domain at once, exactly one of them moves it and publishes the event.
 */
async function checkDomain(ctx: AppContext, domain: Domain): Promise<Domain> {
  const { db } = ctx;
  const verified = await ctx.providers.identities.isVerified({
    name: domain.name,
    dkimTokens: domain.dkim_tokens,
    verificationToken: domain.verification_token,
  });
  const now = ctx.clock();
  let transitioned: Domain | undefined;
  if (verified) {
    transitioned = await db
      .updateTable('domains')
      .set({ status: 'verified', verified_at: now, updated_at: now, last_checked_at: now, status_event_pending: true })
      .where('id', '=', domain.id)
      .where('status', 'in', ['pending', 'failed'])
      .returningAll()
      .executeTakeFirst();
  } else if (domain.status === 'pending' && now.getTime() - domain.created_at.getTime() >= verificationTimeoutMs(ctx)) {
    transitioned = await db
      .updateTable('domains')
      .set({ status: 'failed', updated_at: now, last_checked_at: now, status_event_pending: true })
      .where('id', '=', domain.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  }
  if (transitioned) {
    sendingDomainCache(ctx).delete(transitioned.name);
    await publishStatusEvent(ctx, transitioned);
    return transitioned;
  }
  const checked = await db
    .updateTable('domains')
    .set({ last_checked_at: now })
    .where('id', '=', domain.id)
    .returningAll()
    .executeTakeFirst();
  return checked ?? domain;
}

async function publishStatusEvent(ctx: AppContext, domain: Domain) {
  const { db } = ctx;
  const type = domain.status === 'verified' ? 'domain.verified' : 'domain.failed';
  const event: PlatformEvent = {
    id: deterministicEventId(`${type}:${domain.id}`),
    type,
    orgId: domain.org_id,
    tenantId: domain.tenant_id,
    createdAt: domain.updated_at,
    data: presentDomain(domain),
  };
  await publishEvents(ctx, [event]);
  await db
    .updateTable('domains')
    .set({ status_event_pending: false })
    .where('id', '=', domain.id)
    .where('status', '=', domain.status)
    .execute();
}

const sweepBatchSize = 50;
const sweepConcurrency = 4;

/**
 * Checks every pending domain once; safe to run in any number of processes at once. Each batch is
 * claimed with FOR UPDATE SKIP LOCKED and stamped last_checked_at, so concurrent sweeps share the work.
 */
export async function checkPendingDomains(ctx: AppContext) {
  const { db } = ctx;
  await republishStatusEvents(ctx);
  const sweepStartedAt = new Date();
  const totals = { checked: 0, verified: 0, failed: 0 };
  let after = '';
  for (;;) {
    const batch = await db
      .updateTable('domains')
      .set({ last_checked_at: new Date() })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('domains')
          .select('id')
          .where('status', '=', 'pending')
          .where('id', '>', after)
          .where((inner) => inner.or([inner('last_checked_at', 'is', null), inner('last_checked_at', '<', sweepStartedAt)]))
          .orderBy('id')
          .limit(sweepBatchSize)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
    if (batch.length === 0) return totals;
    after = batch.reduce((max, domain) => (domain.id > max ? domain.id : max), after);
    const waiting = [...batch];
    await Promise.all(
      Array.from({ length: sweepConcurrency }, async () => {
        for (let domain = waiting.shift(); domain; domain = waiting.shift()) {
          try {
            const checked = await checkDomain(ctx, domain);
            totals.checked += 1;
            if (checked.status === 'verified') totals.verified += 1;
            if (checked.status === 'failed') totals.failed += 1;
          } catch (error) {
            // One unreachable provider answer must not stop the sweep; the domain is checked next time.
            ctx.logger.warn({ err: error, domainId: domain.id }, 'domain check failed');
          }
        }
      }),
    );
  }
}

/** Publishes the events of transitions whose publisher died before recording it (idempotent by event id). */
async function republishStatusEvents(ctx: AppContext) {
  const { db } = ctx;
  const unpublished = await db
    .selectFrom('domains')
    .selectAll()
    .where('status_event_pending', '=', true)
    .where('updated_at', '<', new Date(Date.now() - statusEventGraceMs))
    .limit(500)
    .execute();
  for (const domain of unpublished) await publishStatusEvent(ctx, domain);
}

const sweepJobName = 'check-pending-domains' satisfies JobName<'domains'>;

/** Enqueues a sweep now; while one requested this way is waiting or running, another request joins it. */
export async function requestDomainCheck(ctx: AppContext) {
  const job = await ctx.jobs.enqueue(queueNames.domains, sweepJobName, {}, { deduplication: { id: sweepJobName } });
  return { queued: true, job_id: job.id ?? null };
}

export interface SendingDomain {
  id: string;
  name: string;
  sandbox: boolean;
  verified: boolean;
  tenantId: string | null;
}

type CachedDomain = Pick<Domain, 'id' | 'org_id' | 'tenant_id' | 'status'> | null;

// Per-process cache for the send path: a domain's status change or deletion reaches other processes within 1 s,
// its tenant's suspension or deletion at once.
const sendingDomainTtlMs = 1_000;
const sendingDomainCache = contextCache((ctx) => {
  const cache = new Map<string, { domain: CachedDomain; expiresAt: number }>();
  ctx.keys.onTenantChange((tenantId) => {
    for (const [name, cached] of cache) if (cached.domain?.tenant_id === tenantId) cache.delete(name);
  });
  return cache;
});

async function sendingDomainByName(ctx: AppContext, name: string): Promise<CachedDomain> {
  const { db } = ctx;
  const now = Date.now();
  const sendingDomains = sendingDomainCache(ctx);
  const cached = sendingDomains.get(name);
  if (cached && cached.expiresAt > now) return cached.domain;
  const domain =
    (await db
      .selectFrom('domains')
      .select(['id', 'org_id', 'tenant_id', 'status'])
      .where('name', '=', name)
      // A deleting tenant's domain is gone for sending as for reading, even to a root key.
      .where(tenantNotDeleting('domains.tenant_id'))
      .executeTakeFirst()) ?? null;
  // Only what was asked within the last second stays (entries expire in insertion order), at most 100,000: a
  // tenant change scans what is cached, which must not be every domain of an org with 100,000 tenants.
  const answeredAt = Date.now();
  sendingDomains.delete(name);
  for (const [oldest, entry] of sendingDomains) {
    if (entry.expiresAt > answeredAt && sendingDomains.size < 100_000) break;
    sendingDomains.delete(oldest);
  }
  sendingDomains.set(name, { domain, expiresAt: answeredAt + sendingDomainTtlMs });
  return domain;
}

/** Live mail needs a verified domain; test mail never reaches the provider, so its DNS may still be on its way. */
const statusAllowsSending = (status: DomainStatus, environment: KeyEnvironment) =>
  status === 'verified' || (environment === 'test' && status === 'pending');

/**
 * The domain an email's from-address may be sent from, for this key: its tenant's (a root key: its
 * org's) domains within allowed_domain_ids, or the sandbox. Unknown and foreign domains are refused
 * exactly like disallowed ones, so no key learns which names other tenants hold.
 */
export async function resolveSendingDomain(ctx: AppContext, principal: Principal, fromDomain: string): Promise<SendingDomain> {
  const name = normaliseDomainName(fromDomain) ?? fromDomain.toLowerCase();
  const allows = (domainId: string) => principal.allowedDomainIds === null || principal.allowedDomainIds.includes(domainId);
  const notAllowed = () =>
    new ApiError(403, 'authentication_error', 'DOMAIN_NOT_ALLOWED_FOR_KEY', `from ${name} is not in key's allowed_domain_ids`);

  if (name === sandboxDomainName(ctx)) {
    if (!allows(sandboxDomainId)) throw notAllowed();
    return { id: sandboxDomainId, name, sandbox: true, verified: true, tenantId: null };
  }
  const domain = await sendingDomainByName(ctx, name);
  if (
    !domain ||
    domain.org_id !== principal.orgId ||
    (principal.tenantId !== null && domain.tenant_id !== principal.tenantId) ||
    !allows(domain.id)
  ) {
    throw notAllowed();
  }
  if (!statusAllowsSending(domain.status, principal.environment)) {
    throw new ApiError(
      422,
      'invalid_request_error',
      'DOMAIN_NOT_VERIFIED',
      `domain ${name} is ${domain.status}, not verified: publish its dns_records, then POST /api/v1/domains/${domain.id}/verify`,
    );
  }
  return { id: domain.id, name, sandbox: false, verified: domain.status === 'verified', tenantId: domain.tenant_id };
}

type SentFrom = Pick<MessageTable, 'id' | 'org_id' | 'tenant_id' | 'environment' | 'domain_id' | 'sender'>;

/**
 * Asks again, when messages are about to go out, whether each may still use the domain it was accepted
 * from: the domain still exists, is still its org's and its tenant's (an org-level one for a root key's
 * message), and is still verified (pending will do for test mail). Acceptance alone is not enough: the
 * domain may have been deleted since, and its name registered and verified by another org. One query for
 * all of them; returns each refused message's reason.
 */
export async function checkSendingDomains(db: Db, messages: readonly SentFrom[]): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  // The sandbox domain has no row and stays usable.
  const domainIdOf = (message: SentFrom) => (message.domain_id === sandboxDomainId ? null : message.domain_id);
  const domainIds = [...new Set(messages.map(domainIdOf).filter((id) => id !== null))];
  if (domainIds.length === 0) return refused;
  const rows = await db.selectFrom('domains').select(['id', 'org_id', 'tenant_id', 'name', 'status']).where('id', 'in', domainIds).execute();
  const domains = new Map(rows.map((domain) => [domain.id, domain]));
  for (const message of messages) {
    const domainId = domainIdOf(message);
    if (domainId === null) continue;
    const domain = domains.get(domainId);
    // A deleted row leaves only the from-address to name it (`Name <a@acme.com>` or `a@acme.com`).
    const name = domain?.name ?? message.sender.slice(message.sender.lastIndexOf('@') + 1).replace(/>$/, '');
    const subject = `the sending domain ${name} (${domainId})`;
    if (!domain) refused.set(message.id, `${subject} was deleted`);
    else if (domain.org_id !== message.org_id || domain.tenant_id !== message.tenant_id) {
      refused.set(message.id, `${subject} now belongs to another tenant`);
    } else if (!statusAllowsSending(domain.status, message.environment)) {
      refused.set(message.id, `${subject} is no longer verified (it is ${domain.status})`);
    }
  }
  return refused;
}

/**
 * For a send from the sandbox domain: every recipient must be a confirmed test inbox, and the
 * tenant's per-minute sandbox allowance is charged one message. Returns the RateLimit-* headers.
 */
export async function enforceSandbox(ctx: AppContext, principal: Principal, recipients: string[]): Promise<Record<string, string>> {
  const { db } = ctx;
  await assertSandboxRecipients(db, principal, recipients);
  return takeSandboxMessage(ctx, principal);
}

/** allowed_domain_ids of a key: each a domain of the key's tenant (a root key: of its org) or dom_sandbox. */
export async function assertDomainsUsableByKey(db: Db, orgId: string, tenantId: string | null, domainIds: readonly string[]) {
  const wanted = [...new Set(domainIds.filter((id) => id !== sandboxDomainId))];
  if (wanted.length === 0) return;
  let select = db.selectFrom('domains').select('id').where('org_id', '=', orgId).where('id', 'in', wanted);
  if (tenantId !== null) select = select.where('tenant_id', '=', tenantId);
  const found = new Set((await select.execute()).map((row) => row.id));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    const owner = tenantId === null ? 'this org' : `tenant ${tenantId}`;
    throw invalid('allowed_domain_ids', `${unknown.join(', ')}: not a domain of ${owner} (nor ${sandboxDomainId})`);
  }
}
