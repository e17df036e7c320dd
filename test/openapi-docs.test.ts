import { describe, expect, it } from 'vitest';
import { startApi } from './helpers.js';

const { baseUrl } = startApi();

describe('the reference page at /docs', () => {
  it('is Swagger UI on the document, with every asset served here (no CDN) and an Authorize for API keys', async () => {
    const page = await fetch(`${baseUrl()}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain("url: '/api/v1/openapi.json'");
    // Every script and stylesheet is local, and answers.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset, 'served from this origin').toMatch(/^\/docs\/assets\//);
      const response = await fetch(`${baseUrl()}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    const bundle = await (await fetch(`${baseUrl()}/docs/assets/swagger-ui-bundle.js`)).text();
    expect(bundle).toContain('SwaggerUIBundle');
    // Try-it-out: the document's bearer scheme is what Swagger UI's Authorize asks for.
    const document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as any;
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.servers[0].url).toBe('/');
  });

  it('serves no directory index of the assets', async () => {
    expect((await fetch(`${baseUrl()}/docs/assets/`)).status).toBe(404);
  });
});
