import type { RequestHandler } from 'express';

/**
 * The API reference at /docs: one self-contained page that renders /api/v1/openapi.json in the browser
 * (no CDN, no build step). Everything from the document goes in through textContent, never as HTML.
 */
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sendoka API reference</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; display: flex; color: #1d2330; }
  nav { width: 260px; height: 100vh; overflow: auto; position: sticky; top: 0; background: #f5f6f8; padding: 16px; box-sizing: border-box; font-size: 13px; }
  nav a { display: block; color: inherit; text-decoration: none; padding: 2px 0; }
  nav h3 { margin: 14px 0 4px; text-transform: capitalize; }
  main { flex: 1; padding: 24px 40px; max-width: 980px; }
  section { border-top: 1px solid #e3e6eb; padding: 16px 0; }
  .method { display: inline-block; min-width: 58px; font: bold 12px monospace; text-transform: uppercase; color: #fff; border-radius: 3px; padding: 2px 6px; margin-right: 8px; text-align: center; }
  .get { background: #2f7d4f; } .post { background: #2f5f9d; } .patch { background: #9d6a2f; } .delete { background: #a13d3d; }
  code, pre { font-family: ui-monospace, monospace; font-size: 12.5px; }
  pre { background: #f5f6f8; padding: 10px; overflow: auto; max-height: 360px; }
  table { border-collapse: collapse; font-size: 13px; } td, th { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
  .scope { color: #6b4fa0; font-family: monospace; }
</style>
</head>
<body>
<nav id="nav"></nav>
<main id="main"><p>Loading /api/v1/openapi.json…</p></main>
<script>
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};
const json = (value) => el('pre', { textContent: JSON.stringify(value, null, 2) });
fetch('/api/v1/openapi.json').then((response) => response.json()).then((spec) => {
  const main = document.getElementById('main');
  const nav = document.getElementById('nav');
  main.replaceChildren(el('h1', { textContent: spec.info.title }), el('p', { textContent: spec.info.description }));
  const errors = el('table', {}, el('tr', {}, el('th', { textContent: 'status' }), el('th', { textContent: 'type' }), el('th', { textContent: 'code' }), el('th', { textContent: 'meaning' })));
  for (const [code, error] of Object.entries(spec['x-error-codes'])) {
    errors.append(el('tr', {}, el('td', { textContent: error.status }), el('td', { textContent: error.type }), el('td', {}, el('code', { textContent: code })), el('td', { textContent: error.description })));
  }
  main.append(el('h2', { textContent: 'Errors', id: 'errors' }), errors);
  nav.append(el('a', { href: '#errors', textContent: 'Errors' }));
  for (const tag of spec.tags.map((t) => t.name)) {
    nav.append(el('h3', { textContent: tag }));
    main.append(el('h2', { textContent: tag, style: 'text-transform: capitalize' }));
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (!op.tags.includes(tag)) continue;
        const id = op.operationId;
        nav.append(el('a', { href: '#' + id }, el('span', { className: 'method ' + method, textContent: method }), path));
        const section = el('section', { id }, el('h3', {}, el('span', { className: 'method ' + method, textContent: method }), el('code', { textContent: path })), el('p', { textContent: op.summary }));
        if (op['x-scope']) section.append(el('p', {}, 'Scope: ', el('span', { className: 'scope', textContent: op['x-scope'] })));
        if (op.parameters) {
          const table = el('table', {}, el('tr', {}, el('th', { textContent: 'parameter' }), el('th', { textContent: 'in' }), el('th', { textContent: 'schema' })));
          for (const parameter of op.parameters) {
            table.append(el('tr', {}, el('td', {}, el('code', { textContent: parameter.name + (parameter.required ? '' : '?') })), el('td', { textContent: parameter.in }), el('td', {}, el('code', { textContent: JSON.stringify(parameter.schema) }))));
          }
          section.append(table);
        }
        const body = op.requestBody && op.requestBody.content['application/json'];
        if (body) section.append(el('details', {}, el('summary', { textContent: 'Request body' }), json(body.schema)));
        for (const [status, response] of Object.entries(op.responses)) {
          const content = response.content && Object.values(response.content)[0];
          const example = content && (content.example ?? (content.examples && Object.keys(content.examples).join(', ')));
          const line = el('div', {}, el('b', { textContent: status + ' ' }), response.description);
          if (Number(status) < 300 && example && typeof example === 'object') section.append(line, json(example));
          else section.append(line);
        }
        main.append(section);
      }
    }
  }
}).catch((error) => { document.getElementById('main').textContent = 'Could not load the API document: ' + error; });
</script>
</body>
</html>
`;

export const docsPage: RequestHandler = (_req, res) => {
  res.type('html').send(page);
};
