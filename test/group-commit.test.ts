import { describe, expect, it } from 'vitest';
import { newId } from '../src/platform/ids.js';
import { commitMessages, type NewMessage } from '../src/messages/send/writer.js';
import { ctx, db, startApi } from './helpers.js';
import { platform, smsTenants } from './sending-helpers.js';

const { call } = startApi();

/** A copy of a stored message that Postgres refuses: its content holds a NUL, which jsonb cannot store. */
async function unstorableCopyOf(messageId: string): Promise<NewMessage> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow();
  const id = newId('message');
  const { created_at: _created, updated_at: _updated, lane: _lane, attempts: _attempts, not_before: _notBefore, ...rest } = row;
  return { ...rest, id, content: JSON.stringify({ ...row.content, text: 'a\u0000b' }), tags: JSON.stringify(row.tags) };
}

describe('text Postgres or a provider cannot store', () => {
  it("is refused per request with a 422 naming the field, while another org's concurrent sends all succeed", async () => {
    const good = await platform(call);
    const bad = await platform(call);
    const sms = await smsTenants(call);
    const cannotStore = 'contains a NUL character or an unpaired UTF-16 surrogate';
    // Fields with rules of their own (printable ASCII headers, tag characters) refuse such text by those rules.
    const unstorable: [string, Record<string, unknown> | Record<string, unknown>[], string][] = [
      ['/api/v1/emails', { text: 'a\u0000b' }, `text: ${cannotStore}`],
      ['/api/v1/emails', { subject: '\ud800' }, `subject: ${cannotStore}`],
      ['/api/v1/emails', { html: '<p>\udc00</p>' }, `html: ${cannotStore}`],
      ['/api/v1/emails', { template_id: 'tpl_x', subject: undefined, text: undefined, variables: { name: 'a\u0000' } }, `variables.name: ${cannotStore}`],
      ['/api/v1/emails', { headers: { 'X-Note': 'a\u0000' } }, 'headers.X-Note: printable ASCII only'],
      ['/api/v1/emails', { tags: [{ name: 'k', value: 'v\ud800' }] }, 'tags.0.value: letters, digits'],
      ['/api/v1/emails/batch', [{ text: 'fine' }, { text: 'a\u0000' }], `[1] text: ${cannotStore}`],
    ];
    const badEmail = (extra: Record<string, unknown>) => ({ from: `a@${bad.acme.domain}`, to: 'x@example.com', subject: 's', text: 't', ...extra });
    const rounds = await Promise.all(
      Array.from({ length: 10 }, async (_, round) => {
        const goodSends = Array.from({ length: 16 }, (_, n) =>
          call('POST', '/api/v1/emails', {
            key: good.acme.key,
            body: { from: `a@${good.acme.domain}`, to: `r${round}-${n}@example.com`, subject: `#${n}`, text: 'x' },
          }),
        );
        const badSends = unstorable.map(([path, extra]) =>
          call('POST', path, { key: bad.acme.key, body: Array.isArray(extra) ? extra.map(badEmail) : badEmail(extra) }),
        );
        const badSms = call('POST', '/api/v1/sms', { key: sms.acme.key, body: { to: '+14155550100', body: 'a\u0000b' } });
        return { good: await Promise.all(goodSends), bad: await Promise.all(badSends), sms: await badSms };
      }),
    );
    for (const round of rounds) {
      expect(round.good.map((answer) => answer.status)).toEqual(round.good.map(() => 202));
      round.bad.forEach((answer, index) => {
        expect(answer.status).toBe(422);
        expect(answer.body.error.code).toBe('VALIDATION_ERROR');
        expect(answer.body.error.message).toContain(unstorable[index]?.[2]);
      });
      expect(round.sms.status).toBe(422);
      expect(round.sms.body.error.message).toContain('body: contains a NUL');
    }
    const written = await db.selectFrom('messages').select('id').where('org_id', 'in', [bad.orgId, sms.orgId]).execute();
    expect(written).toEqual([]);
  });
});

describe('group commit', () => {
  it("answers each request for its own write: writes Postgres refuses, sharing commits with other orgs' sends, fail alone", async () => {
    const first = await platform(call);
    const second = await platform(call);
    const send = (n: number) =>
      call('POST', '/api/v1/emails', {
        key: first.acme.key,
        body: { from: `a@${first.acme.domain}`, to: `r${n}@example.com`, subject: `good #${n}`, text: 'x' },
      });
    const seed = await call('POST', '/api/v1/emails', {
      key: second.globex.key,
      body: { from: `a@${second.globex.domain}`, to: 'seed@example.com', subject: 'seed', text: 'x' },
    });
    expect(seed.status).toBe(202);
    const bad = await Promise.all(Array.from({ length: 10 }, () => unstorableCopyOf(seed.body.id)));

    // Rounds in which good sends and a refused write are handed to the same commit.
    const good: Promise<{ status: number }>[] = [];
    const refused: Promise<unknown>[] = [];
    for (let round = 0; round < 10; round++) {
      good.push(...Array.from({ length: 8 }, (_, n) => send(round * 8 + n)));
      refused.push(commitMessages(ctx, [bad[round] as NewMessage]).then(() => 'committed', () => 'refused'));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answers = await Promise.all(good);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
    expect(await Promise.all(refused)).toEqual(refused.map(() => 'refused'));
    const stored = await db.selectFrom('messages').select('id').where('org_id', '=', first.orgId).execute();
    expect(stored).toHaveLength(80);

    // Handed over in one turn of the event loop, the good writes and the bad one share a single commit.
    const [goodRow, badRow, otherGoodRow] = await Promise.all([1, 2, 3].map(() => unstorableCopyOf(seed.body.id)));
    const outcomes = await Promise.allSettled([
      commitMessages(ctx, [{ ...(goodRow as NewMessage), content: JSON.stringify({ text: 'ok' }) }]),
      commitMessages(ctx, [badRow as NewMessage]),
      commitMessages(ctx, [{ ...(otherGoodRow as NewMessage), content: JSON.stringify({ text: 'ok too' }) }]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
