import { z } from 'zod';
import { parseDataKeySecret, type DataKey } from './platform/crypto/sealing';
import { parseStorageUrl, type StorageTarget } from './platform/files/storage-url';

/**
 * The only place that reads process.env. Every problem is reported at once, then the process exits,
 * so an operator fixes a bad deployment in one round.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a 2-digit official province code')
    .default('80'),
  // No default here: it depends on NODE_ENV (see seedOf), so a forgotten SEED never publishes demo accounts.
  SEED: z.enum(['demo', 'none']).optional(),
  DEMO_PASSWORD: z.string().min(8).default('CongDongSo@2026'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  COOKIE_SECURE: booleanish.optional(),
  TRUST_PROXY: booleanish.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Cộng Đồng Số <no-reply@congdongso.local>'),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  // No default in the schema: whether it was set decides the demo console's request logs (see requestLogs).
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  JOBS: z.enum(['on', 'off']).default('on'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Many phones share one carrier-NAT or commune Wi-Fi address, so the anonymous ceiling is per address and higher.
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  RETENTION_DAYS_OPERATIONAL: z.coerce.number().int().min(1).max(3650).default(30),
  WEB_DIST: z.string().default('./dist/web'),
  // Photos and files (platform/files): where they are stored, and what an upload may weigh before it is decoded.
  STORAGE_URL: z.string().superRefine(storageUrlProblem).optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  UPLOAD_MAX_PIXELS: z.coerce.number().int().min(1_000_000).max(268_402_689).default(40_000_000),
  // The public map's background tiles (issue 10): optional; without it the map draws the boundaries it holds.
  MAP_TILE_URL: z.string().superRefine(mapTileUrlProblem).optional(),
  // Sealed contact data (platform/crypto): the current key, its version, and older keys a rotation still reads.
  DATA_KEY: z
    .string()
    .refine(isDataKey, 'must be the base64 encoding of 32 random bytes (openssl rand -base64 32)')
    .optional(),
  DATA_KEY_VERSION: z.coerce.number().int().min(1).default(1),
  DATA_KEYS_PREVIOUS: z
    .string()
    .regex(
      /^\d+:[A-Za-z0-9+/=]+(,\d+:[A-Za-z0-9+/=]+)*$/,
      'must be "<version>:<base64 key>" items separated by commas',
    )
    .refine(
      (v) => v.split(',').every((item) => isDataKey(item.slice(item.indexOf(':') + 1))),
      'each key must be the base64 encoding of 32 random bytes',
    )
    .optional(),
});

function isDataKey(value: string): boolean {
  try {
    parseDataKeySecret(value);
    return true;
  } catch {
    return false;
  }
}

function storageUrlProblem(value: string, ctx: z.RefinementCtx): void {
  try {
    parseStorageUrl(value, '.');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

/**
 * A tile address template as Leaflet reads it: https only (a page served over https loads no http image), with
 * {z}, {x} and {y}; {s} may stand for a subdomain. Returns the CSP img-src source its images come from.
 */
export function mapTileSource(template: string): string {
  if (!/^https:\/\//.test(template)) throw new Error('must start with https://');
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!template.includes(part))
      throw new Error(`must contain ${part} (for example https://tile.example.vn/{z}/{x}/{y}.png)`);
  }
  // {s} (a subdomain picked per tile) becomes a wildcard label; any other placeholder is refused in the host.
  const hostPart = template.slice('https://'.length).split('/')[0]!;
  const host = hostPart.replace(/^\{s\}\./, '*.');
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(host)) {
    throw new Error('must name a plain host name (only a leading {s}. may stand for a subdomain)');
  }
  try {
    new URL(template.replace(/\{[a-z]+\}/g, '0'));
  } catch {
    throw new Error('must be a URL template such as https://tile.example.vn/{z}/{x}/{y}.png');
  }
  return `https://${host.toLowerCase()}`;
}

