import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/platform/errors.js';
import {
  createTemplateInput,
  renderTemplateInput,
  templateChecker,
  templateRenderer,
  templateVariables,
  updateTemplateInput,
} from '../../src/templates/templates.js';
import { fakeDb } from './fake-db.js';

/** A declared variable as the templates table stores it. */
interface TemplateVariable {
  name: string;
  default?: string | number | boolean;
}

interface StoredTemplate {
  subject: string;
  html?: string | null;
  text?: string | null;
  variables?: TemplateVariable[];
  environment?: 'live' | 'test';
}

const sender = { orgId: 'org_1', tenantId: null, environment: 'live' as const };

/** Renders a template as a send does, the template row coming from a fake database. */
async function render(template: StoredTemplate, values: Record<string, unknown> = {}) {
  const { db } = fakeDb([
    {
      id: 'tpl_1',
      org_id: 'org_1',
      tenant_id: null,
      environment: template.environment ?? 'live',
      name: 'test',
      subject: template.subject,
      html: template.html ?? null,
      text: template.text ?? null,
      variables: template.variables ?? [],
      created_at: new Date(0),
      updated_at: new Date(0),
    },
  ]);
  return templateRenderer(db as never)(sender, 'tpl_1', values);
}

async function renderError(template: StoredTemplate, values: Record<string, unknown> = {}) {
  try {
    await render(template, values);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the render to fail');
}

describe('rendering', () => {
  it('fills variables into subject, html and text', async () => {
    expect(
      await render({ subject: 'Hi {{name}}', html: '<p>Hi {{name}}</p>', text: 'Hi {{name}}' }, { name: 'Ada' }),
    ).toEqual({ subject: 'Hi Ada', html: '<p>Hi Ada</p>', text: 'Hi Ada' });
  });

  it('leaves out the parts the template has not', async () => {
    expect(await render({ subject: 's', text: 't' })).toEqual({ subject: 's', text: 't' });
    expect(await render({ subject: 's', html: '<b>h</b>' })).toEqual({ subject: 's', html: '<b>h</b>' });
  });

  it('HTML-escapes values in the html part only', async () => {
    const values = { name: '<b>Tom & "Jerry"</b>' };
    const rendered = await render({ subject: 'To {{name}}', html: '<p>{{name}}</p>', text: 'To {{name}}' }, values);
    expect(rendered.html).toBe('<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;&#x2F;b&gt;</p>');
    expect(rendered.subject).toBe('To <b>Tom & "Jerry"</b>');
    expect(rendered.text).toBe('To <b>Tom & "Jerry"</b>');
  });

  it('lets {{{raw}}} and {{& raw}} opt out of escaping in html', async () => {
    const rendered = await render({ subject: 's', html: '{{{a}}}|{{& a}}|{{a}}' }, { a: '<i>x</i>' });
    expect(rendered.html).toBe('<i>x</i>|<i>x</i>|&lt;i&gt;x&lt;&#x2F;i&gt;');
  });

  it('renders an undeclared, missing variable as nothing', async () => {
    expect(await render({ subject: 'Hi {{name}}!', text: '[{{missing}}]' })).toEqual({ subject: 'Hi !', text: '[]' });
  });

  it('renders numbers and booleans as text', async () => {
    expect((await render({ subject: '{{n}} {{b}} {{z}}' }, { n: 3.5, b: false, z: 0 })).subject).toBe('3.5 false 0');
  });

  it('supports sections, inverted sections, lists and dotted names', async () => {
    const rendered = await render(
      {
        subject: '{{#vip}}VIP: {{/vip}}{{^vip}}Hello: {{/vip}}{{user.first}}',
        text: '{{#items}}- {{name}} x{{qty}}\n{{/items}}{{^items}}nothing{{/items}}',
      },
      { vip: true, user: { first: 'Ada' }, items: [{ name: 'tea', qty: 2 }, { name: 'cake', qty: 1 }] },
    );
    expect(rendered).toEqual({ subject: 'VIP: Ada', text: '- tea x2\n- cake x1\n' });
    expect((await render({ subject: 's', text: '{{#items}}x{{/items}}{{^items}}nothing{{/items}}' }, { items: [] })).text).toBe('nothing');
  });

  it('does not render Mustache found in values (no second pass)', async () => {
    expect((await render({ subject: '{{a}}', text: '{{a}}' }, { a: '{{b}}', b: 'no' })).text).toBe('{{b}}');
  });

  it('flattens line breaks in the subject to single spaces, so a value cannot start another header', async () => {
    const rendered = await render({ subject: 'Order {{id}}', text: '{{id}}' }, { id: '42\r\nBcc: victim@example.com' });
    expect(rendered.subject).toBe('Order 42 Bcc: victim@example.com');
    expect(rendered.text).toBe('42\r\nBcc: victim@example.com');
    expect((await render({ subject: '{{a}}' }, { a: '  one \n\n  two \r three  ' })).subject).toBe('one two three');
  });

  it('keeps line breaks in text and html', async () => {
    expect(await render({ subject: 's', html: '<p>\n{{a}}\n</p>', text: 'one\n{{a}}\n' }, { a: 'x' })).toEqual({
      subject: 's',
      html: '<p>\nx\n</p>',
      text: 'one\nx\n',
    });
  });
});

describe('declared variables', () => {
  const variables: TemplateVariable[] = [{ name: 'name' }, { name: 'greeting', default: 'Hello' }, { name: 'count', default: 0 }, { name: 'flag', default: false }];

  it('uses a declared default when the value is left out', async () => {
    expect((await render({ subject: '{{greeting}} {{name}} {{count}} {{flag}}', variables }, { name: 'Ada' })).subject).toBe('Hello Ada 0 false');
  });

  it('prefers the given value to the default', async () => {
    expect((await render({ subject: '{{greeting}} {{name}}', variables }, { name: 'Ada', greeting: 'Hi' })).subject).toBe('Hi Ada');
  });

  it('takes a falsy given value (empty string, 0, false, null) over the default', async () => {
    const subject = '[{{greeting}}]';
    expect((await render({ subject, variables }, { name: 'x', greeting: '' })).subject).toBe('[]');
    expect((await render({ subject, variables }, { name: 'x', greeting: 0 })).subject).toBe('[0]');
    expect((await render({ subject, variables }, { name: 'x', greeting: null })).subject).toBe('[]');
  });

  it('refuses a render leaving out a required variable, naming it', async () => {
    const error = await renderError({ subject: '{{name}}', variables }, { greeting: 'Hi' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('MISSING_TEMPLATE_VARIABLE');
    expect(error.message).toBe('variables.name: required by template tpl_1 and it has no default');
  });

  it('counts an explicit undefined as left out', async () => {
    const error = await renderError({ subject: '{{name}}', variables }, { name: undefined });
    expect(error.code).toBe('MISSING_TEMPLATE_VARIABLE');
  });

  it('checks at accept time by the same rule', async () => {
    const { db } = fakeDb([
      { id: 'tpl_1', org_id: 'org_1', tenant_id: null, environment: 'live', name: 'n', subject: 's', html: null, text: 't', variables, created_at: new Date(0), updated_at: new Date(0) },
    ]);
    const principal = { ...sender, keyId: 'key_1', scopes: new Set<never>(), allowedDomainIds: null, limits: null };
    const check = templateChecker(db as never, principal);
    await expect(check('tpl_1', { name: 'Ada' })).resolves.toBeUndefined();
    await expect(check('tpl_1', {})).rejects.toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLE' });
  });

  it('reports a required variable named after an Object.prototype member as missing, and renders such names as nothing', async () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
      const error = await renderError({ subject: `{{${name}}}`, variables: [{ name }] }, {});
      expect(error.code, name).toBe('MISSING_TEMPLATE_VARIABLE');
    }
    expect((await render({ subject: '[{{constructor}}|{{toString}}]' })).subject).toBe('[|]');
  });

  it('refuses a live send naming a test template', async () => {
    const error = await renderError({ subject: 's', text: 't', environment: 'test' });
    expect(error.status).toBe(422);
    expect(error.message).toBe('template_id: tpl_1 is a test template; a live send uses live templates only');
  });

  it('answers 404 when the template is not found', async () => {
    const { db } = fakeDb([]);
    await expect(templateRenderer(db as never)(sender, 'tpl_missing', {})).rejects.toMatchObject({ status: 404 });
  });
});

describe('createTemplateInput', () => {
  const valid = { name: 'Welcome', subject: 'Hi {{name}}', text: 'Hello {{name}}' };

  it('takes a template with text, html or both, and defaults variables to none', () => {
    expect(createTemplateInput.parse(valid)).toEqual({ ...valid, variables: [] });
    expect(createTemplateInput.safeParse({ ...valid, text: undefined, html: '<p>x</p>' }).success).toBe(true);
    expect(createTemplateInput.safeParse({ ...valid, html: '<p>x</p>' }).success).toBe(true);
  });

  it('refuses a template with neither html nor text', () => {
    const result = createTemplateInput.safeParse({ name: 'x', subject: 's' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['html'], message: 'give html, text or both' })]);
    expect(createTemplateInput.safeParse({ name: 'x', subject: 's', html: null, text: null }).success).toBe(false);
  });

  it('trims the name and subject, and refuses them blank', () => {
    expect(createTemplateInput.parse({ ...valid, name: '  W  ', subject: '  S  ' })).toMatchObject({ name: 'W', subject: 'S' });
    expect(createTemplateInput.safeParse({ ...valid, name: '   ' }).success).toBe(false);
    expect(createTemplateInput.safeParse({ ...valid, subject: ' ' }).success).toBe(false);
  });

  it.each([
    ['an unclosed tag', '{{name'],
    ['an unclosed section', '{{#items}}x'],
    ['a mismatched section', '{{#a}}x{{/b}}'],
    ['a stray closing tag', 'x{{/a}}'],
  ])('refuses %s, as subject, html or text', (_, template) => {
    for (const field of ['subject', 'html', 'text'] as const) {
      const result = createTemplateInput.safeParse({ ...valid, [field]: template });
      expect(result.success, field).toBe(false);
      expect(result.error?.issues[0]?.message, field).toMatch(/^not a valid Mustache template \(/);
    }
  });

  it('takes what Mustache parses, however unusual', () => {
    for (const text of ['plain', '{{! a comment }}', '{{=<% %>=}}<% name %>', '{{> partial}}', '{ { not a tag } }']) {
      expect(createTemplateInput.safeParse({ ...valid, text }).success, text).toBe(true);
    }
  });

  it('refuses unknown fields', () => {
    expect(createTemplateInput.safeParse({ ...valid, from: 'a@b.c' }).success).toBe(false);
  });

  it('checks variable declarations', () => {
    const withVariables = (variables: unknown) => createTemplateInput.safeParse({ ...valid, variables });
    expect(withVariables([{ name: 'name' }, { name: '_x9', default: 'd' }, { name: 'n', default: 1 }, { name: 'b', default: true }]).success).toBe(true);
    expect(withVariables([{ name: 'a'.repeat(64) }]).success).toBe(true);
    expect(withVariables([{ name: 'a'.repeat(65) }]).success).toBe(false);
    expect(withVariables([{ name: '9lives' }]).success).toBe(false);
    expect(withVariables([{ name: 'first-name' }]).success).toBe(false);
    expect(withVariables([{ name: 'user.name' }]).success).toBe(false);
    expect(withVariables([{ name: '' }]).success).toBe(false);
    expect(withVariables([{ name: 'x', default: null }]).success).toBe(false);
    expect(withVariables([{ name: 'x', default: { nested: 1 } }]).success).toBe(false);
    expect(withVariables([{ name: 'x', default: 'd'.repeat(10_001) }]).success).toBe(false);
    expect(withVariables([{ name: 'x', required: true }]).success).toBe(false);
    expect(withVariables(Array.from({ length: 100 }, (_, index) => ({ name: `v${index}` }))).success).toBe(true);
    expect(withVariables(Array.from({ length: 101 }, (_, index) => ({ name: `v${index}` }))).success).toBe(false);
  });

  it('refuses a variable declared twice, pointing at the second', () => {
    const result = createTemplateInput.safeParse({ ...valid, variables: [{ name: 'a' }, { name: 'b' }, { name: 'a', default: 'x' }] });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['variables', 2, 'name'], message: 'a is declared twice' })]);
  });
});

