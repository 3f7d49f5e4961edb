import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment. Every knob is documented in README.md
 * ("Configuration"); defaults give a zero-setup demo on the embedded database.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().optional(),
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
  CHIDAO_UPLOAD_KEEP_HOURS: z.coerce.number().positive().max(8760).default(24),
  CHIDAO_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CHIDAO_SMTP_URL: z.string().optional(),
  CHIDAO_MAIL_FROM: z.string().default('chidao <no-reply@chidao.local>'),
  CHIDAO_PUBLIC_URL: z.string().optional(),
  CHIDAO_WORKER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  CHIDAO_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  CHIDAO_DOSSIER_IMPORT_MAX_MB: z.coerce.number().positive().default(4096),
  CHIDAO_DEMO_DOSSIERS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  CHIDAO_DOSSIER_EXPORT_KEEP_DAYS: z.coerce.number().int().min(1).default(7),
  CHIDAO_DOSSIER_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  CHIDAO_METRICS_TOKEN: z.string().trim().min(16).optional(),
  CHIDAO_WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
});

import { loadHotlineMailConfig, type HotlineMailConfig } from './modules/hotline/mail/mail-config.js';

export type Config = {
  port: number;
  /** The hotline's e-mail inbox (server/modules/hotline/mail/README.md): off unless configured. */
  hotlineMail: HotlineMailConfig;
  /**
   * Listen address from `HOST`; `undefined` = not set: 127.0.0.1 while the demo accounts are active (their
   * password is public), else 0.0.0.0 (see `listenHost` in boot.ts).
   */
  host: string | undefined;
  /** `undefined` means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  demo: 'auto' | 'on' | 'off';
  /** Largest one-stop export accepted by the dossier file import (streamed: memory does not grow with it). */
  dossierImportMaxBytes: number;
  /** Generated dossiers imported on the first start of the demo (0: none). */
  demoDossiers: number;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: 'auto' | boolean };
  login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  uploadMaxBytes: number;
  /** Hours an evidence upload that no action cites is kept before it is removed. */
  uploadKeepHours: number;
  trustProxy: boolean;
  /** Inbox, e-mail and reminders (server/modules/notifications). */
  notifications: NotificationsConfig;
  /** Excel exports of the dossier dashboard (server/modules/dossiers/export). */
  dossierExports: { keepDays: number; maxDossierRows: number };
  /** Folder holding the built web UI (index.html); served at `/` when present. */
  webRoot: string;
  /** Bearer token a Prometheus scraper sends to `/metrics` (else an administrator's session is needed). */
  metricsToken: string | undefined;
  /**
   * Worker threads for the CPU-heavy part of background jobs (server/core/jobs); 0 runs it on the main thread.
   * Default: one core left to the main thread, at most two workers.
   */
  workerThreads: number;
};

export type NotificationsConfig = {
  /** smtp://user:pass@host:587 or smtps://…; `undefined` = e-mails are not sent (jobs marked skipped). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of the links in e-mails (e.g. https://chidao.example.gov.vn); paths only when unset. */
  publicUrl: string | undefined;
  /** Seconds between the background worker's passes once the server listens; 0 = no worker. */
  workerIntervalSeconds: number;
  /** Hour (Vietnam time) of the daily digest for users who have not chosen one. */
  digestHour: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(e.CHIDAO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST || undefined,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir,
    demo: e.CHIDAO_DEMO,
    demoDossiers: e.CHIDAO_DEMO_DOSSIERS,
    dossierImportMaxBytes: Math.round(e.CHIDAO_DOSSIER_IMPORT_MAX_MB * 1024 * 1024),
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
    uploadKeepHours: e.CHIDAO_UPLOAD_KEEP_HOURS,
    trustProxy: e.CHIDAO_TRUST_PROXY === 'true',
    notifications: {
      smtpUrl: e.CHIDAO_SMTP_URL || undefined,
      mailFrom: e.CHIDAO_MAIL_FROM,
      publicUrl: e.CHIDAO_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
      workerIntervalSeconds: e.CHIDAO_WORKER_INTERVAL_SECONDS,
      digestHour: e.CHIDAO_DIGEST_HOUR,
    },
    dossierExports: {
      keepDays: e.CHIDAO_DOSSIER_EXPORT_KEEP_DAYS,
      maxDossierRows: e.CHIDAO_DOSSIER_EXPORT_MAX_ROWS,
    },
    hotlineMail: loadHotlineMailConfig(env),
    webRoot: path.resolve('dist/web'),
    metricsToken: e.CHIDAO_METRICS_TOKEN || undefined,
    workerThreads: e.CHIDAO_WORKER_THREADS ?? Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    ...overrides,
  };
}
