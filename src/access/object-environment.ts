import { sql } from 'kysely';
import type { Database } from '../platform/db.js';
import type { KeyEnvironment } from '../platform/schema/index.js';
import { ApiError } from '../platform/errors.js';

// Live and test objects, as Stripe's livemode: what a test key creates is a test object, which acts on test
// sends only. A test key sees only test objects (a live one's id answers 404, as a live message's does) and is
// refused any change to a live one (403), so it can never alter what live sends do nor read live recipients.
// A live key sees and changes both.

/** Who looks: a principal, or a message being sent (its key's environment). */
interface Viewer {
  environment: KeyEnvironment;
}

/** A where-clause for the objects of `table` the viewer may see. */
export const environmentVisibleTo = (table: keyof Database, viewer: Viewer) =>
  viewer.environment === 'test' ? sql<boolean>`${sql.ref(`${table}.environment`)} = 'test'` : sql<boolean>`true`;

const testKeyCannotChange = (message: string) => new ApiError(403, 'permission_error', 'TEST_KEY_CANNOT_CHANGE_LIVE', message);

/** Refuses a test key's change to a live object; `resource` names the kind in the plural ("suppressions"). */
export function assertMayChange(viewer: Viewer, object: { id: string; environment: KeyEnvironment }, resource: string): void {
  if (viewer.environment === 'test' && object.environment === 'live') {
    throw testKeyCannotChange(`${object.id} is live: a test key cannot change live ${resource}; use a live key`);
  }
}

/**
 * Refuses a test key any change to what has no test twin and shapes live sending: tenants, keys, domains,
 * SMS senders, test inboxes. Otherwise a root test key could mint a live key or suspend a tenant.
 */
export function assertLiveKey(viewer: Viewer, resource: string): void {
  if (viewer.environment === 'test') throw testKeyCannotChange(`a test key cannot change ${resource}; use a live key`);
}
