import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const schema = z.object({
  /** Only `development` mounts Bull Board without ADMIN_* credentials; the default is the safe one. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/sendoka'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/, 'letters, digits, _, -, { and } only (no colon)')
    .default('sendoka'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long an API process may keep serving a cached key lookup; revocation and suspension take effect within this. */
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(2000).default(1000),
  TRUST_PROXY: boolean.default(false),

  /** Comma-separated queue names this process consumes (`worker` in the Procfile); empty = all. */
  WORKER_QUEUES: commaList.default([]),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(25_000),

  EMAIL_PROVIDER: z.enum(['local', 'ses']).default('local'),
  SMS_PROVIDER: z.enum(['local', 'sns']).default('local'),
  AWS_REGION: z.string().min(1).optional(),
  /** Points the SES client elsewhere (a local emulator in tests). */
  SES_ENDPOINT: z.url().optional(),
  SNS_ENDPOINT: z.url().optional(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Map each Sendoka tenant to an SES tenant so one tenant's reputation cannot pause another. */
  SES_TENANT_ISOLATION: boolean.default(false),
  /** Overrides the account's MaxSendRate (recipients per second). */
  SES_MAX_SEND_RATE: z.coerce.number().positive().optional(),
  SNS_MAX_SEND_RATE: z.coerce.number().positive().default(20),

  /** Resolvers for local-provider domain verification, e.g. `127.0.0.1:5353,1.1.1.1`; empty = system. */
  DNS_SERVERS: commaList.default([]),
  DOMAIN_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  DOMAIN_VERIFICATION_TIMEOUT_HOURS: z.coerce.number().positive().default(72),
  /** Bearer secret for `POST /api/cron/*`; the cron routes answer 404 without it. */
  CRON_SECRET: z.string().min(16).optional(),
  SANDBOX_DOMAIN: z.string().min(3).default('sandbox.sendoka.com'),
  SANDBOX_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Recipients at this domain drive test-mode outcomes: bounced@, complained@, delayed@. */
  SIMULATOR_DOMAIN: z.string().min(3).default('simulator.sendoka.com'),

  /** Messages of a suspended tenant wait for reactivation this long, then are canceled. */
  SUSPENSION_HOLD_HOURS: z.coerce.number().positive().default(72),
  /** Rows one statement of a tenant deletion removes: small enough that no lock is held for long. */
  TENANT_DELETE_BATCH_SIZE: z.coerce.number().int().min(100).max(50_000).default(5_000),

  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000),

  /** Finished webhook deliveries, their attempts and events are kept this long (replay works within it). */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** The content of finished messages (bodies, attachments, template variables) is erased after this; the rows stay. */
  MESSAGE_CONTENT_RETENTION_DAYS: z.coerce.number().positive().default(30),
  WEBHOOKS_ALLOW_INSECURE: boolean.default(false),
  WEBHOOKS_ALLOW_PRIVATE: boolean.default(false),

  /** Bull Board at /admin/queues; it refuses to mount without both outside development. */
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SES_SNS_TOPIC_ARNS: commaList.default([]),

  /** A `worker` process serves /metrics, /healthz and /readyz on this port when set (the API serves them on PORT). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** How long a process waits for Postgres and Redis at start before it gives up. */
  STARTUP_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),

  /** The SMTP submission server (role `smtp`, and `all`): STARTTLS on SMTP_PORT, implicit TLS on SMTPS_PORT when set. */
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2587),
  SMTPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** PEM files; without both, a self-signed certificate is generated at start. */
  SMTP_TLS_CERT: z.string().min(1).optional(),
  SMTP_TLS_KEY: z.string().min(1).optional(),
  SMTP_ALLOW_INSECURE_AUTH: boolean.default(false),
});

// The SDK would otherwise fail on the first send, long after start.
const withProviderRequirements = schema.superRefine((env, ctx) => {
  if (Boolean(env.SMTP_TLS_CERT) !== Boolean(env.SMTP_TLS_KEY)) {
    ctx.addIssue({ code: 'custom', path: [env.SMTP_TLS_CERT ? 'SMTP_TLS_KEY' : 'SMTP_TLS_CERT'], message: 'SMTP_TLS_CERT and SMTP_TLS_KEY go together' });
  }
  if (!env.AWS_REGION && (env.EMAIL_PROVIDER === 'ses' || env.SMS_PROVIDER === 'sns')) {
    const providers = [env.EMAIL_PROVIDER === 'ses' && 'EMAIL_PROVIDER=ses', env.SMS_PROVIDER === 'sns' && 'SMS_PROVIDER=sns'];
    ctx.addIssue({ code: 'custom', path: ['AWS_REGION'], message: `required with ${providers.filter(Boolean).join(' and ')}` });
  }
});

export type Config = z.infer<typeof withProviderRequirements>;

function parseEnvironment<Schema extends z.ZodType>(schema: Schema, env: Record<string, string | undefined>): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // Fail fast with the variable named, before anything connects.
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** The configuration from the environment (the only place that reads it); throws naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseEnvironment(withProviderRequirements, env);
}

/** What the CLI's HTTP commands need: where the API is and the key to call it with (a client, not the server's settings). */
const cliSchema = z.object({
  SENDOKA_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
  SENDOKA_API_KEY: z.string().min(1).optional(),
});

export type CliConfig = z.infer<typeof cliSchema>;

export function loadCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  return parseEnvironment(cliSchema, env);
}

