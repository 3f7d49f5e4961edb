/**
 * The hotline e-mail settings, read from the environment (README.md beside this file). Both sources are off
 * unless configured: the SMTP listener when `CHIDAO_HOTLINE_SMTP_PORT` is set, the mailbox poller when
 * `CHIDAO_HOTLINE_IMAP_URL` is. An empty variable counts as unset.
 */
import { z } from 'zod';

export type HotlineMailConfig = {
  /** The hotline addresses (lower case): the only recipients the listener accepts. */
  addresses: string[];
  /** `undefined`: no SMTP listener. */
  smtp:
    | {
        host: string;
        port: number;
        maxMessageBytes: number;
        /** PEM file paths; `undefined`: no STARTTLS. */
        tls: { key: string; cert: string } | undefined;
      }
    | undefined;
  /** `undefined`: no mailbox poller. */
  imap: { url: string; intervalSeconds: number } | undefined;
};

export type HotlineMailConfigResult =
  { ok: true; config: HotlineMailConfig } | { ok: false; errors: string[] };

/** What an IMAP URL names: `imaps://user:pass@host:993/INBOX`. */
export type MailboxTarget = {
  secure: boolean;
  host: string;
  port: number;
  user: string;
  password: string;
  mailbox: string;
};

/** Parts of an `imap://` or `imaps://` URL, user and password percent-decoded; throws when it is not one. */
export function parseMailboxUrl(url: string): MailboxTarget {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:')
    throw new Error('the URL must be imap:// or imaps://');
  if (!u.hostname) throw new Error('the URL has no host');
  if (!u.username || !u.password) throw new Error('the URL must carry the user and the password');
  const secure = u.protocol === 'imaps:';
  const mailbox = decodeURIComponent(u.pathname.replace(/^\/+/, '').replace(/\/+$/, ''));
  return {
    secure,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    mailbox: mailbox || 'INBOX',
  };
}

/** The URL as it may be logged: the password replaced, or a placeholder when it does not parse. */
export function redactMailboxUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid IMAP URL)';
  }
}

const emailList = z.string().transform((s, ctx) => {
  const list = [
    ...new Set(
      s
        .split(',')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  for (const a of list)
    if (!z.email().safeParse(a).success)
      ctx.addIssue({ code: 'custom', message: `not an e-mail address: ${a}` });
  return list;
});

const mailboxUrl = z.string().superRefine((s, ctx) => {
  try {
    parseMailboxUrl(s);
  } catch (err) {
    // Never echo the URL: it holds the password.
    const why = err instanceof TypeError ? 'not a URL' : (err as Error).message;
    ctx.addIssue({ code: 'custom', message: `${why} (imaps://user:password@host:993/INBOX)` });
  }
});

const envSchema = z.object({
  CHIDAO_HOTLINE_ADDRESSES: emailList.optional(),
  CHIDAO_HOTLINE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  CHIDAO_HOTLINE_SMTP_HOST: z.string().default('0.0.0.0'),
  CHIDAO_HOTLINE_SMTP_MAX_MB: z.coerce.number().positive().max(1024).default(25),
  CHIDAO_HOTLINE_SMTP_TLS_KEY: z.string().optional(),
  CHIDAO_HOTLINE_SMTP_TLS_CERT: z.string().optional(),
  CHIDAO_HOTLINE_IMAP_URL: mailboxUrl.optional(),
  CHIDAO_HOTLINE_IMAP_INTERVAL: z.coerce.number().int().min(10).max(86_400).default(60),
});

type EnvKey = keyof typeof envSchema.shape;

/** Reads the settings; every problem is named with its variable. */
export function parseHotlineMailConfig(env: Record<string, string | undefined>): HotlineMailConfigResult {
  // Only our variables, trimmed; an empty one is unset.
  const own: Partial<Record<EnvKey, string>> = {};
  for (const key of Object.keys(envSchema.shape) as EnvKey[]) {
    const value = env[key]?.trim();
    if (value) own[key] = value;
  }
  const parsed = envSchema.safeParse(own);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'hotline mail'}: ${i.message}`),
    };
  const e = parsed.data;
  const errors: string[] = [];
  const addresses = e.CHIDAO_HOTLINE_ADDRESSES ?? [];
  if (e.CHIDAO_HOTLINE_SMTP_PORT !== undefined && addresses.length === 0)
    errors.push('CHIDAO_HOTLINE_ADDRESSES: the SMTP listener needs the hotline addresses it accepts');
  if (!e.CHIDAO_HOTLINE_SMTP_TLS_KEY !== !e.CHIDAO_HOTLINE_SMTP_TLS_CERT)
    errors.push('CHIDAO_HOTLINE_SMTP_TLS_KEY / CHIDAO_HOTLINE_SMTP_TLS_CERT: give both files or neither');
  if (errors.length) return { ok: false, errors };

  return {
    ok: true,
    config: {
      addresses,
      smtp:
        e.CHIDAO_HOTLINE_SMTP_PORT === undefined
          ? undefined
          : {
              host: e.CHIDAO_HOTLINE_SMTP_HOST,
              port: e.CHIDAO_HOTLINE_SMTP_PORT,
              maxMessageBytes: Math.round(e.CHIDAO_HOTLINE_SMTP_MAX_MB * 1024 * 1024),
              tls:
                e.CHIDAO_HOTLINE_SMTP_TLS_KEY && e.CHIDAO_HOTLINE_SMTP_TLS_CERT
                  ? { key: e.CHIDAO_HOTLINE_SMTP_TLS_KEY, cert: e.CHIDAO_HOTLINE_SMTP_TLS_CERT }
                  : undefined,
            },
      imap: e.CHIDAO_HOTLINE_IMAP_URL
        ? { url: e.CHIDAO_HOTLINE_IMAP_URL, intervalSeconds: e.CHIDAO_HOTLINE_IMAP_INTERVAL }
        : undefined,
    },
  };
}

/** `parseHotlineMailConfig`, throwing one error that lists the problems (for `loadConfig`). */
export function loadHotlineMailConfig(env: Record<string, string | undefined>): HotlineMailConfig {
  const result = parseHotlineMailConfig(env);
  if (!result.ok) throw new Error(`Invalid hotline mail settings:\n  ${result.errors.join('\n  ')}`);
  return result.config;
}
