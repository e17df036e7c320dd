import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { lockTenant } from '../access/tenant-scope.js';
import { type Database, type Db, onCommit, transaction } from '../platform/db.js';
import { pgCode } from '../platform/db-errors.js';
import { deterministicEventId } from '../platform/event-types.js';
import { type IdKind, idFloor } from '../platform/ids.js';
import { queueNames } from '../platform/jobs.js';
import type { TenantDeletionTable } from '../platform/schema/index.js';
import { dropSender } from '../messages/send/schedulers.js';
import { presentTenant } from './record.js';
import { forgetRoutes, publishEvents } from '../webhooks/fan-out.js';
import type { AppContext } from '../context.js';

type Deletion = Selectable<TenantDeletionTable>;

/**
 * Every table holding tenant rows, in the order they are emptied, with the kind of its (time-sortable)
 * ids; null for those without an id column, taken by ctid (a tenant has few of their rows). The order
 * follows who writes what: keys first (nothing authenticates any more); then the tenant's webhook
 * deliveries and endpoints (nothing more goes out to it, and no endpoint delete cascades over a million
 * deliveries); messages before what their sending and provider notifications write; webhook events last,
 * once nothing of the tenant is left to publish one.
 */
const tables = {
  api_keys: 'key',
  webhook_deliveries: 'webhookDelivery',
  webhook_endpoints: 'webhookEndpoint',
  messages: 'message',
  message_events: 'event',
  suppressions: 'suppression',
  usage_counters: null,
  quota_counters: null,
  idempotency_records: null,
  test_inboxes: 'testInbox',
  sms_senders: 'smsSender',
  domains: 'domain',
  templates: 'template',
  contact_imports: 'contactImport',
  contacts: 'contact',
  audiences: 'audience',
  webhook_events: 'event',
} as const satisfies Record<string, IdKind | null>;

type TenantTableName = keyof typeof tables;
const tableOrder = Object.keys(tables) as TenantTableName[];
const firstTable = tableOrder[0] as TenantTableName;

/**
 * Later passes only look for rows written while the deletion ran, whose ids are at most this much older
 * than its start (time between making an id and committing its row, clocks of different hosts): they start
 * there instead of walking every row the first pass deleted once more.
 */
const stragglerLagMs = 10 * 60_000;

/** Where a pass starts in a table: at the beginning in the first pass, at the stragglers' earliest id after. */
function passStart(table: TenantTableName, pass: number, startedAt: Date): string {
  const kind = tables[table];
  if (pass === 1 || !kind) return '';
  return idFloor(kind, new Date(startedAt.getTime() - stragglerLagMs));
}

/**
 * The last pass starts no sooner than this after the DELETE: by then keys cached by API processes have
 * expired and requests they let in have written what they were going to write.
 */
const settleMs = (ctx: AppContext) => ctx.config.KEY_CACHE_TTL_MS + 3_000;

/**
 * A deletion is in no hurry, other tenants' sends are: it deletes at most this many rows a second (a tenant
 * with 1,000,000 messages and their events in about half a minute) and leaves the database's remaining time
 * to live traffic, instead of taking all it can get.
 */
const maxRowsPerSecond = 100_000;

/** Each batch removes provider identities first, one call each: smaller batches keep a batch short. */
const domainBatchSize = 100;

function presentDeletion(deletion: Deletion) {
  const byTable = deletion.rows_deleted;
  return {
    started_at: deletion.started_at.toISOString(),
    finished_at: deletion.finished_at?.toISOString() ?? null,
    pass: deletion.pass,
    current_table: deletion.finished_at ? null : deletion.current_table,
    rows_deleted: Object.values(byTable).reduce((sum, count) => sum + count, 0),
    rows_deleted_by_table: byTable,
  };
}

