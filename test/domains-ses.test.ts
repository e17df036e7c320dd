import {
  AlreadyExistsException,
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetEmailIdentityCommand,
  GetTenantCommand,
  LimitExceededException,
  ListTenantResourcesCommand,
  NotFoundException,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sesTenantName as sesTenantNameIn } from '../src/providers/email/identities.js';
import { deleteTenantData } from '../src/tenants/deletion.js';
import { db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { sesProvider } from './ses-local.js';

// Identities go through the SES v2 SDK, mocked at the client; every SES tenant lives in this account.
// No configuration set: a send names the identity alone, so only the identity is associated (test/ses-tenants.test.ts has one).
const ctx = testContext({ ...sesProvider, SES_TENANT_ISOLATION: 'true', SES_CONFIGURATION_SET: undefined, CRON_SECRET: undefined });
const sesTenantName = (tenantId: string | null) => sesTenantNameIn(ctx.config, tenantId);

const { call } = startApi(ctx);
const ses = mockClient(SESv2Client);
const account = 'arn:aws:ses:eu-west-1:123456789012';
const awsError = <E>(Type: new (options: { message: string; $metadata: object }) => E, message: string) =>
  new Type({ message, $metadata: {} });

beforeEach(() => {
  ses.reset();
  ses.on(CreateTenantCommand).callsFake((input) => ({ TenantName: input.TenantName, TenantArn: `${account}:tenant/${input.TenantName}/t-1` }));
  ses.on(CreateEmailIdentityCommand).resolves({ DkimAttributes: { Tokens: ['tok1', 'tok2', 'tok3'], Status: 'PENDING' } });
  ses.on(CreateTenantResourceAssociationCommand).resolves({});
  ses.on(DeleteEmailIdentityCommand).resolves({});
});

async function tenantOf(rootKey: string) {
  const created = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: uniqueSlug('acme') } });
  return created.body.id as string;
}

const newDomainName = () => `${uniqueSlug('acme')}.com`;

