import { type Kysely, type Selectable, sql } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import { type Database, type Db, transaction } from '../platform/db.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import type { AudienceTable, ContactImportTable, ContactTable, ImportedContact } from '../platform/schema/index.js';
import { conflict, notFound } from '../platform/errors.js';
import { groupBy } from '../platform/group-by.js';
import { newId } from '../platform/ids.js';
import { assertMayChange, environmentVisibleTo } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';
import { queueNames } from '../platform/jobs.js';
import type { AppContext } from '../context.js';

type Audience = Selectable<AudienceTable>;
type Contact = Selectable<ContactTable>;
type ContactImport = Selectable<ContactImportTable>;

// ---------------------------------------------------------------------------------------------
// Audiences

const audienceName = z.string().trim().min(1).max(200);

export const createAudienceInput = z.strictObject({ name: audienceName, tenant_id: z.string().max(64).nullish() });
export const updateAudienceInput = z.strictObject({ name: audienceName });
export const listAudiencesQuery = pageQuery.extend({ tenant_id: z.string().max(64).optional() });

function presentAudience(audience: Audience) {
  return {
    id: audience.id,
    name: audience.name,
    tenant_id: audience.tenant_id,
    environment: audience.environment,
    created_at: audience.created_at.toISOString(),
    updated_at: audience.updated_at.toISOString(),
  };
}

/** Audiences in a key's reach: its org's, only its tenant's for a tenant-bound key, none of a tenant being deleted. */
function audiencesInScope(db: Db, principal: Principal) {
  return db.selectFrom('audiences').selectAll().where(visibleTo('audiences', principal));
}

/** Audiences a key may see: those in its reach, only the test ones for a test key. */
function visibleAudiences(db: Db, principal: Principal) {
  return audiencesInScope(db, principal).where(environmentVisibleTo('audiences', principal));
}

/** The audience a request reads, itself or its contacts and imports. */
async function findAudience(db: Db, principal: Principal, audienceId: string): Promise<Audience> {
  const audience = await visibleAudiences(db, principal).where('id', '=', audienceId).executeTakeFirst();
  if (!audience) throw notFound('audience', audienceId);
  return audience;
}

/** The audience a request changes, itself or its contacts and imports: a live one is a 403 for a test key. */
async function findAudienceToChange(db: Db, principal: Principal, audienceId: string): Promise<Audience> {
  const audience = await audiencesInScope(db, principal).where('id', '=', audienceId).executeTakeFirst();
  if (!audience) throw notFound('audience', audienceId);
  assertMayChange(principal, audience, 'audiences');
  return audience;
}

export async function createAudience(db: Db, principal: Principal, input: z.infer<typeof createAudienceInput>) {
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  const audience = await db
    .insertInto('audiences')
    .values({ id: newId('audience'), org_id: principal.orgId, tenant_id: tenantId, environment: principal.environment, name: input.name })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentAudience(audience);
}

export async function listAudiences(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listAudiencesQuery>) {
  let select = visibleAudiences(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentAudience);
}

export async function getAudience(db: Db, principal: Principal, audienceId: string) {
  return presentAudience(await findAudience(db, principal, audienceId));
}

export async function updateAudience(db: Db, principal: Principal, audienceId: string, input: z.infer<typeof updateAudienceInput>) {
  const current = await findAudienceToChange(db, principal, audienceId);
  const audience = await db
    .updateTable('audiences')
    .set({ name: input.name, updated_at: new Date() })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirst();
  if (!audience) throw notFound('audience', audienceId);
  return presentAudience(audience);
}

/** Deletes the audience with its contacts and imports (the foreign keys cascade). */
export async function deleteAudience(db: Db, principal: Principal, audienceId: string) {
  const audience = await findAudienceToChange(db, principal, audienceId);
  const deleted = await db.deleteFrom('audiences').where('id', '=', audience.id).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound('audience', audienceId);
  return { id: audienceId, deleted: true };
}

// ---------------------------------------------------------------------------------------------
// Contacts

const contactEmail = z
  .email({ error: 'must be a valid email address' })
  .max(320)
  .transform((value) => value.toLowerCase());
const personName = z.string().trim().max(200);
const metadata = z
  .record(z.string().max(64), z.string().max(512))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 keys');

const contactFields = {
  first_name: personName.nullish(),
  last_name: personName.nullish(),
  unsubscribed: z.boolean().optional(),
  metadata: metadata.optional(),
};

export const createContactInput = z.strictObject({ email: contactEmail, ...contactFields });
export const updateContactInput = z.strictObject({ email: contactEmail.optional(), ...contactFields });
export const listContactsQuery = pageQuery.extend({
  email: z.string().max(320).optional(),
  unsubscribed: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});

