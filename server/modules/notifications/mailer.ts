/**
 * Sending e-mail through SMTP (nodemailer), when CHIDAO_SMTP_URL is set. Timeouts stay well below the
 * worker's job lease, so a hung server fails the attempt (retried later) instead of letting a second
 * worker send the same mail.
 */
import nodemailer from 'nodemailer';
import type { NotificationsConfig } from '../../config.js';

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

/** A mailer for the configured SMTP server, or null when none is configured (e-mails are skipped). */
export function createMailer(config: NotificationsConfig): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl, {
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        textEncoding: 'base64',
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: String(info.messageId ?? '') };
    },
    close() {
      transport.close();
    },
  };
}