async function findDeletion(db: Db, tenantId: string): Promise<Deletion | undefined> {
  return db.selectFrom('tenant_deletions').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** The progress shown on GET /tenants/:id while the tenant is being deleted. */
export async function deletionProgress(db: Db, tenantId: string) {
  const deletion = await findDeletion(db, tenantId);
  return deletion ? presentDeletion(deletion) : null;
}

const deletionJobId = (tenantId: string) => `delete-${tenantId}`;

async function enqueueDeletion(ctx: AppContext, tenantId: string) {
  await ctx.jobs.enqueue(queueNames.tenants, 'delete', { tenantId }, { jobId: deletionJobId(tenantId) });
}

/**
 * Starts deleting a tenant: from this commit on its keys are refused, its resources answer 404 and its
 * queued messages are never claimed. Asking again answers the same deletion.
 */
export async function requestTenantDeletion(ctx: AppContext, orgId: string, tenantId: string) {
  const { db } = ctx;
  const tenant = await transaction(db, async (trx) => {
    const current = await lockTenant(trx, orgId, tenantId);
    // Also when asked again: a deletion whose job Redis lost starts again.
    await onCommit(trx, async () => {
      await ctx.keys.changed({ tenantId });
      await dropSender(ctx, tenantId).catch((error: unknown) =>
        ctx.logger.warn({ err: error, tenantId }, 'dropping a deleted tenant from the send schedulers failed; its grants are refunded'),
      );
      await enqueueDeletion(ctx, tenantId).catch((error: unknown) =>
        ctx.logger.error({ err: error, tenantId }, 'enqueueing the tenant deletion failed; the tenants sweep will'),
      );
    });
    if (current.status === 'deleting') return current;
    await trx
      .insertInto('tenant_deletions')
      .values({ tenant_id: tenantId, org_id: orgId, tenant: JSON.stringify(presentTenant(current)), current_table: firstTable })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    return trx
      .updateTable('tenants')
      .set({ status: 'deleting', updated_at: new Date() })
      .where('id', '=', tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return { ...presentTenant(tenant), deletion: await deletionProgress(db, tenantId) };
}

interface BatchResult {
  /** Rows the batch took; fewer than asked means the table is done for this pass. */
  selected: number;
  last: string | null;
}

/** `json` with `count` added to its number under `key`. */
const addedTo = (json: RawBuilder<unknown>, key: string, count: RawBuilder<unknown>) =>
  sql`jsonb_set(${json}, array[${key}::text], to_jsonb(coalesce((${json} ->> ${key}::text)::bigint, 0) + ${count}))`;

/**
 * Rows that go with a batch (in the `alongside` CTE): the local provider's outbox rows with their messages
 * (with a real provider the outbox is empty and skipped), and with the tenant's webhook events the
 * deliveries of them published after the deliveries' own step.
 */
function alongside(table: TenantTableName) {
  if (table === 'messages') {
    return sql`delete from local_outbox where exists (select from local_outbox) and message_id = any(array(select id from gone)) returning null`;
  }
  if (table === 'webhook_events') return sql`delete from webhook_deliveries where event_id = any(array(select id from batch)) returning null`;
  return sql`select null where false`;
}

/**
 * Deletes one batch of a table's tenant rows and records it, in one statement: a batch is deleted and
 * counted, or neither. Rows are found by (tenant_id, id) from the cursor and deleted by ctid, which saves a
 * second index lookup per row. A row updated in between (a late send result) is left: the next pass finds it,
 * and the deletion ends only with a pass that finds nothing. `onlyIds` narrows the batch to rows already
 * handled elsewhere (the domains whose identities are gone).
 */
async function deleteBatch(db: Db, deletion: Deletion, table: TenantTableName, limit: number, onlyIds?: string[]) {
  const target = sql.table(table);
  const keyed = tables[table] !== null;
  const last = keyed ? sql`(select max(id) from batch)` : sql`null`;
  let rowsDeleted = addedTo(sql`rows_deleted`, table, sql`(select count(*) from gone)`);
  if (table === 'webhook_events') rowsDeleted = addedTo(rowsDeleted, 'webhook_deliveries', sql`(select count(*) from alongside)`);
  const { rows } = await sql<BatchResult>`
    with batch as (
      select ctid ${keyed ? sql`, id` : sql``} from ${target}
      where org_id = ${deletion.org_id} and tenant_id = ${deletion.tenant_id}
        ${keyed ? sql`and id > ${deletion.after_id}` : sql``}
        ${onlyIds ? sql`and id = any(${onlyIds}::text[])` : sql``}
      ${keyed ? sql`order by id` : sql``}
      limit ${limit}
    ), gone as (
      delete from ${target} where ctid = any(array(select ctid from batch)) returning ${keyed ? sql`id` : sql`null`}
    ), alongside as (${alongside(table)})
    update tenant_deletions set
      rows_deleted = ${rowsDeleted},
      pass_rows = pass_rows + (select count(*) from batch),
      after_id = coalesce(${last}, after_id),
      updated_at = now()
    where tenant_id = ${deletion.tenant_id}
    returning (select count(*) from batch) as selected, ${last} as last`.execute(db);
  return rows[0];
}

/** Domains leave the provider first (removing an absent identity is no error), then the table. */
async function deleteDomainBatch(ctx: AppContext, deletion: Deletion): Promise<BatchResult | undefined> {
  const { db } = ctx;
  const domains = await db
    .selectFrom('domains')
    .select(['id', 'name'])
    .where('org_id', '=', deletion.org_id)
    .where('tenant_id', '=', deletion.tenant_id)
    .where('id', '>', deletion.after_id)
    .orderBy('id')
    .limit(domainBatchSize)
    .execute();
  if (domains.length === 0) return { selected: 0, last: null };
  for (const domain of domains) await ctx.providers.identities.remove(domain.name);
  const result = await deleteBatch(
    db,
    deletion,
    'domains',
    domainBatchSize,
    domains.map((domain) => domain.id),
  );
  return result && { ...result, selected: domains.length };
}

async function moveTo(db: Db, deletion: Deletion, pass: number, table: TenantTableName) {
  return db
    .updateTable('tenant_deletions')
    .set({
      pass,
      current_table: table,
      after_id: passStart(table, pass, deletion.started_at),
      ...(pass !== deletion.pass ? { pass_rows: 0 } : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', deletion.tenant_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the tenant row itself; false when a row referencing it appeared meanwhile (another pass takes it). */
async function deleteTenantRow(db: Kysely<Database>, deletion: Deletion): Promise<boolean> {
  try {
    await transaction(db, async (trx) => {
      await trx.deleteFrom('tenants').where('id', '=', deletion.tenant_id).where('status', '=', 'deleting').execute();
      await trx
        .updateTable('tenant_deletions')
        .set({ finished_at: new Date(), updated_at: new Date() })
        .where('tenant_id', '=', deletion.tenant_id)
        .execute();
    });
    return true;
  } catch (error) {
    if (pgCode(error) === '23503') return false;
    throw error;
  }
}

async function publishDeleted(ctx: AppContext, deletion: Deletion) {
  const { db } = ctx;
  const { id, ...described } = deletion.tenant;
  await publishEvents(ctx, [
    {
      id: deterministicEventId(`tenant.deleted:${deletion.tenant_id}`),
      type: 'tenant.deleted',
      orgId: deletion.org_id,
      tenantId: null,
      createdAt: deletion.finished_at ?? new Date(),
      data: {
        tenant_id: id,
        ...described,
        status: 'deleted',
        deletion: presentDeletion(deletion),
      },
    },
  ]);
  await db.updateTable('tenant_deletions').set({ deleted_event_pending: false }).where('tenant_id', '=', deletion.tenant_id).execute();
}

/**
 * The deletion job: empties every tenant table in batches of TENANT_DELETE_BATCH_SIZE rows, each batch its
 * own statement and transaction, then deletes the tenant and emits tenant.deleted. Progress lives in
 * tenant_deletions, so a run that was killed anywhere resumes at its last batch; rows written while the first
 * pass ran (a request authenticated just before the DELETE, a send finishing) are found by further passes,
 * until one finds nothing. Safe to run twice at once: each row is deleted, and counted, once.
 */
export async function deleteTenantData(ctx: AppContext, tenantId: string): Promise<void> {
  const { db } = ctx;
  let deletion = await findDeletion(db, tenantId);
  if (!deletion) return;
  while (deletion.finished_at === null) {
    const table = deletion.current_table as TenantTableName;
    const limit = table === 'domains' ? domainBatchSize : ctx.config.TENANT_DELETE_BATCH_SIZE;
    const batchStarted = performance.now();
    const batch: BatchResult | undefined = table === 'domains' ? await deleteDomainBatch(ctx, deletion) : await deleteBatch(db, deletion, table, limit);
    if (!batch) return; // the progress row is gone: nothing of ours to finish
    await sleep(Math.max(0, (batch.selected / maxRowsPerSecond) * 1_000 - (performance.now() - batchStarted)));
    if (batch.selected === limit) {
      deletion = { ...deletion, after_id: batch.last ?? deletion.after_id };
      continue;
    }
    if (table === 'webhook_endpoints') forgetRoutes(ctx, deletion);
    const next = tableOrder[tableOrder.indexOf(table) + 1];
    if (next) {
      deletion = await moveTo(db, deletion, deletion.pass, next);
      continue;
    }
    // A pass is over: it found nothing (after the first), or another one follows.
    const passed = (await findDeletion(db, tenantId)) as Deletion;
    const settling = passed.started_at.getTime() + settleMs(ctx) - Date.now();
    if (passed.pass === 1 && settling > 0) await sleep(settling);
    if (passed.pass >= 2 && passed.pass_rows === 0) {
      // Its domains have left the provider: the SES tenant that sent for it goes too (its resource
      // associations, then the tenant; each step idempotent, so a retried job redoes it harmlessly), before the row.
      await ctx.providers.identities.removeTenant(tenantId);
      if (await deleteTenantRow(db, passed)) {
        deletion = (await findDeletion(db, tenantId)) as Deletion;
        break;
      }
    }
    deletion = await moveTo(db, passed, passed.pass + 1, firstTable);
  }
  if (deletion.deleted_event_pending) await publishDeleted(ctx, deletion);
}

/**
 * Re-enqueues deletions whose job Redis no longer runs (lost, or failed after its attempts while the
 * database was away) and publishes tenant.deleted events still owed. Returns how many it re-enqueued.
 */
export async function resumeDeletions(ctx: AppContext): Promise<number> {
  const { db } = ctx;
  const owed = await db.selectFrom('tenant_deletions').select('tenant_id').where('deleted_event_pending', '=', true).limit(100).execute();
  let resumed = 0;
  for (const { tenant_id: tenantId } of owed) {
    const jobId = deletionJobId(tenantId);
    if (await ctx.jobs.isLive(queueNames.tenants, jobId)) continue;
    await ctx.jobs.queue(queueNames.tenants).remove(jobId);
    await enqueueDeletion(ctx, tenantId);
    resumed++;
  }
  return resumed;
}
