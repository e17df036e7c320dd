import type { Selectable } from 'kysely';
import Mustache from 'mustache';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import type { KeyEnvironment, TemplateTable } from '../platform/schema/index.js';
import { ApiError, invalid, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertMayChange, environmentVisibleTo } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';

type Template = Selectable<TemplateTable>;

// A writer of our own without a template cache: the default one keeps every template string it ever
// parsed, which grows without bound over many tenants' templates. Templates are small; parsing is cheap.
const writer = new Mustache.Writer();
(writer as unknown as { templateCache: undefined }).templateCache = undefined;
const verbatim = (value: unknown) => String(value);

/** Refuses a template Mustache cannot parse, saying where it went wrong. */
function parsesAsMustache(value: string, ctx: z.RefinementCtx) {
  try {
    writer.parse(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid Mustache template (${(error as Error).message})` });
  }
}

const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and _, not starting with a digit');
const variables = z
  .array(z.strictObject({ name: variableName, default: z.union([z.string().max(10_000), z.number(), z.boolean()]).optional() }))
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((variable, index) => {
      if (seen.has(variable.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${variable.name} is declared twice` });
      seen.add(variable.name);
    });
  });

const subject = z.string().trim().min(1).max(2_000).superRefine(parsesAsMustache);
const body = z.string().min(1).max(500_000).superRefine(parsesAsMustache);

export const createTemplateInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    tenant_id: z.string().max(64).nullish(),
    subject,
    html: body.nullish(),
    text: body.nullish(),
    variables: variables.default([]),
  })
  .refine((input) => input.html != null || input.text != null, { path: ['html'], message: 'give html, text or both' });

export const updateTemplateInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  subject: subject.optional(),
  html: body.nullable().optional(),
  text: body.nullable().optional(),
  variables: variables.optional(),
});

/** The `variables` of a preview, or of a send naming a template. */
export const templateVariables = z
  .record(z.string().max(64), z.unknown())
  .refine((value) => Object.keys(value).length <= 200, 'at most 200 variables');
export const renderTemplateInput = z.strictObject({ variables: templateVariables.default({}) });

export const listTemplatesQuery = pageQuery.extend({ tenant_id: z.string().max(64).optional() });

function presentTemplate(template: Template) {
  return {
    id: template.id,
    name: template.name,
    tenant_id: template.tenant_id,
    environment: template.environment,
    subject: template.subject,
    html: template.html,
    text: template.text,
    variables: template.variables,
    created_at: template.created_at.toISOString(),
    updated_at: template.updated_at.toISOString(),
  };
}

/**
 * Who uses templates: a key, or a message being rendered (its key's tenant, null for a root key, and its
 * environment).
 */
interface TemplateUser {
  orgId: string;
  tenantId: string | null;
  environment: KeyEnvironment;
}

/** Templates in a user's reach: its org's, only its tenant's when it has one; a tenant being deleted has none. */
function templatesInScope(db: Db, user: TemplateUser) {
  return db.selectFrom('templates').selectAll().where(visibleTo('templates', user));
}

/** Templates a user may see: those in its reach, only the test ones for a test key or a test send. */
function visibleTemplates(db: Db, user: TemplateUser) {
  return templatesInScope(db, user).where(environmentVisibleTo('templates', user));
}

async function findTemplate(db: Db, user: TemplateUser, templateId: string): Promise<Template> {
  const template = await visibleTemplates(db, user).where('id', '=', templateId).executeTakeFirst();
  if (!template) throw notFound('template', templateId);
  return template;
}

/** A template the principal is about to change or delete: 404 outside its reach, 403 for a test key and a live template. */
async function findTemplateToChange(db: Db, principal: Principal, templateId: string): Promise<Template> {
  const template = await templatesInScope(db, principal).where('id', '=', templateId).executeTakeFirst();
  if (!template) throw notFound('template', templateId);
  assertMayChange(principal, template, 'templates');
  return template;
}

/**
 * A template a send may use: one the sender can see, of the send's environment. Test sends see only test
 * templates; a live send naming a test template is refused, so nothing a test key made ever goes out live.
 */
async function findTemplateToSend(db: Db, sender: TemplateUser, templateId: string): Promise<Template> {
  const template = await findTemplate(db, sender, templateId);
  if (template.environment !== sender.environment) {
    const { environment } = sender;
    throw invalid('template_id', `${templateId} is a ${template.environment} template; a ${environment} send uses ${environment} templates only`);
  }
  return template;
}

