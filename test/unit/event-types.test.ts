import { describe, expect, it } from 'vitest';
import { deterministicEventId, eventTypes } from '../../src/platform/event-types.js';
import { pageQuery } from '../../src/platform/pagination.js';

describe('deterministicEventId', () => {
  it('is evt_ and 26 lower-case Crockford base32 characters', () => {
    for (const fact of ['', 'domain.verified:dom_1', 'x'.repeat(10_000), 'ünïcödé 😀']) {
      expect(deterministicEventId(fact)).toMatch(/^evt_[0-9a-hjkmnp-tv-z]{26}$/);
    }
  });

  it('is the same for the same fact', () => {
    expect(deterministicEventId('message.sent:msg_1')).toBe(deterministicEventId('message.sent:msg_1'));
  });

  it('pins the hash (ids already handed out must not change)', () => {
    // SHA-256 of the fact, its first 26 bytes each taken mod 32 (computed independently).
    expect(deterministicEventId('')).toBe('evt_3g42rwwmtvm8sfs47e144vkc4n');
    expect(deterministicEventId('domain.verified:dom_1')).toBe('evt_mj0dmbmg0xdxr252h68rvpg3gc');
  });

  it('differs between facts, even nearly equal ones', () => {
    const facts = ['message.sent:msg_1', 'message.sent:msg_2', 'message.sent:msg_1 ', 'Message.sent:msg_1', 'message.delivered:msg_1'];
    const ids = new Set(facts.map(deterministicEventId));
    expect(ids.size).toBe(facts.length);
    const many = new Set(Array.from({ length: 5_000 }, (_, index) => deterministicEventId(`fact:${index}`)));
    expect(many.size).toBe(5_000);
  });

  it('can be a page cursor', () => {
    const after = deterministicEventId('webhook.test:whe_1');
    expect(pageQuery.parse({ after }).after).toBe(after);
  });
});

describe('eventTypes', () => {
  it('are distinct, dotted, lower-case names', () => {
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    for (const type of eventTypes) expect(type).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('include the message lifecycle', () => {
    for (const type of ['message.queued', 'message.sent', 'message.delivered', 'message.bounced', 'message.complained', 'message.failed']) {
      expect(eventTypes).toContain(type);
    }
  });
});
