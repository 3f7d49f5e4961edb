/**
 * The e-mails of notifications, in the recipient's language (Vietnamese by default): one notification,
 * or a daily digest of several. Plain text plus a simple HTML part; links are absolute when
 * CHIDAO_PUBLIC_URL is set.
 */
import { translate, type Locale } from '../../core/messages.js';
import type { MailMessage } from './mailer.js';

export type EmailItem = { title: string; body: string; link: string | null };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const absolute = (publicUrl: string | undefined, path: string) => (publicUrl ? `${publicUrl}${path}` : path);

function footer(locale: Locale, publicUrl: string | undefined) {
  return translate(locale, 'notification.email.footer', {
    url: absolute(publicUrl, '/notifications'),
  });
}

function itemText(locale: Locale, item: EmailItem, publicUrl: string | undefined): string {
  const lines = [item.title];
  if (item.body) lines.push(item.body);
  if (item.link)
    lines.push(translate(locale, 'notification.email.open', { url: absolute(publicUrl, item.link) }));
  return lines.join('\n');
}

function itemHtml(locale: Locale, item: EmailItem, publicUrl: string | undefined): string {
  const link = item.link
    ? `<p><a href="${escapeHtml(absolute(publicUrl, item.link))}">${escapeHtml(
        translate(locale, 'notification.email.open', { url: absolute(publicUrl, item.link) }),
      )}</a></p>`
    : '';
  return `<h3 style="margin:16px 0 4px">${escapeHtml(item.title)}</h3>${
    item.body ? `<p style="margin:0">${escapeHtml(item.body)}</p>` : ''
  }${link}`;
}

function wrapHtml(locale: Locale, inner: string, publicUrl: string | undefined) {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">${inner}<hr><p style="color:#666;font-size:12px">${escapeHtml(
    footer(locale, publicUrl),
  )}</p></body></html>`;
}

/** The e-mail of one notification: its title is the subject. */
export function singleEmail(
  to: string,
  locale: Locale,
  item: EmailItem,
  publicUrl: string | undefined,
): MailMessage {
  return {
    to,
    subject: item.title,
    text: `${itemText(locale, item, publicUrl)}\n\n--\n${footer(locale, publicUrl)}\n`,
    html: wrapHtml(locale, itemHtml(locale, item, publicUrl), publicUrl),
  };
}

/** The daily digest: every notification of the day in one e-mail. */
export function digestEmail(
  to: string,
  recipient: { name: string; locale: Locale },
  date: string,
  items: readonly EmailItem[],
  publicUrl: string | undefined,
): MailMessage {
  const { locale } = recipient;
  const count = items.length;
  const intro = translate(locale, 'notification.digest.intro', { name: recipient.name, count });
  return {
    to,
    subject: translate(locale, 'notification.digest.subject', { date, count }),
    text: `${intro}\n\n${items
      .map((item, i) => `${i + 1}. ${itemText(locale, item, publicUrl)}`)
      .join('\n\n')}\n\n--\n${footer(locale, publicUrl)}\n`,
    html: wrapHtml(
      locale,
      `<p>${escapeHtml(intro)}</p>${items.map((item) => itemHtml(locale, item, publicUrl)).join('')}`,
      publicUrl,
    ),
  };
}
