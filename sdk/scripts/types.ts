import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../../src/api/openapi.js';

/** The client's types, generated from the document the app serves. */
export async function generatedTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(openApiDocument())));
  return `// Generated from Sendoka's OpenAPI document by \`npm run sdk:generate\`; do not edit.\n\n${astToString(ast)}`;
}

export const generatedTypesPath = new URL('../src/generated/api.ts', import.meta.url);
