import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import { ApiError, conflict } from '../platform/errors.js';
import { idempotencyWindowHours, maxIdempotencyKeyLength } from '../platform/limits.js';
import type { Principal } from '../access/principal.js';

const retentionMs = idempotencyWindowHours * 3600 * 1000;
/** A record without a response this old belongs to a request that died before committing anything. */
const abandonedAfterMs = 60 * 1000;

function retryInBackground(attempt: () => Promise<unknown>, forMs: number) {
  const deadline = Date.now() + forMs;
  const again = () => {
    attempt().catch(() => {
      if (Date.now() < deadline) setTimeout(again, 1_000).unref();
    });
  };
  setTimeout(again, 1_000).unref();
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with every object's keys sorted (arrays keep their order), so the same request with its keys written in
 * another order hashes the same. `Object.fromEntries` keeps a `__proto__` key as data, like JSON.parse made it.
 */
const canonicalJson = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(byKey)) : inner,
  );

/** The messages a stored send response names: `{id}` for one email or SMS, `{data: [{id}]}` for a batch. */
function messageIdsIn(body: unknown): string[] {
  const { id, data } = (body ?? {}) as { id?: unknown; data?: unknown };
  const items = Array.isArray(data) ? (data as { id?: unknown }[]) : [{ id }];
  return items.map((item) => item.id).filter((itemId): itemId is string => typeof itemId === 'string');
}

/**
 * A replay answers as its messages stand now: once one is gone (its tenant deleted, or being deleted), it is
 * the 404 a read of that message answers, never a 202 for something that no longer exists.
 */
async function ensureMessagesStand(db: Db, principal: Principal, responseBody: unknown) {
  const ids = messageIdsIn(responseBody);
  if (ids.length === 0) return;
  const standing = await db.selectFrom('messages').select('id').where('id', 'in', ids).where(visibleTo('messages', principal)).execute();
  const gone = ids.filter((id) => !standing.some((message) => message.id === id));
  if (gone.length > 0) {
    throw new ApiError(404, 'not_found_error', 'NOT_FOUND', `the messages this Idempotency-Key created were deleted with their tenant: ${gone.join(', ')}`);
  }
}

export const idempotencyKeyHeader = z
  .string()
  .min(1, 'must not be empty')
  .max(maxIdempotencyKeyLength, `at most ${maxIdempotencyKeyLength} characters`)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export type IdempotentStart =
  | { replay: { status: number; body: unknown } }
  | {
      replay?: undefined;
      /** Stores the response in the caller's transaction, so the response exists exactly when its effects do. */
      complete: (db: Db, status: number, body: unknown) => Promise<void>;
      /** Frees the key after a failed request, so the client may retry it. Never throws. */
      release: () => Promise<void>;
    };

/**
 * Starts an idempotent request: the same key with the same body (compared as JSON, key order aside) within 24 h
 * replays the first response, as its messages stand now; with another body it is a 409, and so is a duplicate
 * that arrives while the first is still running. Keys belong to one API key.
 */
export async function startIdempotent(
  db: Db,
  principal: Principal,
  scope: string,
  idempotencyKey: string,
  body: unknown,
): Promise<IdempotentStart> {
  const requestHash = createHash('sha256').update(`${scope}\n${canonicalJson(body)}`).digest('hex');
  const identity = { key_id: principal.keyId, scope, idempotency_key: idempotencyKey };
  const now = Date.now();

  const claimed = await db
    .insertInto('idempotency_records')
    .values({ ...identity, org_id: principal.orgId, tenant_id: principal.tenantId, request_hash: requestHash, response_body: null })
    .onConflict((oc) =>
      oc.columns(['key_id', 'scope', 'idempotency_key']).doUpdateSet({
        request_hash: requestHash,
        response_status: null,
        response_body: null,
        created_at: new Date(now),
      })
        // Take over only an expired record or one whose request died before committing.
        .where((eb) =>
          eb.or([
            eb('idempotency_records.created_at', '<', new Date(now - retentionMs)),
            eb.and([
              eb('idempotency_records.response_status', 'is', null),
              eb('idempotency_records.created_at', '<', new Date(now - abandonedAfterMs)),
            ]),
          ]),
        ),
    )
    .returning('created_at')
    .executeTakeFirst();

  if (!claimed) {
    const existing = await db
      .selectFrom('idempotency_records')
      .select(['request_hash', 'response_status', 'response_body'])
      .where('key_id', '=', identity.key_id)
      .where('scope', '=', scope)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    if (!existing) return startIdempotent(db, principal, scope, idempotencyKey, body);
    if (existing.request_hash !== requestHash) {
      throw conflict('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request body');
    }
    if (existing.response_status === null) {
      throw new ApiError(409, 'conflict_error', 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'a request with this Idempotency-Key is still in progress', {
        'Retry-After': '1',
      });
    }
    await ensureMessagesStand(db, principal, existing.response_body);
    return { replay: { status: existing.response_status, body: existing.response_body } };
  }

  return {
    complete: async (trx, status, responseBody) => {
      await trx
        .updateTable('idempotency_records')
        .set({ response_status: status, response_body: JSON.stringify(responseBody) })
        .where('key_id', '=', identity.key_id)
        .where('scope', '=', scope)
        .where('idempotency_key', '=', idempotencyKey)
        .execute();
    },
    release: async () => {
      const remove = () =>
        db
          .deleteFrom('idempotency_records')
          .where('key_id', '=', identity.key_id)
          .where('scope', '=', scope)
          .where('idempotency_key', '=', idempotencyKey)
          .where('response_status', 'is', null)
          .execute();
      // Postgres being away is the usual reason the request failed, and then this fails too: keep trying, so
      // the client's retry is not refused as "in progress" until the record counts as abandoned.
      await remove().catch(() => retryInBackground(remove, abandonedAfterMs));
    },
  };
}

/** Idempotency keys are honoured for 24 hours; older records only take space. */
export async function pruneIdempotencyRecords(db: Db): Promise<void> {
  await db.deleteFrom('idempotency_records').where('created_at', '<', sql<Date>`now() - interval '25 hours'`).execute();
}
