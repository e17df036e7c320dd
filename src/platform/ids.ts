import { randomFillSync } from 'node:crypto';

export const idPrefixes = {
  org: 'org',
  tenant: 'tnt',
  key: 'key',
  domain: 'dom',
  message: 'msg',
  event: 'evt',
  webhookEndpoint: 'whe',
  webhookDelivery: 'whd',
  suppression: 'sup',
  template: 'tpl',
  audience: 'aud',
  contact: 'con',
  testInbox: 'tib',
  contactImport: 'imp',
  smsSender: 'snd',
} as const;

export type IdKind = keyof typeof idPrefixes;

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
// Random bytes are drawn in bulk: one system call per 512 ids instead of one per character.
const pool = Buffer.alloc(10 * 512);
let poolOffset = pool.length;
let lastTime = -1;
const lastRandom = new Uint8Array(10);

function randomPart(time: number): Uint8Array {
  if (time === lastTime) {
    // Same millisecond: increment the previous random part, so ids stay strictly increasing in this process.
    for (let index = 9; index >= 0; index--) {
      lastRandom[index] = ((lastRandom[index] ?? 0) + 1) & 0xff;
      if (lastRandom[index] !== 0) break;
    }
    return lastRandom;
  }
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  lastRandom.set(pool.subarray(poolOffset, poolOffset + 10));
  poolOffset += 10;
  lastTime = time;
  return lastRandom;
}

/** The 10 time characters of a ULID for `ms`. */
function timePart(ms: number): string {
  let out = '';
  let remaining = ms;
  for (let index = 9; index >= 0; index--) {
    out = (crockford[remaining % 32] as string) + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

/** The smallest id of `kind` created at or after `at`: with ids sortable by time, a range bound. */
export function idFloor(kind: IdKind, at: Date): string {
  return `${idPrefixes[kind]}_${timePart(at.getTime())}`;
}

/** A ULID: 48 bits of milliseconds then 80 random bits, in lower-case Crockford base32 (26 characters). */
function ulid(): string {
  const time = Date.now();
  const random = randomPart(time);
  let out = timePart(time);
  // 80 bits = 16 characters of 5 bits.
  let bits = 0;
  let value = 0;
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += crockford[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Prefixed, time-sortable ids: `tnt_01HN…` sorts by creation time, so cursors can be ids. */
export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${ulid()}`;
}
