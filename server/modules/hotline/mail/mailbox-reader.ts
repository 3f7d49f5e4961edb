/**
 * Reads the hotline's mailbox by IMAP when the province keeps the address on its own mail server: every
 * poll opens a connection, takes the unseen messages oldest first, parses each and hands it to the sink,
 * marks it \Seen only once the sink has recorded it (a failed one stays unseen and is read again at the
 * next poll), and logs out.
 *
 * - Never two polls at once: `pollOnce()` during a poll returns that poll.
 * - A poll that fails (connection, login, the mailbox) is tried again after 5 s, then 10 s, 20 s… up to
 *   15 minutes, then at the interval again once one succeeds.
 * - A message marked \Seen by someone reading the mailbox by hand is not taken: the mailbox is chidao's.
 * - The credentials come only from the URL and are never logged (`redactMailboxUrl`).
 *
 * The IMAP client sits behind `MailboxSession`, so the poller is tested against an in-memory mailbox;
 * `imapConnector` is the thin imapflow adapter.
 */
import type { ConnectionOptions } from 'node:tls';
import { ImapFlow } from 'imapflow';
import { parseMail, type MailLog, type MailSink } from './inbound-mail.js';
import { parseMailboxUrl, redactMailboxUrl } from './mail-config.js';

export type MailboxMessage = { uid: number; raw: Buffer; receivedAt: Date | null };

/** One open connection to the mailbox folder. */
export type MailboxSession = {
  /** UIDs of the messages not yet \Seen, in any order. */
  unseen(): Promise<number[]>;
  /** The raw message without marking it seen; null when it is gone (expunged meanwhile). */
  fetch(uid: number): Promise<MailboxMessage | null>;
  markSeen(uid: number): Promise<void>;
  close(): Promise<void>;
};

export type MailboxConnect = () => Promise<MailboxSession>;

export type PollResult = {
  /** Messages recorded by the sink and marked seen. */
  recorded: number;
  /** Of those, messages the sink had already recorded (read twice: same Message-ID). */
  duplicates: number;
  /** Messages left unseen for the next poll (unreadable, or the sink failed). */
  failed: number;
};

export type MailboxPollerOptions = {
  /** `imaps://user:pass@host:993/INBOX` (or `imap://…`, which must upgrade with STARTTLS). */
  url: string;
  intervalSeconds: number;
  sink: MailSink;
  log: MailLog;
  /** The IMAP client (default: imapflow at `url`); tests pass an in-memory mailbox. */
  connect?: MailboxConnect;
};

export type MailboxPoller = {
  /** One poll now, or the one already running. Rejects when the mailbox could not be read. */
  pollOnce(): Promise<PollResult>;
  /** Stops the timer and waits for a running poll (it ends after the message in hand). */
  stop(): Promise<void>;
};

const BACKOFF_FIRST_MS = 5_000;
const BACKOFF_MAX_MS = 15 * 60_000;

/** The wait after `failures` polls in a row failed. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
}

/** The poller without its timer: `pollOnce` and `stop` only. */
export function createMailboxPoller(options: MailboxPollerOptions): MailboxPoller & {
  /** Consecutive failed polls (the backoff). */
  readonly failures: number;
  readonly stopped: boolean;
} {
  const { sink, log } = options;
  const where = redactMailboxUrl(options.url);
  const connect = options.connect ?? imapConnector(options.url, log);
  let running: Promise<PollResult> | undefined;
  let failures = 0;
  let stopped = false;

  async function poll(): Promise<PollResult> {
    const result: PollResult = { recorded: 0, duplicates: 0, failed: 0 };
    const session = await connect();
    try {
      const uids = [...new Set(await session.unseen())].sort((a, b) => a - b);
      for (const uid of uids) {
        if (stopped) break;
        const message = await session.fetch(uid);
        if (!message) continue;
        let outcome: { code: string; created: boolean };
        try {
          const mail = await parseMail(message.raw, { receivedAt: message.receivedAt ?? new Date() });
          outcome = await sink(mail);
        } catch (err) {
          result.failed++;
          log(`hotline mailbox ${where}: message ${uid} not recorded, left unseen for the next poll`, err);
          continue;
        }
        // A connection lost here leaves the message unseen: read again next poll, the same case (Message-ID).
        await session.markSeen(uid);
        result.recorded++;
        if (!outcome.created) result.duplicates++;
        log(
          `hotline mailbox ${where}: message ${uid} → case ${outcome.code}` +
            (outcome.created ? '' : ' (already received)'),
        );
      }
    } finally {
      await session.close().catch(() => undefined);
    }
    return result;
  }

  function pollOnce(): Promise<PollResult> {
    if (stopped && !running) return Promise.resolve({ recorded: 0, duplicates: 0, failed: 0 });
    running ??= poll()
      .then(
        (result) => {
          failures = 0;
          return result;
        },
        (err: unknown) => {
          failures++;
          log(`hotline mailbox ${where}: could not be read (attempt ${failures})`, err);
          throw err;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    pollOnce,
    async stop() {
      stopped = true;
      await running?.catch(() => undefined);
    },
    get failures() {
      return failures;
    },
    get stopped() {
      return stopped;
    },
  };
}

/** The poller with its timer: the first poll at once, then every interval (backoff after failures). */
export function startMailboxPoller(options: MailboxPollerOptions): MailboxPoller {
  const poller = createMailboxPoller(options);
  let timer: NodeJS.Timeout | undefined;

  const schedule = (ms: number) => {
    if (poller.stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick() {
    timer = undefined;
    poller.pollOnce().then(
      () => schedule(options.intervalSeconds * 1000),
      () => schedule(backoffMs(poller.failures)),
    );
  }
  options.log(`hotline mailbox ${redactMailboxUrl(options.url)}: read every ${options.intervalSeconds} s`);
  schedule(0);

  return {
    pollOnce: poller.pollOnce,
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await poller.stop();
    },
  };
}

/**
 * imapflow behind `MailboxSession`: one connection per poll, the folder of the URL opened read-write.
 * `tls` adds Node TLS options (a test's own CA).
 */
export function imapConnector(url: string, log: MailLog, tls?: ConnectionOptions): MailboxConnect {
  const target = parseMailboxUrl(url);
  const where = redactMailboxUrl(url);
  return async () => {
    const client = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      // imap:// must upgrade: the password never crosses the network in clear.
      doSTARTTLS: target.secure ? undefined : true,
      auth: { user: target.user, pass: target.password },
      ...(tls ? { tls } : {}),
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 30_000,
      socketTimeout: 120_000,
    });
    // Socket errors also reject the command in progress; without a listener they would end the process.
    client.on('error', (err: unknown) => log(`hotline mailbox ${where}: connection error`, err));
    await client.connect();
    try {
      await client.mailboxOpen(target.mailbox);
    } catch (err) {
      await client.logout().catch(() => client.close());
      throw err;
    }
    return {
      async unseen() {
        return (await client.search({ seen: false }, { uid: true })) || [];
      },
      async fetch(uid) {
        const m = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (!m || !m.source) return null;
        return { uid, raw: m.source, receivedAt: m.internalDate ? new Date(m.internalDate) : null };
      },
      async markSeen(uid) {
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      },
      async close() {
        await client.logout().catch(() => client.close());
      },
    };
  };
}
