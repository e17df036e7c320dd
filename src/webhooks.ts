import type { Db } from './db/index.js';
import type { PlatformEvent } from './events.js';

/**
 * Fans events out to the org's matching endpoints (tenant_id null or the event's tenant, event filter
 * matching). Call after the fact the events report has committed; idempotent by event id.
 */
export async function publishEvents(_db: Db, _events: PlatformEvent[]): Promise<void> {}