describe('SES identities', () => {
  it('creates the identity under the tenant\'s SES tenant and answers SES\'s DKIM tokens', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const name = newDomainName();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.dns_records.slice(0, 3)).toEqual(
      ['tok1', 'tok2', 'tok3'].map((token) => ({
        type: 'CNAME',
        name: `${token}._domainkey.${name}`,
        value: `${token}.dkim.amazonses.com`,
        recommended: false,
      })),
    );

    const tenantName = sesTenantName(tenantId);
    expect(tenantName).toBe(`sendoka-${tenantId}`);
    expect(ses.commandCalls(CreateTenantCommand)[0]?.args[0].input).toEqual({ TenantName: tenantName });
    expect(ses.commandCalls(CreateEmailIdentityCommand)[0]?.args[0].input).toEqual({ EmailIdentity: name });
    expect(ses.commandCalls(CreateTenantResourceAssociationCommand).map((sent) => sent.args[0].input)).toEqual([
      { TenantName: tenantName, ResourceArn: `${account}:identity/${name}` },
    ]);
  });

  it('reuses an existing SES tenant and adopts an identity that already exists', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    ses.on(CreateTenantCommand).rejects(awsError(AlreadyExistsException, 'tenant exists'));
    ses.on(GetTenantCommand).resolves({ Tenant: { TenantArn: `${account}:tenant/${sesTenantName(tenantId)}/t-2` } });
    ses.on(CreateEmailIdentityCommand).rejects(awsError(AlreadyExistsException, 'identity exists'));
    ses.on(GetEmailIdentityCommand).resolves({ DkimAttributes: { Tokens: ['old1', 'old2', 'old3'] } });
    ses.on(CreateTenantResourceAssociationCommand).rejects(awsError(AlreadyExistsException, 'associated'));

    const name = newDomainName();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.dns_records[0].value).toBe('old1.dkim.amazonses.com');
    expect(ses.commandCalls(CreateTenantResourceAssociationCommand)[0]?.args[0].input.ResourceArn).toBe(`${account}:identity/${name}`);
  });

  it('makes no SES tenant for org-level domains', async () => {
    const { rootKey } = await newOrg();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName() } });
    expect(created.status).toBe(201);
    expect(created.body.tenant_id).toBeNull();
    expect(ses.commandCalls(CreateTenantCommand)).toHaveLength(0);
    expect(ses.commandCalls(CreateTenantResourceAssociationCommand)).toHaveLength(0);
    expect(sesTenantName(null)).toBeUndefined();
  });

  it('leaves no domain behind when SES refuses the identity', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    ses.on(CreateEmailIdentityCommand).rejects(awsError(LimitExceededException, 'too many identities'));
    const name = newDomainName();
    const refused = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('PROVIDER_ERROR');
    expect(refused.body.error.message).toContain('LimitExceededException');
    expect((await call('GET', '/api/v1/domains', { key: rootKey })).body.data).toEqual([]);

    ses.on(CreateEmailIdentityCommand).resolves({ DkimAttributes: { Tokens: ['a', 'b', 'c'] } });
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } })).status).toBe(201);
  });

  it('verifies when SES says the identity may send and its DKIM succeeded', async () => {
    const { rootKey } = await newOrg();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName() } });
    const verify = () => call('POST', `/api/v1/domains/${created.body.id}/verify`, { key: rootKey });

    ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: false, DkimAttributes: { Status: 'PENDING' } });
    expect((await verify()).body.status).toBe('pending');
    ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: true, DkimAttributes: { Status: 'PENDING' } });
    expect((await verify()).body.status).toBe('pending');
    ses.on(GetEmailIdentityCommand).rejects(awsError(TooManyRequestsException, 'slow down'));
    const throttled = await verify();
    expect(throttled.status).toBe(502);
    expect(throttled.body.error.code).toBe('PROVIDER_ERROR');
    ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: true, DkimAttributes: { Status: 'SUCCESS' } });
    expect((await verify()).body.status).toBe('verified');
    expect(ses.commandCalls(GetEmailIdentityCommand).at(-1)?.args[0].input).toEqual({ EmailIdentity: created.body.name });
  });

  it('deletes the SES identity with the domain; a failed SES delete keeps the domain', async () => {
    const { rootKey } = await newOrg();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName() } });

    ses.on(DeleteEmailIdentityCommand).rejects(awsError(TooManyRequestsException, 'slow down'));
    expect((await call('DELETE', `/api/v1/domains/${created.body.id}`, { key: rootKey })).status).toBe(502);
    expect((await call('GET', `/api/v1/domains/${created.body.id}`, { key: rootKey })).status).toBe(200);

    // Gone from SES already (an earlier attempt got that far): the delete completes.
    ses.on(DeleteEmailIdentityCommand).rejects(awsError(NotFoundException, 'no such identity'));
    const deleted = await call('DELETE', `/api/v1/domains/${created.body.id}`, { key: rootKey });
    expect(deleted.body).toEqual({ id: created.body.id, deleted: true });
    expect(ses.commandCalls(DeleteEmailIdentityCommand).at(-1)?.args[0].input).toEqual({ EmailIdentity: created.body.name });
    expect((await call('GET', `/api/v1/domains/${created.body.id}`, { key: rootKey })).status).toBe(404);
  });

  it('answers 404 on the cron routes while CRON_SECRET is unset', async () => {
    const response = await call('POST', '/api/cron/check-domains', { headers: { authorization: 'Bearer anything-at-all-really' } });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('deleting a tenant under SES tenant isolation', () => {
  it("removes its identities, its SES tenant's associations, then its SES tenant; an SES tenant already gone is no error", async () => {
    const { orgId, rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const name = newDomainName();
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } })).status).toBe(201);
    ses.on(ListTenantResourcesCommand).resolves({ TenantResources: [{ ResourceType: 'EMAIL_IDENTITY', ResourceArn: `${account}:identity/${name}` }] });
    ses.on(DeleteTenantResourceAssociationCommand).resolves({});
    ses.on(DeleteTenantCommand).rejects(awsError(NotFoundException, 'no such tenant'));

    // The deletion's job, run here rather than by a worker of another suite (whose provider is local).
    await db.updateTable('tenants').set({ status: 'deleting' }).where('id', '=', tenantId).execute();
    await db
      .insertInto('tenant_deletions')
      .values({ tenant_id: tenantId, org_id: orgId, tenant: JSON.stringify({ id: tenantId }), current_table: 'api_keys', started_at: new Date(Date.now() - 60_000) })
      .execute();
    await deleteTenantData(ctx, tenantId);

    expect(ses.commandCalls(DeleteEmailIdentityCommand).map((sent) => sent.args[0].input)).toEqual([{ EmailIdentity: name }]);
    expect(ses.commandCalls(DeleteTenantResourceAssociationCommand).map((sent) => sent.args[0].input)).toEqual([
      { TenantName: sesTenantName(tenantId), ResourceArn: `${account}:identity/${name}` },
    ]);
    expect(ses.commandCalls(DeleteTenantCommand).map((sent) => sent.args[0].input)).toEqual([{ TenantName: sesTenantName(tenantId) }]);
    expect((await call('GET', `/api/v1/tenants/${tenantId}`, { key: rootKey })).status).toBe(404);
  });
});