describe('updateTemplateInput', () => {
  it('takes any subset, and null to remove html or text', () => {
    expect(updateTemplateInput.parse({})).toEqual({});
    expect(updateTemplateInput.parse({ html: null })).toEqual({ html: null });
    expect(updateTemplateInput.parse({ text: 'x {{y}}' })).toEqual({ text: 'x {{y}}' });
  });

  it('checks what it is given as create does', () => {
    expect(updateTemplateInput.safeParse({ subject: '{{#a}}' }).success).toBe(false);
    expect(updateTemplateInput.safeParse({ subject: null }).success).toBe(false);
    expect(updateTemplateInput.safeParse({ variables: [{ name: 'a' }, { name: 'a' }] }).success).toBe(false);
    expect(updateTemplateInput.safeParse({ tenant_id: 'tnt_x' }).success).toBe(false);
  });
});

describe('templateVariables and renderTemplateInput', () => {
  it('takes values of any JSON type', () => {
    const variables = { s: 'x', n: 1, b: true, o: { a: [1] }, l: [1, 2], z: null };
    expect(templateVariables.parse(variables)).toEqual(variables);
  });

  it('takes at most 200 variables, with names of at most 64 characters', () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`v${index}`, index]));
    expect(templateVariables.safeParse(many(200)).success).toBe(true);
    expect(templateVariables.safeParse(many(201)).error?.issues[0]?.message).toBe('at most 200 variables');
    expect(templateVariables.safeParse({ ['k'.repeat(64)]: 1 }).success).toBe(true);
    expect(templateVariables.safeParse({ ['k'.repeat(65)]: 1 }).success).toBe(false);
  });

  it('refuses what is not an object', () => {
    for (const value of [[], 'x', 1, null]) expect(templateVariables.safeParse(value).success).toBe(false);
  });

  it('a preview defaults variables to none and takes nothing else', () => {
    expect(renderTemplateInput.parse({})).toEqual({ variables: {} });
    expect(renderTemplateInput.safeParse({ variables: {}, extra: 1 }).success).toBe(false);
  });
});
