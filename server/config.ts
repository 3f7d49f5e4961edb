import path from 'node:path';
import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment. Every knob is documented in README.md
 * ("Configuration"); defaults give a zero-setup demo on the embedded database.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  CHIDAO_DATA_DIR: z.string().default('./data'),
  CHIDAO_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  CHIDAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHIDAO_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  CHIDAO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  CHIDAO_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  CHIDAO_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  CHIDAO_LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  CHIDAO_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  CHIDAO_UPLOAD_MAX_MB: z.coerce.number().positive().default(25),
  CHIDAO_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export type Config = {
  port: number;
  host: string;
  /** `undefined` means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: 'auto' | 'on' | 'off';
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: 'auto' | boolean };
  login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  uploadMaxBytes: number;
  trustProxy: boolean;
  /** Folder holding the built web UI (index.html); served at `/` when present. */
  webRoot: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(e.CHIDAO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir,
    demo: e.CHIDAO_DEMO,
    logLevel: e.CHIDAO_LOG_LEVEL,
    session: {
      idleMinutes: e.CHIDAO_SESSION_IDLE_MINUTES,
      absoluteHours: e.CHIDAO_SESSION_ABSOLUTE_HOURS,
      secureCookie: e.CHIDAO_COOKIE_SECURE === 'auto' ? 'auto' : e.CHIDAO_COOKIE_SECURE === 'true',
    },
    login: {
      maxFailures: e.CHIDAO_LOGIN_MAX_FAILURES,
      lockMinutes: e.CHIDAO_LOGIN_LOCK_MINUTES,
      ratePerMinute: e.CHIDAO_LOGIN_RATE_PER_MINUTE,
    },
    uploadMaxBytes: Math.round(e.CHIDAO_UPLOAD_MAX_MB * 1024 * 1024),
    trustProxy: e.CHIDAO_TRUST_PROXY === 'true',
    webRoot: path.resolve('dist/web'),
    ...overrides,
  };
}
