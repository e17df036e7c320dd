import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocalModule from 'aws-ses-v2-local';

// A CommonJS module with an ES default export: unwrap it whichever way the loader presents it.
const startSesLocal = ((sesLocalModule as unknown as { default?: unknown }).default ?? sesLocalModule) as (config: {
  host: string;
  port: number;
}) => Promise<Server>;

/** The SES provider with credentials the SDK accepts; tests point it at the emulator or mock its client. */
export const sesProvider = { EMAIL_PROVIDER: 'ses', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

/**
 * Starts a local SES v2 endpoint and points the SES provider at it. Call before importing anything that reads
 * the configuration; `settings` adds or overrides variables (a queue prefix of the file's own, a configuration set).
 */
export async function useLocalSes(settings: Record<string, string>) {
  const server = await startSesLocal({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    ...sesProvider,
    SES_ENDPOINT: url,
    // The emulator has no account to ask for MaxSendRate; this also runs the shared rate limiter.
    SES_MAX_SEND_RATE: '50',
    ...settings,
  });
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
