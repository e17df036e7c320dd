import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startApi } from './helpers.js';

const run = promisify(execFile);
const { call } = startApi();

describe('sendoka CLI', () => {
  it('creates an org whose root key works against the API, then mints another root key', async () => {
    const created = await run('npx', ['sendoka', 'orgs', 'create', 'My SaaS', '--json']);
    const output = JSON.parse(created.stdout);
    expect(output.org_id).toMatch(/^org_/);
    expect(output.key.secret).toMatch(/^sok_live_/);
    expect((await call('GET', '/api/v1/tenants', { key: output.key.secret })).status).toBe(200);

    const minted = await run('npx', ['sendoka', 'keys', 'create', '--org', output.org_id, '--json']);
    const second = JSON.parse(minted.stdout);
    expect(second.key.id).not.toBe(output.key.id);
    const keys = await call('GET', '/api/v1/keys', { key: second.key.secret });
    expect(keys.body.data).toHaveLength(2);
  });

  it('fails with a clear message for an unknown org', async () => {
    await expect(run('npx', ['sendoka', 'keys', 'create', '--org', 'org_missing'])).rejects.toMatchObject({
      stderr: expect.stringContaining('no org org_missing'),
    });
  });
});
