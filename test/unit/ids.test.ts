import { afterEach, describe, expect, it, vi } from 'vitest';
import { idFloor, idPrefixes, type IdKind, newId } from '../../src/platform/ids.js';

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
const kinds = Object.keys(idPrefixes) as IdKind[];

/** Decodes the 10 time characters of a ULID back to milliseconds. */
function decodeTime(timeChars: string): number {
  let ms = 0;
  for (const character of timeChars) ms = ms * 32 + crockford.indexOf(character);
  return ms;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('idPrefixes', () => {
  it('gives every kind a distinct three-letter prefix', () => {
    const prefixes = Object.values(idPrefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z]{3}$/);
  });

  it('pins the prefixes clients already see', () => {
    expect(idPrefixes).toMatchObject({
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
    });
  });
});

describe('newId', () => {
  it.each(kinds)('%s ids are the prefix, an underscore and a 26-character lower-case Crockford ULID', (kind) => {
    const id = newId(kind);
    expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`));
  });

  it('never uses the letters Crockford base32 leaves out (i, l, o, u) nor upper case', () => {
    const text = Array.from({ length: 2_000 }, () => newId('message').slice(4)).join('');
    expect(text).not.toMatch(/[ilouA-Z]/);
  });

  it('encodes the creation time in the first 10 characters', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = new Date('2024-03-01T12:34:56.789Z');
    vi.setSystemTime(at);
    const id = newId('tenant');
    expect(decodeTime(id.slice(4, 14))).toBe(at.getTime());
    expect(id.slice(0, 14)).toBe(idFloor('tenant', at));
  });

  it('the first time character is at most 7 (48 bits in 50)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2999-12-31T23:59:59.999Z'));
    expect(newId('message')[4]).toMatch(/[0-7]/);
  });

  it('is unique over many ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('event')));
    expect(ids.size).toBe(10_000);
  });

  it('is strictly increasing within one millisecond (the random part counts up)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-01T00:00:00.000Z'));
    const ids = Array.from({ length: 2_000 }, () => newId('message'));
    const timeParts = new Set(ids.map((id) => id.slice(4, 14)));
    expect(timeParts.size).toBe(1);
    for (let index = 1; index < ids.length; index++) expect(ids[index]! > ids[index - 1]!).toBe(true);
  });

  it('sorts by creation time across milliseconds, as strings', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const ids: string[] = [];
    // Steps crossing carries in several base32 digits (32 ms, 1024 ms, ~9 h).
    for (const offset of [0, 1, 31, 32, 33, 1_023, 1_024, 60_000, 32 ** 3 * 1_000, 32 ** 5]) {
      vi.setSystemTime(start + offset);
      ids.push(newId('message'), newId('message'));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('ids of one kind created later sort after idFloor of an earlier time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00.000Z'));
    const early = newId('message');
    vi.setSystemTime(new Date('2025-01-01T00:00:00.001Z'));
    const late = newId('message');
    const floor = idFloor('message', new Date('2025-01-01T00:00:00.001Z'));
    expect(early < floor).toBe(true);
    expect(late >= floor).toBe(true);
  });
});

describe('idFloor', () => {
  it('is the prefix and the 10 time characters', () => {
    expect(idFloor('message', new Date(0))).toBe('msg_0000000000');
    expect(idFloor('tenant', new Date(1))).toBe('tnt_0000000001');
    expect(idFloor('event', new Date(31))).toBe('evt_000000000z');
    expect(idFloor('event', new Date(32))).toBe('evt_0000000010');
  });

  it('encodes the largest 48-bit time as 7zzzzzzzzz', () => {
    expect(idFloor('message', new Date(2 ** 48 - 1))).toBe('msg_7zzzzzzzzz');
  });

  it('round-trips times', () => {
    for (const ms of [0, 1, 1_700_000_000_000, Date.parse('2100-12-31T23:59:59.999Z')]) {
      expect(decodeTime(idFloor('domain', new Date(ms)).slice(4))).toBe(ms);
    }
  });

  it('is monotonic in time', () => {
    const times = [0, 5, 31, 32, 1_023, 1_024, 1_700_000_000_000, 1_700_000_000_001, 2 ** 45];
    const floors = times.map((ms) => idFloor('message', new Date(ms)));
    expect([...floors].sort()).toEqual(floors);
  });

  it('sorts before every id created in that millisecond and after every id of the millisecond before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = new Date('2025-05-05T05:05:05.005Z');
    vi.setSystemTime(at.getTime() - 1);
    const before = Array.from({ length: 50 }, () => newId('contact'));
    vi.setSystemTime(at);
    const during = Array.from({ length: 50 }, () => newId('contact'));
    const floor = idFloor('contact', at);
    for (const id of before) expect(id < floor).toBe(true);
    for (const id of during) expect(id > floor).toBe(true);
  });
});
