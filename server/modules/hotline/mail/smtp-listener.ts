/**
 * chidao's own SMTP listener for the hotline address: it receives mail the way an MX does (no AUTH, no
 * relaying), so the province points the address's MX record, or its mail gateway's forwarding, at it.
 *
 * - RCPT TO outside the hotline addresses (case-insensitive) → 550: never an open relay.
 * - Over `maxMessageBytes` → 552 (announced by SIZE; a sender that ignores it is refused after DATA, and
 *   what it sent past the limit is not kept).
 * - Each message is parsed in its own connection's DATA handler and handed to the sink; the 250 comes only
 *   once the sink has recorded the case. A sink failure → 451, so the sending server tries again later
 *   (the sink keys cases by Message-ID, so a retry after a lost 250 makes no second case).
 * - A message that cannot be parsed at all → 554: a retry would fail the same way, and the sender's
 *   bounce tells the citizen.
 * - STARTTLS only when a key and certificate are given.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { parseMail, type InboundMail, type MailLog, type MailSink } from './inbound-mail.js';

export type HotlineSmtpOptions = {
  host: string;
  /** 0 = any free port (tests); the port taken is returned. */
  port: number;
  /** The hotline addresses; any other recipient is refused. */
  addresses: string[];
  maxMessageBytes: number;
  sink: MailSink;
  log: MailLog;
  /** Paths of the PEM key and certificate; STARTTLS is offered only with them. */
  tls?: { key: string; cert: string } | undefined;
};

export type HotlineSmtp = { port: number; close(): Promise<void> };

/**
 * Connections served at once. Each holds at most one message of `maxMessageBytes` in memory, so this
 * bounds the listener's memory (20 × 25 MB); a sending server that finds it full retries later.
 */
const MAX_CLIENTS = 20;
/** How long `close()` lets open connections finish their transaction before cutting them. */
const CLOSE_TIMEOUT_MS = 15_000;

/** An error smtp-server answers with `code`. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the DATA stream, keeping at most `max` bytes; null when the message was larger. */
function readMessage(stream: SMTPServerDataStream, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(stream.sizeExceeded || size > max ? null : Buffer.concat(chunks, size)));
  });
}

export async function startHotlineSmtp(options: HotlineSmtpOptions): Promise<HotlineSmtp> {
  const { sink, log, maxMessageBytes } = options;
  const accepted = new Set(options.addresses.map((a) => a.trim().toLowerCase()));
  const tls = options.tls
    ? { key: await readFile(options.tls.key), cert: await readFile(options.tls.cert) }
    : undefined;

  async function deliver(raw: Buffer, session: SMTPServerSession): Promise<string> {
    let mail: InboundMail;
    try {
      mail = await parseMail(raw, { receivedAt: new Date() });
    } catch (err) {
      log(`hotline mail: a message could not be read and was refused (${session.id})`, err);
      throw smtpError(554, 'Error: the message could not be read');
    }
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const received: InboundMail = {
      ...mail,
      from: mail.from.address ? mail.from : { name: mail.from.name, address: envelopeFrom },
      to: session.envelope.rcptTo.map((r) => r.address),
    };
    try {
      const result = await sink(received);
      log(
        `hotline mail ${received.messageId ?? '(no Message-ID)'} → case ${result.code}` +
          (result.created ? '' : ' (already received)'),
      );
    } catch (err) {
      log(
        `hotline mail ${received.messageId ?? '(no Message-ID)'}: not recorded, the sender will retry`,
        err,
      );
      throw smtpError(451, 'Error: temporary failure, please try again later');
    }
    return 'OK: received';
  }

  const server = new SMTPServer({
    banner: 'chidao hotline',
    logger: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !tls,
    ...(tls ?? {}),
    size: maxMessageBytes,
    rejectOversized: true,
    disableReverseLookup: true,
    maxClients: MAX_CLIENTS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onRcptTo(address, _session, callback) {
      if (accepted.has(address.address.trim().toLowerCase())) return callback();
      callback(smtpError(550, `Error: no such mailbox here: ${address.address}`));
    },
    onData(stream, session, callback) {
      readMessage(stream, maxMessageBytes)
        .then((raw) => {
          if (!raw) throw smtpError(552, 'Error: message exceeds fixed maximum message size');
          return deliver(raw, session);
        })
        .then(
          (message) => callback(null, message),
          (err: unknown) => callback(err instanceof Error ? err : smtpError(451, 'Error: temporary failure')),
        );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log('hotline SMTP listener error', err));
  const port = (server.server.address() as AddressInfo).port;
  log(`hotline SMTP listener on ${options.host}:${port}${tls ? ' (STARTTLS)' : ''}`);

  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
