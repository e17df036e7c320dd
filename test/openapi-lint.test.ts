import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { endpoints, openApiDocument } from '../src/api/openapi.js';

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended lint with no error and no warning (examples included)", async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // The project declares no licence.
        'info-license': 'off',
        // The probes, metrics and this document answer no 4xx.
        'operation-4xx-response': 'off',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(openApiDocument()), absoluteRef: '/api/v1/openapi.json', config });
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)).toEqual([]);
  });

  it('names a component schema for every JSON success answer, and has servers and a bearer scheme', () => {
    const document = openApiDocument();
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const components = document.components.schemas;
    for (const name of ['Tenant', 'Domain', 'Key', 'Message', 'WebhookEndpoint', 'Error', 'TenantPage', 'MessagePage']) expect(components).toHaveProperty(name);
    for (const entry of endpoints.filter((candidate) => !candidate.success.contentType)) {
      expect(entry.success.schema, `${entry.method} ${entry.path}`).toBeDefined();
      const path = entry.path.replace(/:([A-Za-z_]+)/g, '{$1}');
      const operation = (document.paths[path] as Record<string, any>)[entry.method];
      const ref: string = operation.responses[String(entry.success.status)].content['application/json'].schema.$ref;
      expect(components).toHaveProperty(ref.replace('#/components/schemas/', ''));
      for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
        if (Number(status) >= 400) expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });
});
