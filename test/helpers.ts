import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../src/api/app.js';
import { db } from '../src/platform/db.js';
import { insertKey } from '../src/keys/keys.js';
import { createOrg } from '../src/orgs/orgs.js';
import { allScopes } from '../src/access/scopes.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Call = <T = any>(
  method: string,
  path: string,
  options?: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
) => Promise<ApiResponse<T>>;

/** Starts the API on an ephemeral port for one test file and returns a fetch-based caller. */
export function startApi(): { call: Call; baseUrl: () => string } {
  let server: ReturnType<ReturnType<typeof createApp>['listen']>;
  let baseUrl = '';
  beforeAll(async () => {
    server = createApp().listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const call: Call = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { call, baseUrl: () => baseUrl };
}

/** Every test makes its own org, so tests run in parallel without cleaning up. */
export async function newOrg(name = 'Test SaaS') {
  const org = await createOrg(db, name);
  const rootKey = await insertKey(db, org.id, {
    name: 'root',
    tenantId: null,
    environment: 'live',
    scopes: allScopes,
    allowedDomainIds: null,
  });
  return { orgId: org.id, rootKey: rootKey.secret, rootKeyId: rootKey.id };
}

export const uniqueSlug = (base: string) => `${base}-${Math.random().toString(36).slice(2, 10)}`;
