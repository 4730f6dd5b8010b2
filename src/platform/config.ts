/**
 * @module config
 * The service is configured from the environment only. Every value is validated with zod; a bad value
 * is reported as one readable line per problem and the process exits, without a stack trace.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

export const REAL_HOSTS = {
  loketApiUrl: 'https://api.loket.nl/v2',
  loketOauthUrl: 'https://oauth.loket.nl',
  loketAccApiUrl: 'https://api.loket-acc.nl/v2',
  loketAccOauthUrl: 'https://oauth.loket-acc.nl',
  yukiApiUrl: 'https://api.yukiworks.nl',
} as const;

const url = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));
const masterKey = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** One IPv4/IPv6 address, or a CIDR range such as `10.0.0.0/8` or `fd00::/8`. */
const ipOrCidr = z.string().refine((value) => {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}, 'must be IP addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)');

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_MASTER_KEY: masterKey.optional(),
  /** Earlier master keys, comma-separated, while `keys rotate` moves data keys to the current one. */
  APP_MASTER_KEY_PREVIOUS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(masterKey))
    .default([]),
  LOKET_API_URL: url.default(REAL_HOSTS.loketApiUrl),
  LOKET_OAUTH_URL: url.default(REAL_HOSTS.loketOauthUrl),
  LOKET_ACC_API_URL: url.default(REAL_HOSTS.loketAccApiUrl),
  LOKET_ACC_OAUTH_URL: url.default(REAL_HOSTS.loketAccOauthUrl),
  /** Loket JSON answers above this many megabytes are refused unread. */
  LOKET_MAX_RESPONSE_MB: z.coerce.number().positive().max(1024).default(32),
  YUKI_API_URL: url.default(REAL_HOSTS.yukiApiUrl),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  OPERATOR_EMAIL: z.email().default('administratie@yuki.nl'),
  PUBLIC_URL: url.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reverse proxies whose X-Forwarded-For is believed; nobody else's is (it is trivial to forge). */
  TRUSTED_PROXIES: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ipOrCidr))
    .default([]),
  /** Bearer token that /metrics requires on the service's own port; without it (and METRICS_PORT) no /metrics. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** A separate port that serves only /metrics (bind it where only Prometheus reaches it). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Years of import history (runs and items) kept; 7 fits the Dutch fiscal retention duty. */
  RETENTION_IMPORT_HISTORY_YEARS: z.coerce.number().int().min(1).max(50).default(7),
  /** Years of audit events kept; 7 fits the Dutch fiscal retention duty for records of bookings. */
  RETENTION_AUDIT_YEARS: z.coerce.number().int().min(1).max(50).default(7),
  /** Days of request-like logs kept: refusal counts and the mail outbox. */
  RETENTION_REQUEST_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Minutes between two polls of Loket's provider-wide payroll status (issue 13 P6: approval → Yuki ≤ 5 min). */
  LOKET_POLL_MINUTES: z.coerce.number().int().min(1).max(30).default(3),
  /** Largest request body taken, in bytes; larger ones get 413 before anything reads them. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
});

export type Mode = 'production' | 'demo';

export type Config = {
  mode: Mode;
  databaseUrl: string | undefined;
  port: number;
  dataDir: string;
  /** Absent only in demo mode before the runtime generates one into the data dir. */
  masterKey: string | undefined;
  previousMasterKeys: string[];
  loket: {
    production: { apiUrl: string; oauthUrl: string };
    acceptance: { apiUrl: string; oauthUrl: string };
    /** The size cap of one Loket JSON answer. */
    maxJsonBytes: number;
    /** Minutes between freshness polls (sync/freshness-poll). */
    pollMinutes: number;
  };
  yukiApiUrl: string;
  smtpUrl: string | undefined;
  operatorEmail: string;
  publicUrl: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  trustedProxies: string[];
  maxBodyBytes: number;
  metrics: { token: string | undefined; port: number | undefined };
  retention: { importHistoryYears: number; auditYears: number; requestLogDays: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv, mode: Mode): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  if (mode === 'production' && !values.APP_MASTER_KEY) {
    throw new ConfigError([
      'APP_MASTER_KEY: required outside demo mode (32 random bytes, base64: `openssl rand -base64 32`)',
    ]);
  }
  return {
    mode,
    databaseUrl: values.DATABASE_URL,
    port: values.PORT,
    dataDir: values.DATA_DIR,
    masterKey: values.APP_MASTER_KEY,
    previousMasterKeys: values.APP_MASTER_KEY_PREVIOUS,
    loket: {
      production: { apiUrl: values.LOKET_API_URL, oauthUrl: values.LOKET_OAUTH_URL },
      acceptance: { apiUrl: values.LOKET_ACC_API_URL, oauthUrl: values.LOKET_ACC_OAUTH_URL },
      maxJsonBytes: Math.round(values.LOKET_MAX_RESPONSE_MB * 1_048_576),
      pollMinutes: values.LOKET_POLL_MINUTES,
    },
    yukiApiUrl: values.YUKI_API_URL,
    smtpUrl: values.SMTP_URL,
    operatorEmail: values.OPERATOR_EMAIL,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    logLevel: values.LOG_LEVEL,
    trustedProxies: values.TRUSTED_PROXIES,
    maxBodyBytes: values.MAX_BODY_BYTES,
    metrics: { token: values.METRICS_TOKEN, port: values.METRICS_PORT },
    retention: {
      importHistoryYears: values.RETENTION_IMPORT_HISTORY_YEARS,
      auditYears: values.RETENTION_AUDIT_YEARS,
      requestLogDays: values.RETENTION_REQUEST_LOG_DAYS,
    },
  };
}
