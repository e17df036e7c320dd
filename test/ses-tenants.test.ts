import {
  AlreadyExistsException,
  BadRequestException,
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetEmailIdentityCommand,
  GetTenantCommand,
  ListTenantResourcesCommand,
  NotFoundException,
  SendEmailCommand,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sesTenantName as sesTenantNameIn } from '../src/providers/email/identities.js';
import { deleteTenantData } from '../src/tenants/deletion.js';
import { db, newOrg, startApi, testContext, uniqueSlug } from './helpers.js';
import { sesProvider } from './ses-local.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

// SES tenant isolation against the SES v2 SDK's documented semantics, the client mocked. Expectations name the
// page of the SES API v2 reference (https://docs.aws.amazon.com/ses/latest/APIReference-V2/) they come from; the
// same text is in node_modules/@aws-sdk/client-sesv2/dist-types (models/*.d.ts, commands/*Command.d.ts).
// Its own queue prefix keeps this file's send jobs away from the workers of other files (local provider).
const ctx = testContext({
  ...sesProvider,
  SES_TENANT_ISOLATION: 'true',
  SES_CONFIGURATION_SET: 'sendoka-events',
  // No GetAccount call for the send rate: the command sequences below are exactly the tenant's.
  SES_MAX_SEND_RATE: '50',
  QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_ses_tenants_${process.pid}`,
  CRON_SECRET: undefined,
});
const sesTenantName = (tenantId: string | null) => sesTenantNameIn(ctx.config, tenantId);
const identityProvider = () => ctx.providers.identities;
const emailSender = () => ctx.providers.email;
const forgetSesTenantResources = (tenantName?: string, identity?: string) => ctx.providers.sesTenants.forgetSesTenantResources(tenantName, identity);

const { call } = startApi(ctx);
runWorkers(ctx, 'email');
const ses = mockClient(SESv2Client);

// ARNs: arn:${Partition}:ses:${Region}:${Account}:identity/${IdentityName} and
// …:configuration-set/${ConfigurationSetName} (Service Authorization Reference, "Actions, resources, and condition
// keys for Amazon Simple Email Service v2", resource types; the same forms are the examples of TenantResource).
const account = 'arn:aws:ses:eu-west-1:123456789012';
const identityArn = (name: string) => `${account}:identity/${name}`;
const configurationSetArn = `${account}:configuration-set/sendoka-events`;
const tenantArn = (tenantName: string) => `${account}:tenant/${tenantName}/tn-1`;
const awsError = <E>(Type: new (options: { message: string; $metadata: object }) => E, message: string, httpStatusCode = 400) =>
  new Type({ message, $metadata: { httpStatusCode } });

const commandNames: [abstract new (...args: never[]) => unknown, string][] = [
  [CreateTenantCommand, 'CreateTenant'],
  [GetTenantCommand, 'GetTenant'],
  [CreateEmailIdentityCommand, 'CreateEmailIdentity'],
  [GetEmailIdentityCommand, 'GetEmailIdentity'],
  [CreateTenantResourceAssociationCommand, 'CreateTenantResourceAssociation'],
  [DeleteTenantResourceAssociationCommand, 'DeleteTenantResourceAssociation'],
  [ListTenantResourcesCommand, 'ListTenantResources'],
  [DeleteEmailIdentityCommand, 'DeleteEmailIdentity'],
  [DeleteTenantCommand, 'DeleteTenant'],
  [SendEmailCommand, 'SendEmail'],
];

/** Every SES call so far, in order, as [operation, input]. */
function sesCalls(): [string, any][] {
  return ses.calls().map((sent) => {
    const command = sent.args[0] as { input: unknown };
    const name = commandNames.find(([type]) => command instanceof type)?.[1] ?? String(command);
    return [name, command.input];
  });
}

/** The calls without SendEmail's bulky input: [operation, TenantName, ResourceArn or identity]. */
function sesSteps() {
  return sesCalls().map(([name, input]) => [name, input.TenantName, input.ResourceArn ?? input.EmailIdentity].filter((part) => part !== undefined));
}

beforeEach(() => {
  ses.reset();
  ses.on(CreateTenantCommand).callsFake((input) => ({ TenantName: input.TenantName, TenantArn: tenantArn(input.TenantName) }));
  ses.on(GetTenantCommand).callsFake((input) => ({ Tenant: { TenantName: input.TenantName, TenantArn: tenantArn(input.TenantName) } }));
  ses.on(CreateEmailIdentityCommand).resolves({ DkimAttributes: { Tokens: ['tok1', 'tok2', 'tok3'], Status: 'PENDING' } });
  ses.on(CreateTenantResourceAssociationCommand).resolves({});
  ses.on(DeleteTenantResourceAssociationCommand).resolves({});
  ses.on(DeleteEmailIdentityCommand).resolves({});
  ses.on(DeleteTenantCommand).resolves({});
  ses.on(ListTenantResourcesCommand).resolves({ TenantResources: [] });
  ses.on(SendEmailCommand).callsFake(() => ({ MessageId: `ses-${Math.random().toString(36).slice(2)}` }));
});

async function tenantOf(rootKey: string) {
  const created = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: uniqueSlug('acme') } });
  return created.body.id as string;
}

const newDomainName = () => `${uniqueSlug('acme')}.com`;

const outbound = (from: string, tenantName: string | undefined, messageId = `msg_${Math.random().toString(36).slice(2)}`) => ({
  messageId,
  from,
  to: ['someone@example.com'],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: 'Hello',
  text: 'Hello',
  headers: {},
  attachments: [],
  tags: [],
  sesTenantName: tenantName,
});

describe('creating a domain under SES tenant isolation', () => {
  it('creates the SES tenant and the identity, then associates the identity and the configuration set', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const tenantName = sesTenantName(tenantId) as string;
    const name = newDomainName();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    expect(sesCalls()).toEqual([
      // API_CreateTenant: TenantName is the only required input.
      ['CreateTenant', { TenantName: tenantName }],
      ['CreateEmailIdentity', { EmailIdentity: name }],
      // API_SendEmail, TenantName: "will only succeed if all referenced resources (identities, configuration
      // sets, and templates) are associated with this tenant"; API_CreateTenantResourceAssociation takes
      // TenantName and the resource's ARN, for identities and configuration sets alike.
      ['CreateTenantResourceAssociation', { TenantName: tenantName, ResourceArn: identityArn(name) }],
      ['CreateTenantResourceAssociation', { TenantName: tenantName, ResourceArn: configurationSetArn }],
    ]);
  });

  it('takes AlreadyExistsException as done: a retried create and a second domain of the tenant both succeed', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const tenantName = sesTenantName(tenantId) as string;
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name: newDomainName(), tenant_id: tenantId } })).status).toBe(201);

    // API_CreateTenant and API_CreateTenantResourceAssociation both document AlreadyExistsException ("The
    // resource specified in your request already exists", HTTP 400) for what is already there.
    ses.reset();
    ses.on(CreateTenantCommand).rejects(awsError(AlreadyExistsException, 'tenant exists'));
    ses.on(GetTenantCommand).resolves({ Tenant: { TenantName: tenantName, TenantArn: tenantArn(tenantName) } });
    ses.on(CreateEmailIdentityCommand).resolves({ DkimAttributes: { Tokens: ['a', 'b', 'c'] } });
    ses.on(CreateTenantResourceAssociationCommand).rejects(awsError(AlreadyExistsException, 'associated'));
    const second = newDomainName();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: second, tenant_id: tenantId } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(sesSteps()).toEqual([
      ['CreateTenant', tenantName],
      // API_GetTenant: the existing tenant's ARN, whose partition, region and account name the resources.
      ['GetTenant', tenantName],
      ['CreateEmailIdentity', second],
      ['CreateTenantResourceAssociation', tenantName, identityArn(second)],
      ['CreateTenantResourceAssociation', tenantName, configurationSetArn],
    ]);
  });

  it('keeps no domain when SES refuses an association, and the retry completes it', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const name = newDomainName();
    ses.on(CreateTenantResourceAssociationCommand, { ResourceArn: configurationSetArn }).rejects(awsError(NotFoundException, 'no such configuration set', 404));
    const refused = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('PROVIDER_ERROR');
    expect(refused.body.error.message).toContain('NotFoundException');
    expect((await call('GET', '/api/v1/domains', { key: rootKey })).body.data).toEqual([]);

    ses.on(CreateTenantResourceAssociationCommand, { ResourceArn: configurationSetArn }).resolves({});
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } })).status).toBe(201);
    expect(sesSteps().filter(([operation]) => operation === 'CreateTenantResourceAssociation').slice(-2)).toEqual([
      ['CreateTenantResourceAssociation', sesTenantName(tenantId), identityArn(name)],
      ['CreateTenantResourceAssociation', sesTenantName(tenantId), configurationSetArn],
    ]);
  });
});

describe('sending under an SES tenant', () => {
  it('associates what a send names before the first SendEmail of a tenant whose domain predates it', async () => {
    // platform() puts verified domains on record directly, as a domain registered before this process (or
    // before the configuration set was associated) is: only its identity is associated with the SES tenant.
    const { acme } = await platform(call);
    const tenantName = sesTenantName(acme.id) as string;
    ses.on(CreateTenantResourceAssociationCommand, { ResourceArn: identityArn(acme.domain) }).rejects(awsError(AlreadyExistsException, 'associated'));

    const sent = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `Acme <hello@${acme.domain}>`, to: 'someone@example.com', subject: 'Hi', text: 'Hi' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const message = await settled(call, acme.key, sent.body.id);
    expect(message.status, JSON.stringify(message)).toBe('sent');

    expect(sesSteps()).toEqual([
      // API_GetTenant: the tenant exists; its ARN gives the resources' ARN prefix.
      ['GetTenant', tenantName],
      ['CreateTenantResourceAssociation', tenantName, identityArn(acme.domain)],
      ['CreateTenantResourceAssociation', tenantName, configurationSetArn],
      ['SendEmail', tenantName],
    ]);
    // API_SendEmail: TenantName with ConfigurationSetName, both now associated with that tenant.
    const sendEmail = sesCalls().at(-1)?.[1];
    expect(sendEmail).toMatchObject({
      FromEmailAddress: `Acme <hello@${acme.domain}>`,
      ConfigurationSetName: 'sendoka-events',
      TenantName: tenantName,
    });
    expect(message.provider_message_id).toMatch(/^ses-/);

    // The process remembers: the tenant's next send is SendEmail alone.
    ses.resetHistory();
    const again = await call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `hello@${acme.domain}`, to: 'other@example.com', subject: 'Again', text: 'Again' },
    });
    expect((await settled(call, acme.key, again.body.id)).status).toBe('sent');
    expect(sesSteps()).toEqual([['SendEmail', tenantName]]);
  });

  it('creates a missing SES tenant before sending (isolation turned on after the domain was added)', async () => {
    const { globex } = await platform(call);
    const tenantName = sesTenantName(globex.id) as string;
    // API_GetTenant documents NotFoundException for a tenant that does not exist.
    ses.on(GetTenantCommand, { TenantName: tenantName }).rejects(awsError(NotFoundException, 'no such tenant', 404));
    const sent = await call('POST', '/api/v1/emails', {
      key: globex.key,
      body: { from: `hello@${globex.domain}`, to: 'someone@example.com', subject: 'Hi', text: 'Hi' },
    });
    expect((await settled(call, globex.key, sent.body.id)).status).toBe('sent');
    expect(sesSteps()).toEqual([
      ['GetTenant', tenantName],
      ['CreateTenant', tenantName],
      ['CreateTenantResourceAssociation', tenantName, identityArn(globex.domain)],
      ['CreateTenantResourceAssociation', tenantName, configurationSetArn],
      ['SendEmail', tenantName],
    ]);
  });

  it('sends nothing when an association fails; throttling stays retryable', async () => {
    const tenantName = `sendoka-ten_${uniqueSlug('throttled')}`;
    // API_CreateTenantResourceAssociation documents TooManyRequestsException (HTTP 429).
    ses.on(CreateTenantResourceAssociationCommand).rejects(awsError(TooManyRequestsException, 'slow down', 429));
    const [outcome] = await emailSender().sendMany([outbound('Acme <a@throttled.example>', tenantName)]);
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      error: `TooManyRequestsException: preparing SES tenant ${tenantName}: slow down`,
    });
    expect(sesSteps()).toEqual([
      ['GetTenant', tenantName],
      ['CreateTenantResourceAssociation', tenantName, identityArn('throttled.example')],
    ]);

    // Not remembered as done: the next attempt associates both, then sends.
    ses.on(CreateTenantResourceAssociationCommand).resolves({});
    ses.resetHistory();
    expect((await emailSender().sendMany([outbound('a@throttled.example', tenantName)]))[0]?.ok).toBe(true);
    expect(sesSteps()).toEqual([
      ['GetTenant', tenantName],
      ['CreateTenantResourceAssociation', tenantName, identityArn('throttled.example')],
      ['CreateTenantResourceAssociation', tenantName, configurationSetArn],
      ['SendEmail', tenantName],
    ]);
  });

  it('checks once for concurrent sends, per identity; a send without a tenant names none', async () => {
    const tenantName = `sendoka-ten_${uniqueSlug('busy')}`;
    const outcomes = await emailSender().sendMany([
      outbound('a@one.example', tenantName),
      outbound('"Acme @ HQ" <b@one.example>', tenantName),
      outbound('c@two.example', tenantName),
      outbound('d@sandbox.example', undefined),
    ]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const associations = sesSteps().filter(([operation]) => operation === 'CreateTenantResourceAssociation');
    expect(associations).toEqual(
      expect.arrayContaining([
        ['CreateTenantResourceAssociation', tenantName, identityArn('one.example')],
        ['CreateTenantResourceAssociation', tenantName, identityArn('two.example')],
      ]),
    );
    expect(associations).toHaveLength(4);
    const sends = sesCalls().filter(([operation]) => operation === 'SendEmail').map(([, input]) => input);
    expect(Object.fromEntries(sends.map((input) => [input.FromEmailAddress, [input.TenantName, input.ConfigurationSetName]]))).toEqual({
      'a@one.example': [tenantName, 'sendoka-events'],
      '"Acme @ HQ" <b@one.example>': [tenantName, 'sendoka-events'],
      'c@two.example': [tenantName, 'sendoka-events'],
      'd@sandbox.example': [undefined, 'sendoka-events'],
    });
    // Each SendEmail of the tenant came after its identity's associations.
    const steps = sesSteps();
    for (const identity of ['one.example', 'two.example']) {
      const associated = steps.findLastIndex(([operation, , arn]) => operation === 'CreateTenantResourceAssociation' && arn === identityArn(identity));
      const firstSend = sesCalls().findIndex(([operation, input]) => operation === 'SendEmail' && input.FromEmailAddress.includes(`@${identity}`));
      expect(associated).toBeLessThan(firstSend);
    }
  });

  it('checks again after SES refused a send for good', async () => {
    const tenantName = `sendoka-ten_${uniqueSlug('refused')}`;
    expect((await emailSender().sendMany([outbound('a@refused.example', tenantName)]))[0]?.ok).toBe(true);
    // An association removed behind Sendoka's back: SES refuses the send (API_SendEmail, TenantName).
    ses.on(SendEmailCommand).rejects(awsError(BadRequestException, 'resource not associated with tenant'));
    const [refused] = await emailSender().sendMany([outbound('a@refused.example', tenantName)]);
    expect(refused).toEqual({ ok: false, retryable: false, error: 'BadRequestException: resource not associated with tenant' });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-after' });
    ses.resetHistory();
    expect((await emailSender().sendMany([outbound('a@refused.example', tenantName)]))[0]?.ok).toBe(true);
    expect(sesSteps()).toEqual([
      ['GetTenant', tenantName],
      ['CreateTenantResourceAssociation', tenantName, identityArn('refused.example')],
      ['CreateTenantResourceAssociation', tenantName, configurationSetArn],
      ['SendEmail', tenantName],
    ]);
  });
});

describe('removing SES tenant resources', () => {
  it("deletes a domain's identity association, then the identity; NotFound at either is done", async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const tenantName = sesTenantName(tenantId) as string;
    const name = newDomainName();
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } })).status).toBe(201);

    ses.resetHistory();
    await identityProvider().remove(name, tenantId);
    // API_DeleteTenantResourceAssociation: removes the association, not the resource; then the identity goes.
    expect(sesSteps()).toEqual([
      ['DeleteTenantResourceAssociation', tenantName, identityArn(name)],
      ['DeleteEmailIdentity', name],
    ]);

    // API_DeleteTenantResourceAssociation and API_DeleteEmailIdentity document NotFoundException: a retry
    // after a partial removal finds them gone, which is what it wanted.
    ses.on(DeleteTenantResourceAssociationCommand).rejects(awsError(NotFoundException, 'no association', 404));
    ses.on(DeleteEmailIdentityCommand).rejects(awsError(NotFoundException, 'no identity', 404));
    await expect(identityProvider().remove(name, tenantId)).resolves.toBeUndefined();

    // Anything else keeps the domain (the caller answers 502 and rolls back).
    ses.on(DeleteTenantResourceAssociationCommand).rejects(awsError(TooManyRequestsException, 'slow down', 429));
    await expect(identityProvider().remove(name, tenantId)).rejects.toMatchObject({ status: 502, code: 'PROVIDER_ERROR' });
  });

  it("DELETE /api/v1/domains/:id removes the identity's association with its tenant, then the identity", async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const name = newDomainName();
    const created = await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } });
    ses.resetHistory();
    expect((await call('DELETE', `/api/v1/domains/${created.body.id}`, { key: rootKey })).body).toEqual({ id: created.body.id, deleted: true });
    // API_DeleteTenantResourceAssociation, then API_DeleteEmailIdentity.
    expect(sesSteps()).toEqual([
      ['DeleteTenantResourceAssociation', sesTenantName(tenantId), identityArn(name)],
      ['DeleteEmailIdentity', name],
    ]);
  });

  it('re-associates an identity removed from this process before its next send', async () => {
    const tenantName = `sendoka-ten_${uniqueSlug('again')}`;
    expect((await emailSender().sendMany([outbound('a@again.example', tenantName)]))[0]?.ok).toBe(true);
    forgetSesTenantResources(tenantName, 'again.example');
    ses.resetHistory();
    expect((await emailSender().sendMany([outbound('a@again.example', tenantName)]))[0]?.ok).toBe(true);
    expect(sesSteps().map(([operation]) => operation)).toEqual(['GetTenant', 'CreateTenantResourceAssociation', 'CreateTenantResourceAssociation', 'SendEmail']);
  });

  it("deleting a tenant removes its identities, its SES tenant's associations, then the SES tenant", async () => {
    const { orgId, rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const tenantName = sesTenantName(tenantId) as string;
    const name = newDomainName();
    expect((await call('POST', '/api/v1/domains', { key: rootKey, body: { name, tenant_id: tenantId } })).status).toBe(201);

    // API_ListTenantResources pages with NextToken; every page is read before anything is deleted.
    ses.on(ListTenantResourcesCommand, { TenantName: tenantName, NextToken: undefined }).resolves({
      TenantResources: [{ ResourceType: 'EMAIL_IDENTITY', ResourceArn: identityArn(name) }],
      NextToken: 'page-2',
    });
    ses.on(ListTenantResourcesCommand, { TenantName: tenantName, NextToken: 'page-2' }).resolves({
      TenantResources: [{ ResourceType: 'CONFIGURATION_SET', ResourceArn: configurationSetArn }],
    });
    // Gone with the identity already: NotFound is done.
    ses.on(DeleteTenantResourceAssociationCommand, { ResourceArn: identityArn(name) }).rejects(awsError(NotFoundException, 'no association', 404));
    ses.resetHistory();

    // The deletion's job, run here rather than by a worker of another suite (whose provider is local).
    await db.updateTable('tenants').set({ status: 'deleting' }).where('id', '=', tenantId).execute();
    await db
      .insertInto('tenant_deletions')
      .values({ tenant_id: tenantId, org_id: orgId, tenant: JSON.stringify({ id: tenantId }), current_table: 'api_keys', started_at: new Date(Date.now() - 60_000) })
      .execute();
    await deleteTenantData(ctx, tenantId);

    // API_DeleteTenant: "When you delete a tenant, its associations with resources are removed, but the
    // resources themselves are not deleted" (so associations need not go first; they do, each idempotently).
    expect(sesSteps()).toEqual([
      ['DeleteEmailIdentity', name],
      ['ListTenantResources', tenantName],
      ['ListTenantResources', tenantName],
      ['DeleteTenantResourceAssociation', tenantName, identityArn(name)],
      ['DeleteTenantResourceAssociation', tenantName, configurationSetArn],
      ['DeleteTenant', tenantName],
    ]);
    expect((await call('GET', `/api/v1/tenants/${tenantId}`, { key: rootKey })).status).toBe(404);
  });

  it('removing an SES tenant twice, or one SES never had, is no error', async () => {
    const { rootKey } = await newOrg();
    const tenantId = await tenantOf(rootKey);
    const tenantName = sesTenantName(tenantId) as string;
    // API_ListTenantResources and API_DeleteTenant document NotFoundException for an unknown tenant.
    ses.on(ListTenantResourcesCommand).rejects(awsError(NotFoundException, 'no such tenant', 404));
    ses.on(DeleteTenantCommand).rejects(awsError(NotFoundException, 'no such tenant', 404));
    await expect(identityProvider().removeTenant(tenantId)).resolves.toBeUndefined();
    expect(sesSteps()).toEqual([
      ['ListTenantResources', tenantName],
      ['DeleteTenant', tenantName],
    ]);

    // A throttled DeleteTenant fails the step (the deletion job retries it; its associations are gone already).
    ses.on(ListTenantResourcesCommand).resolves({ TenantResources: [] });
    ses.on(DeleteTenantCommand).rejects(awsError(TooManyRequestsException, 'slow down', 429));
    await expect(identityProvider().removeTenant(tenantId)).rejects.toMatchObject({ status: 502, code: 'PROVIDER_ERROR' });
  });
});
