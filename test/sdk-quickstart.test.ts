import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { db, newOrg, startApi } from './helpers.js';

const { baseUrl } = startApi();
const quickstart = 'sdk/examples/quickstart.ts';

describe("README's typed-client quickstart", () => {
  it('is sdk/examples/quickstart.ts, word for word', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(`\`\`\`ts\n${readFileSync(quickstart, 'utf8')}\`\`\``);
  });

  it('runs as written with a platform-root key: a tenant, its domain, a test key and a send', async () => {
    const { rootKey, orgId } = await newOrg();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', quickstart], {
      env: { ...process.env, SENDOKA_API_URL: baseUrl(), SENDOKA_API_KEY: rootKey },
    });
    const messageId = stdout.match(/(msg_\w+) (\w+)\n$/)?.[1];
    expect(messageId, stdout).toBeDefined();
    const message = await db.selectFrom('messages').select(['org_id', 'environment']).where('id', '=', messageId as string).executeTakeFirstOrThrow();
    expect(message).toEqual({ org_id: orgId, environment: 'test' });
    expect(stdout).toContain('_domainkey');
  });
});
