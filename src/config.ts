import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  RIVALSCOPE_DB: z
    .string()
    .min(1)
    .default('./data/rivalscope.db')
    .refine((db) => !isPostgresUrl(db) || URL.canParse(db), 'a postgres:// URL that does not parse'),
  RIVALSCOPE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  RIVALSCOPE_HOST: z.string().min(1).default('127.0.0.1'),
  RIVALSCOPE_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  CHROMIUM_PATH: z.string().min(1).optional(),
  RIVALSCOPE_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean)),
  RIVALSCOPE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  RIVALSCOPE_STALE_AFTER: z.coerce.number().positive().default(3),
  RIVALSCOPE_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  RIVALSCOPE_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(0).default(30_000),
  RIVALSCOPE_SCHEDULER: z.enum(['on', 'off']).default('on'),
  RIVALSCOPE_STATIC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RIVALSCOPE_BROWSER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  RIVALSCOPE_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  RIVALSCOPE_HOST_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  RIVALSCOPE_RUN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  RIVALSCOPE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  RIVALSCOPE_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  RIVALSCOPE_BROKEN_AFTER: z.coerce.number().int().min(1).default(3),
  RIVALSCOPE_CATCH_UP_WINDOW_MS: z.coerce.number().int().min(0).default(300_000),
  RIVALSCOPE_TICK_MS: z.coerce.number().int().min(100).default(2000),
  RIVALSCOPE_LEASE_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  RIVALSCOPE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  RIVALSCOPE_USER_AGENT: z.string().min(1).optional(),
  RIVALSCOPE_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  RIVALSCOPE_MAX_PAGE_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  RIVALSCOPE_SCREENSHOT_MAX_BYTES: z.coerce.number().int().min(0).default(512 * 1024),
});

/** RIVALSCOPE_DB is a Postgres URL (postgres://user:pass@host:5432/db): Postgres, else an SQLite file path. */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

export interface Config {
  /** The SQLite file, or a postgres:// URL selecting the Postgres backend (see isPostgresUrl). */
  dbPath: string;
  /** Connections per process to Postgres (unused with SQLite). */
  dbPoolSize: number;
  host: string;
  port: number;
  chromiumPath: string | undefined;
  /** Hosts, IPs or CIDRs that targets may reach although they are private or loopback. */
  allowHosts: string[];
  logLevel: (typeof LOG_LEVELS)[number];
  /** An offer is stale when its last success is older than this many schedule intervals. */
  staleAfter: number;
  /** Webhook attempts per alert delivery, and the delay before the first retry (doubling after). */
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
  /** Run the scheduler inside `serve` (off: API only). */
  schedulerEnabled: boolean;
  /** Runs fetched at once over plain HTTP, and in the browser. */
  staticConcurrency: number;
  browserConcurrency: number;
  /** Politeness per host (host:port): requests at once and minimum delay between their starts. */
  hostConcurrency: number;
  hostDelayMs: number;
  /** A run (fetch + extract) that takes longer fails with `timeout`. */
  runTimeoutMs: number;
  /** Attempts per check, retries included; only retryable failures are retried. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, with jitter. */
  retryBaseMs: number;
  /** Failed checks in a row that mark a target broken. */
  brokenAfter: number;
  /** Overdue targets found at start get one catch-up run each, spread over this window. */
  catchUpWindowMs: number;
  /** How often the scheduler looks for due targets and queued runs. */
  tickMs: number;
  /**
   * A run's lease outlives its timeout by this much, so only a dead process ever lets one expire; another
   * process takes the run back once runTimeoutMs + leaseGraceMs have passed since the claim.
   */
  leaseGraceMs: number;
  /** On SIGTERM: how long running runs may finish before the rest go back to the queue and the process exits. */
  shutdownGraceMs: number;
  userAgent: string | undefined;
  /** Where people reach the service (`https://rivalscope.example.com`), for invite and reset links; else http://host:port. */
  publicUrl: string | undefined;
  /** Pages larger than this fail with `too_large`. */
  maxPageBytes: number;
  /** Screenshots larger than this are not kept (0: no screenshots). */
  screenshotMaxBytes: number;
}

export class ConfigError extends Error {}

/** Parses the environment once; fails fast naming the bad variable. The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration — ${problems}`);
  }
  const e = parsed.data;
  return {
    dbPath: e.RIVALSCOPE_DB,
    dbPoolSize: e.RIVALSCOPE_DB_POOL_SIZE,
    host: e.RIVALSCOPE_HOST,
    port: e.RIVALSCOPE_PORT,
    chromiumPath: e.CHROMIUM_PATH,
    allowHosts: e.RIVALSCOPE_ALLOW_HOSTS,
    logLevel: e.RIVALSCOPE_LOG_LEVEL,
    staleAfter: e.RIVALSCOPE_STALE_AFTER,
    webhookMaxAttempts: e.RIVALSCOPE_WEBHOOK_MAX_ATTEMPTS,
    webhookBackoffMs: e.RIVALSCOPE_WEBHOOK_BACKOFF_MS,
    schedulerEnabled: e.RIVALSCOPE_SCHEDULER === 'on',
    staticConcurrency: e.RIVALSCOPE_STATIC_CONCURRENCY,
    browserConcurrency: e.RIVALSCOPE_BROWSER_CONCURRENCY,
    hostConcurrency: e.RIVALSCOPE_HOST_CONCURRENCY,
    hostDelayMs: e.RIVALSCOPE_HOST_DELAY_MS,
    runTimeoutMs: e.RIVALSCOPE_RUN_TIMEOUT_MS,
    maxAttempts: e.RIVALSCOPE_MAX_ATTEMPTS,
    retryBaseMs: e.RIVALSCOPE_RETRY_BASE_MS,
    brokenAfter: e.RIVALSCOPE_BROKEN_AFTER,
    catchUpWindowMs: e.RIVALSCOPE_CATCH_UP_WINDOW_MS,
    tickMs: e.RIVALSCOPE_TICK_MS,
    leaseGraceMs: e.RIVALSCOPE_LEASE_GRACE_MS,
    shutdownGraceMs: e.RIVALSCOPE_SHUTDOWN_GRACE_MS,
    userAgent: e.RIVALSCOPE_USER_AGENT,
    publicUrl: e.RIVALSCOPE_PUBLIC_URL,
    maxPageBytes: e.RIVALSCOPE_MAX_PAGE_BYTES,
    screenshotMaxBytes: e.RIVALSCOPE_SCREENSHOT_MAX_BYTES,
  };
}

/** A config for tests and tools: defaults overridden by the given fields. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
