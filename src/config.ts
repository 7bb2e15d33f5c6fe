import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  RIVALSCOPE_DB: z.string().min(1).default('./data/rivalscope.db'),
  RIVALSCOPE_HOST: z.string().min(1).default('127.0.0.1'),
  RIVALSCOPE_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  CHROMIUM_PATH: z.string().min(1).optional(),
  RIVALSCOPE_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean)),
  RIVALSCOPE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface Config {
  dbPath: string;
  host: string;
  port: number;
  chromiumPath: string | undefined;
  /** Hosts, IPs or CIDRs that targets may reach although they are private or loopback. */
  allowHosts: string[];
  logLevel: (typeof LOG_LEVELS)[number];
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
    host: e.RIVALSCOPE_HOST,
    port: e.RIVALSCOPE_PORT,
    chromiumPath: e.CHROMIUM_PATH,
    allowHosts: e.RIVALSCOPE_ALLOW_HOSTS,
    logLevel: e.RIVALSCOPE_LOG_LEVEL,
  };
}

/** A config for tests and tools: defaults overridden by the given fields. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
