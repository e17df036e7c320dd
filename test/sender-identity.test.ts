import { describe, expect, it } from 'vitest';
import { db } from '../src/db/index.js';
import { startApi } from './helpers.js';
import { platform } from './sending-helpers.js';

const { call } = startApi();

describe("a deleting tenant's domains", () => {
  it("refuse a root key's send as an unknown domain does, writing nothing; a suspended tenant's still hold mail", async () => {
    const { orgId, rootKey, acme, globex } = await platform(call);
    const unknown = await call('POST', '/api/v1/emails', {
      key: rootKey,
      body: { from: 'news@never-registered.example', to: 'reader@example.com', subject: 'x', text: 'x' },
    });
    expect((await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status).toBe(202);

    const fromDeleting = { from: `news@${acme.domain}`, to: 'reader@example.com', subject: 'x', text: 'x' };
    const refused = await call('POST', '/api/v1/emails', { key: rootKey, body: fromDeleting });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ ...unknown.body.error, message: `from ${acme.domain} is not in key's allowed_domain_ids` });
    const batch = await call('POST', '/api/v1/emails/batch', { key: rootKey, body: [{ ...fromDeleting, from: `news@${globex.domain}` }, fromDeleting] });
    expect(batch.status).toBe(403);
    expect(batch.body.error).toEqual({ ...unknown.body.error, message: `[1] from ${acme.domain} is not in key's allowed_domain_ids` });
    const written = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(written).toEqual([]);

    // Suspension keeps the data and holds the mail (README); only deletion makes the domain unknown.
    expect((await call('PATCH', `/api/v1/tenants/${globex.id}`, { key: rootKey, body: { status: 'suspended' } })).status).toBe(200);
    const held = await call('POST', '/api/v1/emails', {
      key: rootKey,
      body: { from: `news@${globex.domain}`, to: 'reader@example.com', subject: 'x', text: 'x' },
    });
    expect(held.body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'queued' });
  });
});
