import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import type { InboundMail, MailSink } from './inbound-mail.js';
import type { HotlineMailConfig } from './mail-config.js';
import { startHotlineMail } from './mail-intake.js';
import type { MailboxConnect } from './mailbox-reader.js';

const HOTLINE = 'duongdaynong@nghean.gov.vn';
const off: HotlineMailConfig = { addresses: [HOTLINE], smtp: undefined, imap: undefined };
const smtpOn: HotlineMailConfig['smtp'] = {
  host: '127.0.0.1',
  port: 0,
  maxMessageBytes: 1024 * 1024,
  tls: undefined,
};
const imapOn: HotlineMailConfig['imap'] = {
  url: 'imaps://u:p@mail.nghean.gov.vn/INBOX',
  intervalSeconds: 60,
};

function recordingSink() {
  const mails: InboundMail[] = [];
  const sink: MailSink = async (mail) => {
    mails.push(mail);
    return { code: 'PA-26-0001', created: true };
  };
  return { mails, sink };
}

/** A mailbox holding one unseen message. */
function oneMessageMailbox() {
  let seen = false;
  const connect: MailboxConnect = vi.fn(async () => ({
    unseen: async () => (seen ? [] : [1]),
    fetch: async (uid: number) => ({
      uid,
      raw: Buffer.from('Message-ID: <m1@example.vn>\r\nSubject: =?UTF-8?Q?H=C3=B2m_th=C6=B0?=\r\n\r\nx\r\n'),
      receivedAt: null,
    }),
    markSeen: async () => void (seen = true),
    close: async () => undefined,
  }));
  return { connect, isSeen: () => seen };
}

describe('startHotlineMail', () => {
  it('starts nothing when neither source is configured', async () => {
    const { connect } = oneMessageMailbox();
    const intake = await startHotlineMail(off, recordingSink().sink, () => undefined, {
      connectMailbox: connect,
    });
    expect(intake).toMatchObject({ smtpPort: undefined, polling: false });
    await intake.stop();
    expect(connect).not.toHaveBeenCalled();
  });

  it('starts the listener and the poller with one sink, and stops both', async () => {
    const { mails, sink } = recordingSink();
    const mailbox = oneMessageMailbox();
    const intake = await startHotlineMail({ ...off, smtp: smtpOn, imap: imapOn }, sink, () => undefined, {
      connectMailbox: mailbox.connect,
    });
    expect(intake.polling).toBe(true);
    expect(intake.smtpPort).toBeGreaterThan(0);
    await vi.waitFor(() => expect(mailbox.isSeen()).toBe(true));

    await nodemailer
      .createTransport({ host: '127.0.0.1', port: intake.smtpPort, secure: false, ignoreTLS: true })
      .sendMail({ from: 'a@example.vn', to: HOTLINE, subject: 'Qua SMTP', text: 'x' });
    expect(mails.map((m) => m.subject).sort()).toEqual(['Hòm thư', 'Qua SMTP']);

    await intake.stop();
    await expect(
      nodemailer
        .createTransport({ host: '127.0.0.1', port: intake.smtpPort, secure: false, ignoreTLS: true })
        .sendMail({ from: 'a@example.vn', to: HOTLINE, subject: 'x', text: 'x' }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects when the listener cannot start (its TLS files are missing)', async () => {
    await expect(
      startHotlineMail(
        { ...off, smtp: { ...smtpOn, tls: { key: '/nonexistent/key.pem', cert: '/nonexistent/cert.pem' } } },
        recordingSink().sink,
        () => undefined,
      ),
    ).rejects.toThrow(/ENOENT/);
  });
});