function presentContact(contact: Contact) {
  return {
    id: contact.id,
    audience_id: contact.audience_id,
    email: contact.email,
    first_name: contact.first_name,
    last_name: contact.last_name,
    unsubscribed: contact.unsubscribed,
    metadata: contact.metadata,
    created_at: contact.created_at.toISOString(),
    updated_at: contact.updated_at.toISOString(),
  };
}

const contactExists = (email: string, audienceId: string) =>
  conflict('CONTACT_EXISTS', `${email} is already a contact of audience ${audienceId}`);
const contactsUnique = 'contacts_audience_email_unique';

async function findContact(db: Db, audience: Audience, contactId: string): Promise<Contact> {
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('audience_id', '=', audience.id)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) throw notFound('contact', contactId);
  return contact;
}

export async function createContact(db: Db, principal: Principal, audienceId: string, input: z.infer<typeof createContactInput>) {
  const audience = await findAudienceToChange(db, principal, audienceId);
  try {
    const contact = await db
      .insertInto('contacts')
      .values({
        id: newId('contact'),
        org_id: audience.org_id,
        tenant_id: audience.tenant_id,
        audience_id: audience.id,
        email: input.email,
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        unsubscribed: input.unsubscribed ?? false,
        metadata: JSON.stringify(input.metadata ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentContact(contact);
  } catch (error) {
    if (isUniqueViolation(error, contactsUnique)) throw contactExists(input.email, audience.id);
    throw error;
  }
}

export async function listContacts(
  db: Db,
  principal: Principal,
  audienceId: string,
  query: PageQuery & z.infer<typeof listContactsQuery>,
) {
  const audience = await findAudience(db, principal, audienceId);
  let select = db.selectFrom('contacts').selectAll().where('audience_id', '=', audience.id);
  if (query.email !== undefined) select = select.where('email', '=', query.email.toLowerCase());
  if (query.unsubscribed !== undefined) select = select.where('unsubscribed', '=', query.unsubscribed);
  return fetchPage(select, query, presentContact);
}

export async function getContact(db: Db, principal: Principal, audienceId: string, contactId: string) {
  return presentContact(await findContact(db, await findAudience(db, principal, audienceId), contactId));
}

export async function updateContact(
  db: Db,
  principal: Principal,
  audienceId: string,
  contactId: string,
  input: z.infer<typeof updateContactInput>,
) {
  const audience = await findAudienceToChange(db, principal, audienceId);
  try {
    const contact = await db
      .updateTable('contacts')
      .set({
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        unsubscribed: input.unsubscribed,
        metadata: input.metadata === undefined ? undefined : JSON.stringify(input.metadata),
        updated_at: new Date(),
      })
      .where('audience_id', '=', audience.id)
      .where('id', '=', contactId)
      .returningAll()
      .executeTakeFirst();
    if (!contact) throw notFound('contact', contactId);
    return presentContact(contact);
  } catch (error) {
    if (input.email && isUniqueViolation(error, contactsUnique)) throw contactExists(input.email, audience.id);
    throw error;
  }
}

export async function deleteContact(db: Db, principal: Principal, audienceId: string, contactId: string) {
  const audience = await findAudienceToChange(db, principal, audienceId);
  const deleted = await db
    .deleteFrom('contacts')
    .where('audience_id', '=', audience.id)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound('contact', contactId);
  return { id: contactId, deleted: true };
}

// ---------------------------------------------------------------------------------------------
// Bulk import: accepted in one request, upserted by a job on the imports queue

const maxImportContacts = 10_000;
/** Contacts upserted per statement (and per progress update) by the import job. */
const importBatchSize = 1_000;

// What the parse yields is what contact_imports.payload stores and the import job reads back.
const importedContact = z.strictObject({ email: contactEmail, ...contactFields }) satisfies z.ZodType<ImportedContact>;

export const importContactsInput = z.strictObject({
  contacts: z.array(importedContact).min(1).max(maxImportContacts),
});

function presentImport(contactImport: ContactImport) {
  return {
    id: contactImport.id,
    audience_id: contactImport.audience_id,
    status: contactImport.status,
    total: contactImport.total,
    processed: contactImport.processed,
    created: contactImport.created,
    updated: contactImport.updated,
    error: contactImport.error,
    created_at: contactImport.created_at.toISOString(),
    finished_at: contactImport.finished_at?.toISOString() ?? null,
  };
}

/**
 * Accepts an import: the contacts are stored with the import row (Postgres, not Redis, holds them) and a
 * job upserts them. An address given twice is imported once, with the fields of its last occurrence.
 */
export async function startImport(ctx: AppContext, principal: Principal, audienceId: string, input: z.infer<typeof importContactsInput>) {
  const { db } = ctx;
  const audience = await findAudienceToChange(db, principal, audienceId);
  const byEmail = new Map(input.contacts.map((contact) => [contact.email, contact]));
  const contacts = [...byEmail.values()];
  const contactImport = await db
    .insertInto('contact_imports')
    .values({
      id: newId('contactImport'),
      org_id: audience.org_id,
      tenant_id: audience.tenant_id,
      audience_id: audience.id,
      payload: JSON.stringify(contacts),
      total: contacts.length,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.jobs.enqueue(queueNames.imports, 'import', { importId: contactImport.id }, { jobId: contactImport.id });
  return presentImport(contactImport);
}

export async function getImport(db: Db, principal: Principal, audienceId: string, importId: string) {
  const audience = await findAudience(db, principal, audienceId);
  const contactImport = await db
    .selectFrom('contact_imports')
    .selectAll()
    .where('audience_id', '=', audience.id)
    .where('id', '=', importId)
    .executeTakeFirst();
  if (!contactImport) throw notFound('import', importId);
  return presentImport(contactImport);
}

const optionalFields = ['first_name', 'last_name', 'unsubscribed', 'metadata'] as const;

/** Groups a batch by which optional fields its contacts give, so each group's upsert sets exactly those. */
function byGivenFields(batch: ImportedContact[]) {
  const groups = groupBy(batch, (contact) => optionalFields.filter((field) => contact[field] !== undefined).join(','));
  return [...groups].map(([signature, contacts]) => ({ given: new Set(signature.split(',')), contacts }));
}

async function upsertContacts(db: Db, contactImport: ContactImport, contacts: ImportedContact[], given: Set<string>, now: Date) {
  const rows = await db
    .insertInto('contacts')
    .values(
      contacts.map((contact) => ({
        id: newId('contact'),
        org_id: contactImport.org_id,
        tenant_id: contactImport.tenant_id,
        audience_id: contactImport.audience_id,
        email: contact.email,
        first_name: contact.first_name ?? null,
        last_name: contact.last_name ?? null,
        unsubscribed: contact.unsubscribed ?? false,
        metadata: JSON.stringify(contact.metadata ?? {}),
        created_at: now,
        updated_at: now,
      })),
    )
    // An existing contact keeps the fields the import leaves out.
    .onConflict((oc) =>
      oc.constraint(contactsUnique).doUpdateSet((eb) => ({
        first_name: eb.ref(given.has('first_name') ? 'excluded.first_name' : 'contacts.first_name'),
        last_name: eb.ref(given.has('last_name') ? 'excluded.last_name' : 'contacts.last_name'),
        unsubscribed: eb.ref(given.has('unsubscribed') ? 'excluded.unsubscribed' : 'contacts.unsubscribed'),
        metadata: eb.ref(given.has('metadata') ? 'excluded.metadata' : 'contacts.metadata'),
        updated_at: now,
      })),
    )
    // xmax = 0 only on a freshly inserted row: tells created from updated.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return rows.filter((row) => row.inserted).length;
}

/**
 * The import job: upserts the stored contacts in batches, each batch with its progress in one
 * transaction, so a retried or resumed job continues after the last committed batch.
 */
export async function runImport(db: Kysely<Database>, importId: string): Promise<void> {
  const contactImport = await db.selectFrom('contact_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  // Gone with its audience or tenant, or finished by an earlier run of this job.
  if (!contactImport || contactImport.status === 'completed' || contactImport.status === 'failed') return;
  const contacts = contactImport.payload ?? [];
  let processed = contactImport.processed;
  while (processed < contacts.length) {
    const batch = contacts.slice(processed, processed + importBatchSize);
    processed = await transaction(db, async (trx) => {
      const now = new Date();
      let created = 0;
      for (const group of byGivenFields(batch)) created += await upsertContacts(trx, contactImport, group.contacts, group.given, now);
      const next = processed + batch.length;
      const done = next >= contacts.length;
      const recorded = await trx
        .updateTable('contact_imports')
        .set((eb) => ({
          status: done ? 'completed' : 'running',
          processed: next,
          created: eb('created', '+', created),
          updated: eb('updated', '+', batch.length - created),
          payload: done ? null : undefined,
          finished_at: done ? now : undefined,
        }))
        .where('id', '=', importId)
        .where('processed', '=', processed)
        .returning('processed')
        .executeTakeFirst();
      // Another run of this job committed this batch first: roll back and let the retry continue from there.
      if (!recorded) throw new Error(`import ${importId} moved on under this run`);
      return next;
    });
  }
}
