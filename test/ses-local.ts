import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocalModule from 'aws-ses-v2-local';

// A CommonJS module with an ES default export: unwrap it whichever way the loader presents it.
const startSesLocal = ((sesLocalModule as unknown as { default?: unknown }).default ?? sesLocalModule) as (config: {
  host: string;
  port: number;
}) => Promise<Server>;

/** The SES provider's configuration; tests point it at the emulator or mock its client (credentials: vitest.config.ts). */
export const sesProvider = { EMAIL_PROVIDER: 'ses', AWS_REGION: 'eu-west-1' };

/**
 * Starts a local SES v2 endpoint; `settings` is the configuration that points the SES provider at it (give it to
 * testContext, with anything else the file needs: a queue prefix of its own, a configuration set).
 */
export async function useLocalSes() {
  const server = await startSesLocal({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = {
    ...sesProvider,
    SES_ENDPOINT: url,
    // The emulator has no account to ask for MaxSendRate; this also runs the shared rate limiter.
    SES_MAX_SEND_RATE: '50',
  };
  return { url, settings, close: () => new Promise((resolve) => server.close(resolve)) };
}
