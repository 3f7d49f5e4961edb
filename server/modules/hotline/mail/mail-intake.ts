/**
 * Starts the hotline's configured e-mail sources (mail-config.ts) with one sink and one stop: the SMTP
 * listener, the mailbox poller, both or neither.
 */
import type { MailLog, MailSink } from './inbound-mail.js';
import type { HotlineMailConfig } from './mail-config.js';
import { startMailboxPoller, type MailboxConnect } from './mailbox-reader.js';
import { startHotlineSmtp, type HotlineSmtp } from './smtp-listener.js';

export type HotlineMailIntake = {
  /** The listener's port, `undefined` when it is off. */
  smtpPort: number | undefined;
  /** Whether the mailbox poller runs. */
  polling: boolean;
  /** Stops the sources; waits for the mail in hand to be recorded. */
  stop(): Promise<void>;
};

/**
 * Starts what `config` enables. Rejects when the listener cannot start (port taken, unreadable TLS files):
 * a hotline address that silently receives nothing is worse than a server that does not start.
 */
export async function startHotlineMail(
  config: HotlineMailConfig,
  sink: MailSink,
  log: MailLog,
  deps: { connectMailbox?: MailboxConnect } = {},
): Promise<HotlineMailIntake> {
  let smtp: HotlineSmtp | undefined;
  if (config.smtp)
    smtp = await startHotlineSmtp({
      host: config.smtp.host,
      port: config.smtp.port,
      addresses: config.addresses,
      maxMessageBytes: config.smtp.maxMessageBytes,
      tls: config.smtp.tls,
      sink,
      log,
    });
  let poller: ReturnType<typeof startMailboxPoller> | undefined;
  try {
    if (config.imap)
      poller = startMailboxPoller({
        url: config.imap.url,
        intervalSeconds: config.imap.intervalSeconds,
        sink,
        log,
        ...(deps.connectMailbox ? { connect: deps.connectMailbox } : {}),
      });
  } catch (err) {
    await smtp?.close();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    smtpPort: smtp?.port,
    polling: poller !== undefined,
    stop() {
      stopping ??= Promise.all([smtp?.close(), poller?.stop()]).then(() => undefined);
      return stopping;
    },
  };
}
