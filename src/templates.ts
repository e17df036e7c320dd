import type { ColumnType, Selectable } from 'kysely';
import Mustache from 'mustache';
import { z } from 'zod';
import type { Db } from './db/index.js';
import { ApiError, invalid, notFound } from './errors.js';
import { newId } from './ids.js';
import { fetchPage, type PageQuery, pageQuery } from './pagination.js';
import { actingTenantId, type Principal } from './principal.js';
import { assertTenantUsable, visibleTo } from './tenants.js';

type VariableValue = string | number | boolean;

export interface TemplateVariable {
  name: string;
  /** Used when a render leaves the variable out; without one the variable is required. */
  default?: VariableValue;
}

export interface TemplateTable {
  id: string;
  org_id: string;
  /** null: an org-level template, usable by the org's root keys only. */
  tenant_id: string | null;
  name: string;
  subject: string;
  html: string | null;
  text: string | null;
  variables: ColumnType<TemplateVariable[], string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module './db/schema.js' {
  interface Database {
    templates: TemplateTable;
  }
}

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
    subject: template.subject,
    html: template.html,
    text: template.text,
    variables: template.variables,
    created_at: template.created_at.toISOString(),
    updated_at: template.updated_at.toISOString(),
  };
}

/**
 * Templates visible to an org (and, when `tenantId` is not null, only that tenant's): a tenant being
 * deleted has none.
 */
function visibleTemplates(db: Db, orgId: string, tenantId: string | null) {
  return db.selectFrom('templates').selectAll().where(visibleTo('templates', { orgId, tenantId }));
}

async function findTemplate(db: Db, orgId: string, tenantId: string | null, templateId: string): Promise<Template> {
  const template = await visibleTemplates(db, orgId, tenantId).where('id', '=', templateId).executeTakeFirst();
  if (!template) throw notFound('template', templateId);
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
  let select = visibleTemplates(db, principal.orgId, principal.tenantId);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentTemplate);
}

export async function getTemplate(db: Db, principal: Principal, templateId: string) {
  return presentTemplate(await findTemplate(db, principal.orgId, principal.tenantId, templateId));
}

export async function updateTemplate(db: Db, principal: Principal, templateId: string, input: z.infer<typeof updateTemplateInput>) {
  const current = await findTemplate(db, principal.orgId, principal.tenantId, templateId);
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
  const deleted = await db
    .deleteFrom('templates')
    .where('id', 'in', visibleTemplates(db, principal.orgId, principal.tenantId).clearSelect().select('id').where('id', '=', templateId))
    .executeTakeFirst();
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
  const view: Record<string, unknown> = { ...values };
  for (const variable of template.variables) {
    if (view[variable.name] !== undefined) continue;
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
  return render(await findTemplate(db, principal.orgId, principal.tenantId, templateId), values);
}

/** Loads each template once per checker or renderer (one request, one send attempt): a batch usually shares one. */
function templateLoader(db: Db) {
  const loaded = new Map<string, Promise<Template>>();
  return (orgId: string, tenantId: string | null, templateId: string) => {
    const key = `${orgId}/${tenantId ?? ''}/${templateId}`;
    let template = loaded.get(key);
    if (!template) loaded.set(key, (template = findTemplate(db, orgId, tenantId, templateId)));
    return template;
  };
}

/**
 * Accept-time check for sends naming a template: it exists for this key (else 404) and every declared
 * variable without a default is among the send's variables (else 422).
 */
export function templateChecker(db: Db, principal: Principal) {
  const load = templateLoader(db);
  return async (templateId: string, variables: Record<string, unknown>) => {
    viewFor(await load(principal.orgId, principal.tenantId, templateId), variables);
  };
}

/**
 * Renders messages' templates when they are sent. `tenantId` is the sending key's tenant; null means a
 * root key, which may use any of the org's templates. 404 for any other template.
 */
export function templateRenderer(db: Db) {
  const load = templateLoader(db);
  return async (orgId: string, tenantId: string | null, templateId: string, variables: Record<string, unknown>) =>
    render(await load(orgId, tenantId, templateId), variables);
}