export async function createTemplate(db: Db, principal: Principal, input: z.infer<typeof createTemplateInput>) {
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  const template = await db
    .insertInto('templates')
    .values({
      id: newId('template'),
      org_id: principal.orgId,
      tenant_id: tenantId,
      environment: principal.environment,
      name: input.name,
      subject: input.subject,
      html: input.html ?? null,
      text: input.text ?? null,
      variables: JSON.stringify(input.variables),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentTemplate(template);
}

export async function listTemplates(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listTemplatesQuery>) {
  let select = visibleTemplates(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentTemplate);
}

export async function getTemplate(db: Db, principal: Principal, templateId: string) {
  return presentTemplate(await findTemplate(db, principal, templateId));
}

export async function updateTemplate(db: Db, principal: Principal, templateId: string, input: z.infer<typeof updateTemplateInput>) {
  const current = await findTemplateToChange(db, principal, templateId);
  const nextHtml = input.html === undefined ? current.html : input.html;
  const nextText = input.text === undefined ? current.text : input.text;
  if (nextHtml === null && nextText === null) throw invalid('html', 'give html, text or both');
  const template = await db
    .updateTable('templates')
    .set({
      name: input.name,
      subject: input.subject,
      html: input.html,
      text: input.text,
      variables: input.variables === undefined ? undefined : JSON.stringify(input.variables),
      updated_at: new Date(),
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirst();
  if (!template) throw notFound('template', templateId);
  return presentTemplate(template);
}

export async function deleteTemplate(db: Db, principal: Principal, templateId: string) {
  const template = await findTemplateToChange(db, principal, templateId);
  const deleted = await db.deleteFrom('templates').where('id', '=', template.id).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound('template', templateId);
  return { id: templateId, deleted: true };
}

export interface RenderedTemplate {
  subject: string;
  html?: string;
  text?: string;
}

/** Fills the declared defaults in; a declared variable with neither a value nor a default is a 422 naming it. */
function viewFor(template: Template, values: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a variable named `constructor` or `toString` is missing unless given, and renders nothing.
  const view: Record<string, unknown> = Object.assign(Object.create(null), values);
  for (const variable of template.variables) {
    if (Object.hasOwn(view, variable.name) && view[variable.name] !== undefined) continue;
    if (variable.default === undefined) {
      throw new ApiError(
        422,
        'invalid_request_error',
        'MISSING_TEMPLATE_VARIABLE',
        `variables.${variable.name}: required by template ${template.id} and it has no default`,
      );
    }
    view[variable.name] = variable.default;
  }
  return view;
}

function render(template: Template, values: Record<string, unknown>): RenderedTemplate {
  const view = viewFor(template, values);
  // Values are HTML-escaped in the HTML part only ({{{raw}}} opts out); subject and text are not HTML.
  const rendered: RenderedTemplate = {
    // A header: a value with a line break must not start another header.
    subject: writer.render(template.subject, view, undefined, { escape: verbatim }).replace(/\s*[\r\n]+\s*/g, ' ').trim(),
  };
  if (template.html !== null) rendered.html = writer.render(template.html, view);
  if (template.text !== null) rendered.text = writer.render(template.text, view, undefined, { escape: verbatim });
  return rendered;
}

/** Preview: renders a template the principal can see with the given variables. */
export async function previewTemplate(db: Db, principal: Principal, templateId: string, values: Record<string, unknown>) {
  return render(await findTemplate(db, principal, templateId), values);
}

/** Loads each template once per checker or renderer (one request, one send attempt): a batch usually shares one. */
function templateLoader(db: Db) {
  const loaded = new Map<string, Promise<Template>>();
  return (sender: TemplateUser, templateId: string) => {
    const key = `${sender.orgId}/${sender.tenantId ?? ''}/${sender.environment}/${templateId}`;
    let template = loaded.get(key);
    if (!template) loaded.set(key, (template = findTemplateToSend(db, sender, templateId)));
    return template;
  };
}

/**
 * Accept-time check for sends naming a template: it exists for this key (else 404), is of the key's
 * environment (else 422) and every declared variable without a default is among the send's variables (else 422).
 */
export function templateChecker(db: Db, principal: Principal) {
  const load = templateLoader(db);
  return async (templateId: string, variables: Record<string, unknown>) => {
    viewFor(await load(principal, templateId), variables);
  };
}

/**
 * Renders messages' templates when they are sent, by the same rules as at accept time. The sender is the
 * message's org, its key's tenant (null for a root key, which may use any of the org's templates) and its
 * environment.
 */
export function templateRenderer(db: Db) {
  const load = templateLoader(db);
  return async (sender: TemplateUser, templateId: string, variables: Record<string, unknown>) =>
    render(await load(sender, templateId), variables);
}