function mapTileUrlProblem(value: string, ctx: z.RefinementCtx): void {
  try {
    mapTileSource(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET)
    problems.push('WEBHOOK_SECRET: required when WEBHOOK_URL is set');
  if (env.NODE_ENV === 'production' && !env.DATA_KEY) {
    problems.push(
      "DATA_KEY: required with NODE_ENV=production — the key that seals phone numbers and citizens' e-mail addresses " +
        '(base64 of 32 random bytes: openssl rand -base64 32). Keep it outside the database and its backups.',
    );
  }
  if (env.DATA_KEYS_PREVIOUS && !env.DATA_KEY)
    problems.push('DATA_KEYS_PREVIOUS: needs DATA_KEY (the current key)');
  const previous = (env.DATA_KEYS_PREVIOUS ?? '').split(',').filter(Boolean);
  const versions = previous.map((item) => Number(item.split(':')[0]));
  const current = Number(env.DATA_KEY_VERSION ?? 1);
  if (new Set([...versions, current]).size !== versions.length + 1) {
    problems.push('DATA_KEYS_PREVIOUS: each key version appears once, and not as DATA_KEY_VERSION');
  }
  if (env.NODE_ENV === 'production' && env.SEED === 'demo') {
    problems.push(
      'SEED: "demo" is refused with NODE_ENV=production: it publishes demo accounts with a known password and a readable ' +
        'mail outbox. Use SEED=none (the production default), or run a demo install without NODE_ENV=production.',
    );
  }
  return problems;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  provinceCode: string;
  seed: 'demo' | 'none';
  demoPassword: string;
  admin: { email: string; password: string } | undefined;
  publicUrl: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  webhook: { url: string; secret: string } | undefined;
  logLevel: string;
  /**
   * Whether each request is logged (two JSON lines). Off only in demo mode without an explicit LOG_LEVEL, so the
   * demo-account table stays on the console; production and any chosen LOG_LEVEL log every request.
   */
  requestLogs: boolean;
  jobsEnabled: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  rateLimitAnonymousPerMinute: number;
  /** Bearer token that opens GET /metrics; without it /metrics answers 404. */
  metricsToken: string | undefined;
  /** Days that finished jobs, dispatched events and delivered mail are kept (never the audit log). */
  retentionDaysOperational: number;
  webDist: string;
  /** Where files live: DATA_DIR/files unless STORAGE_URL names an S3-compatible bucket or another folder. */
  storage: StorageTarget;
  /** Limits every upload is checked against before it is decoded (platform/files/images.ts). */
  uploads: { maxBytes: number; maxPixels: number };
  /**
   * MAP_TILE_URL: the public map's tile template and the CSP img-src source it needs; undefined draws the map from
   * the boundaries alone and lets the browser load images from no other host.
   */
  mapTiles: { url: string; cspSource: string } | undefined;
  /**
   * The data keys from DATA_KEY (current) and DATA_KEYS_PREVIOUS; undefined when none is configured (development
   * and demo installs: a key is generated into DATA_DIR, see platform/crypto/data-keys.ts).
   */
  dataKeys: { currentVersion: number; keys: DataKey[] } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  // Cross-field rules are checked on the raw values too, so they are reported with the field errors.
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  // Production starts empty unless told otherwise; a development or demo install shows the demo province.
  const seed = e.SEED ?? (e.NODE_ENV === 'production' ? 'none' : 'demo');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    provinceCode: e.PROVINCE_CODE,
    seed,
    demoPassword: e.DEMO_PASSWORD,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    webhook: e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } : undefined,
    logLevel: e.LOG_LEVEL ?? 'info',
    requestLogs: e.LOG_LEVEL !== undefined || seed !== 'demo',
    jobsEnabled: e.JOBS === 'on',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitAnonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN,
    retentionDaysOperational: e.RETENTION_DAYS_OPERATIONAL,
    webDist: e.WEB_DIST,
    storage: parseStorageUrl(e.STORAGE_URL, e.DATA_DIR),
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, maxPixels: e.UPLOAD_MAX_PIXELS },
    mapTiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, cspSource: mapTileSource(e.MAP_TILE_URL) } : undefined,
    dataKeys: e.DATA_KEY
      ? {
          currentVersion: e.DATA_KEY_VERSION,
          keys: [
            { version: e.DATA_KEY_VERSION, secret: parseDataKeySecret(e.DATA_KEY) },
            ...(e.DATA_KEYS_PREVIOUS ?? '')
              .split(',')
              .filter(Boolean)
              .map((item) => ({
                version: Number(item.slice(0, item.indexOf(':'))),
                secret: parseDataKeySecret(item.slice(item.indexOf(':') + 1)),
              })),
          ],
        }
      : undefined,
  };
}

/** Demo mode: the demo province is loaded and its accounts may be shown publicly. */
export function isDemoMode(config: Config): boolean {
  return config.seed === 'demo';
}
