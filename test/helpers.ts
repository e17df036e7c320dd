import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../src/api/app.js';
import { type AppContext, closeContext, createContext, type RootContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
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

/**
 * An application context for this test file: the test environment (vitest.config.ts) with `settings` over it,
 * and `parts` (a mocked provider, a clock) in place of what the configuration would build. Closed after the file.
 */
export function testContext(settings: Record<string, string | undefined> = {}, parts: Partial<RootContext> = {}): RootContext {
  const context = createContext(loadConfig({ ...process.env, ...settings }), parts);
  afterAll(() => closeContext(context));
  return context;
}

/** This file's default context; nothing connects until it is used. */
export const ctx = testContext();
/** The test database, for fixtures and for reading what a request wrote. */
export const db = ctx.db;

/** Starts the API of `context` on an ephemeral port for one test file and returns a fetch-based caller. */
export function startApi(context: AppContext = ctx): { call: Call; baseUrl: () => string } {
  let server: ReturnType<ReturnType<typeof createApp>['listen']>;
  let baseUrl = '';
  beforeAll(async () => {
    // As main does before listening: enqueues fail fast rather than wait for a connection.
    await context.jobs.ready();
    server = createApp(context).listen(0);
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
