import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { Principal } from './principal.js';
import type { Jobs } from '../platform/jobs.js';

/** What a secret resolved to, kept by each API process for at most KEY_CACHE_TTL_MS. */
export interface CachedKey {
  principal: Principal | 'tenant_suspended';
  keyId: string;
  tenantId: string | null;
  expiresAt: number;
}

const keyChange = z.union([z.strictObject({ keyId: z.string() }), z.strictObject({ tenantId: z.string() })]);
/** A key revoked or changed, or every key of a tenant whose status changed. */
export type KeyChange = z.infer<typeof keyChange>;

const maxCachedKeys = 100_000;

/**
 * What this API process knows of keys: lookups cached for at most KEY_CACHE_TTL_MS, dropped at once when a
 * key or its tenant changes here or (told through Redis) in another process.
 */
export function createKeyCache(config: Pick<Config, 'QUEUE_PREFIX' | 'REDIS_URL'>, jobs: Jobs, logger: Logger) {
  /** Keyed by the secret's sha256; bounded, since a flood of distinct keys must not grow memory. */
  const cachedKeys = new Map<string, CachedKey>();
  const channel = `${config.QUEUE_PREFIX}:key-changes`;
  const tenantListeners: ((tenantId: string) => void)[] = [];
  let subscriber: Redis | undefined;

  function forget(change: KeyChange) {
    for (const [hash, entry] of cachedKeys) {
      if ('keyId' in change ? entry.keyId === change.keyId : entry.tenantId === change.tenantId) cachedKeys.delete(hash);
    }
    if ('tenantId' in change) for (const listener of tenantListeners) listener(change.tenantId);
  }

  return {
    get: (secretHash: string) => cachedKeys.get(secretHash),
    remember(secretHash: string, entry: CachedKey) {
      if (cachedKeys.size >= maxCachedKeys) cachedKeys.clear();
      cachedKeys.set(secretHash, entry);
    },
    drop: (secretHash: string) => cachedKeys.delete(secretHash),

    /** Other per-process caches of what a tenant may do (the send path's domains) drop it together with its keys. */
    onTenantChange(listener: (tenantId: string) => void): void {
      tenantListeners.push(listener);
    },

    /**
     * Call after the change commits: this process drops the affected keys at once, and the others as soon as
     * Redis tells them (or, when Redis cannot, once their cached copy expires).
     */
    async changed(change: KeyChange): Promise<void> {
      forget(change);
      await jobs
        .producerConnection()
        .publish(channel, JSON.stringify(change))
        .catch((error: unknown) =>
          logger.warn({ err: error, change }, 'broadcasting a key change failed; other processes drop it within KEY_CACHE_TTL_MS'),
        );
    },

    /** API processes listen for other processes' key changes; a lost connection resubscribes by itself. */
    follow(): void {
      if (subscriber) return;
      subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
      subscriber.on('error', (error) => logger.debug({ err: error }, 'key change subscription interrupted'));
      subscriber.on('message', (_channel, message: string) => {
        const parsed = keyChange.safeParse(JSON.parse(message));
        if (parsed.success) forget(parsed.data);
      });
      subscriber.subscribe(channel).catch((error: unknown) => logger.warn({ err: error }, 'subscribing to key changes failed'));
    },

    stop(): void {
      subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}

export type KeyCache = ReturnType<typeof createKeyCache>;
