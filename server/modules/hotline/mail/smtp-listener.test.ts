import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMail, MailSink } from './inbound-mail.js';
import { startHotlineSmtp, type HotlineSmtp } from './smtp-listener.js';

const HOTLINE = 'duongdaynong@nghean.gov.vn';

/** Smallest files that their readers accept, with every byte value in them (binary transparency). */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n', 'latin1'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\ntrailer<<>>\n%%EOF\n', 'latin1'),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256)),
  Buffer.from([0xff, 0xd9]),
]);

type Received = { mails: InboundMail[]; sink: MailSink };
function recordingSink(): Received {
  const mails: InboundMail[] = [];
  return {
    mails,
    sink: async (mail) => {
      mails.push(mail);
      return { code: `PA-26-000${mails.length}`, created: true };
    },
  };
}

const logs: { msg: string; err?: unknown }[] = [];
const log = (msg: string, err?: unknown) => void logs.push({ msg, err });

let listener: HotlineSmtp | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
  logs.length = 0;
});

async function listen(
  sink: MailSink,
  overrides: { maxMessageBytes?: number; tls?: { key: string; cert: string } } = {},
) {
  listener = await startHotlineSmtp({
    host: '127.0.0.1',
    port: 0,
    addresses: [HOTLINE, 'tiepnhan@nghean.gov.vn'],
    maxMessageBytes: overrides.maxMessageBytes ?? 1024 * 1024,
    sink,
    log,
    tls: overrides.tls,
  });
  return listener.port;
}

const transport = (port: number, tls = false) =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ...(tls ? { requireTLS: true, tls: { rejectUnauthorized: false } } : { ignoreTLS: true }),
  });

/** Speaks SMTP line by line: sends each command once the previous reply is complete; the replies. */
function converse(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const replies: string[] = [];
    let buffer = '';
    let next = 0;
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      buffer += data;
      // A reply ends with a line "NNN text" (a space after the code).
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const end = buffer.search(/^\d{3} .*\r\n/m);
        const lineEnd = buffer.indexOf('\r\n', end) + 2;
        replies.push(buffer.slice(0, lineEnd));
        buffer = buffer.slice(lineEnd);
        if (next < commands.length) socket.write(commands[next++] + '\r\n');
        else socket.end();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(replies));
  });
}

describe('startHotlineSmtp', () => {
  it('delivers a Vietnamese mail with a PDF and a JPEG to the sink, exactly as sent', async () => {
    const { mails, sink } = recordingSink();
    const port = await listen(sink);
    const before = Date.now();
    const info = await transport(port).sendMail({
      messageId: '<phan-anh-001@example.vn>',
      from: { name: 'Nguyễn Thị Hoa', address: 'hoa.nt@example.vn' },
      to: 'DuongDayNong@nghean.gov.vn',
      subject: 'Phản ánh: đường liên xã qua thôn Yên Hồ bị sạt lở',
      text: 'Kính gửi Đường dây nóng,\nĐường liên xã bị sạt lở, đề nghị kiểm tra.\nTrân trọng.',
      attachments: [
        { filename: 'Đơn phản ánh.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'ảnh hiện trường.jpg', content: JPEG, contentType: 'image/jpeg' },
      ],
    });
    expect(info.accepted).toEqual(['DuongDayNong@nghean.gov.vn']);
    expect(info.response).toMatch(/^250 /);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({
      messageId: 'phan-anh-001@example.vn',
      from: { name: 'Nguyễn Thị Hoa', address: 'hoa.nt@example.vn' },
      to: ['DuongDayNong@nghean.gov.vn'],
      subject: 'Phản ánh: đường liên xã qua thôn Yên Hồ bị sạt lở',
      text: 'Kính gửi Đường dây nóng,\nĐường liên xã bị sạt lở, đề nghị kiểm tra.\nTrân trọng.',
    });
    expect(mail.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Đơn phản ánh.pdf', 'application/pdf'],
      ['ảnh hiện trường.jpg', 'image/jpeg'],
    ]);
    expect(mail.attachments[0]!.content.equals(PDF)).toBe(true);
    expect(mail.attachments[1]!.content.equals(JPEG)).toBe(true);
    expect(logs.some((l) => l.msg.includes('phan-anh-001@example.vn → case PA-26-0001'))).toBe(true);
  });

  it('refuses a recipient that is not a hotline address with 550 (no relaying)', async () => {
    const { mails, sink } = recordingSink();
    const port = await listen(sink);
    const err = await transport(port)
      .sendMail({ from: 'a@example.vn', to: 'giamdoc@nghean.gov.vn', subject: 'x', text: 'x' })
      .then(
        () => undefined,
        (e: { responseCode?: number }) => e,
      );
    expect(err?.responseCode).toBe(550);
    expect(mails).toHaveLength(0);

    // With a hotline address beside it, only the hotline address is accepted and reaches the sink.
    const info = await transport(port).sendMail({
      from: 'a@example.vn',
      to: ['giamdoc@nghean.gov.vn', HOTLINE],
      subject: 'x',
      text: 'x',
    });
    expect(info.rejected).toEqual(['giamdoc@nghean.gov.vn']);
    expect(mails.map((m) => m.to)).toEqual([[HOTLINE]]);
  });

  it('refuses an oversized message with 552, announced or not', async () => {
    const { mails, sink } = recordingSink();
    const port = await listen(sink, { maxMessageBytes: 20_000 });
    const err = await transport(port)
      .sendMail({
        from: 'a@example.vn',
        to: HOTLINE,
        subject: 'lớn',
        text: 'x',
        attachments: [{ filename: 'big.pdf', content: Buffer.alloc(30_000, 1) }],
      })
      .then(
        () => undefined,
        (e: { responseCode?: number }) => e,
      );
    expect(err?.responseCode).toBe(552);

    // A sender that does not declare SIZE is refused after DATA.
    const replies = await converse(port, [
      'EHLO sender.example.vn',
      'MAIL FROM:<a@example.vn>',
      `RCPT TO:<${HOTLINE}>`,
      'DATA',
      `Subject: big\r\n\r\n${'x'.repeat(76) + '\r\n'}`.repeat(400) + '.',
      'QUIT',
    ]);
    expect(replies[5]).toMatch(/^552 /);
    expect(mails).toHaveLength(0);
  });

  it('answers 451 when the sink fails, so the sending server retries; the error is logged', async () => {
    const port = await listen(async () => {
      throw new Error('database unavailable');
    });
    const err = await transport(port)
      .sendMail({
        messageId: '<retry@example.vn>',
        from: 'a@example.vn',
        to: HOTLINE,
        subject: 'x',
        text: 'x',
      })
      .then(
        () => undefined,
        (e: { responseCode?: number }) => e,
      );
    expect(err?.responseCode).toBe(451);
    const logged = logs.find((l) => l.err);
    expect(logged?.msg).toContain('retry@example.vn');
    expect((logged?.err as Error).message).toBe('database unavailable');
  });

  it('answers 250 only once the sink has resolved', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let settled = false;
    const port = await listen(async () => {
      await gate;
      return { code: 'PA-26-0001', created: false };
    });
    const sending = transport(port)
      .sendMail({ from: 'a@example.vn', to: HOTLINE, subject: 'x', text: 'x' })
      .finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    release();
    expect((await sending).response).toMatch(/^250 /);
    expect(logs.some((l) => l.msg.includes('(already received)'))).toBe(true);
  });

  it('offers neither AUTH nor STARTTLS without a certificate, and takes the envelope sender when From is missing', async () => {
    const { mails, sink } = recordingSink();
    const port = await listen(sink);
    const replies = await converse(port, [
      'EHLO sender.example.vn',
      'AUTH PLAIN AGhvYQBzZWNyZXQ=',
      'MAIL FROM:<bounce@example.vn>',
      `RCPT TO:<${HOTLINE.toUpperCase()}>`,
      'DATA',
      'Subject: no from\r\n\r\nnội dung\r\n.',
      'QUIT',
    ]);
    expect(replies[1]).toMatch(/^250-/);
    expect(replies[1]).toMatch(/SIZE 1048576/);
    expect(replies[1]).not.toMatch(/AUTH|STARTTLS/);
    expect(replies[2]).toMatch(/^5\d\d /);
    expect(replies[6]).toMatch(/^250 /);
    expect(mails[0]).toMatchObject({
      from: { name: '', address: 'bounce@example.vn' },
      to: [HOTLINE.toUpperCase()],
      subject: 'no from',
      text: 'nội dung',
      messageId: null,
    });
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)('offers STARTTLS with a key and certificate and receives over TLS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chidao-smtp-tls-'));
    try {
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { stdio: 'ignore' },
      );
      const { mails, sink } = recordingSink();
      const port = await listen(sink, { tls: { key, cert } });
      const replies = await converse(port, ['EHLO sender.example.vn', 'QUIT']);
      expect(replies[1]).toMatch(/STARTTLS/);
      expect(replies[1]).not.toMatch(/AUTH/);
      await transport(port, true).sendMail({
        from: 'a@example.vn',
        to: HOTLINE,
        subject: 'TLS',
        text: 'mã hoá',
      });
      expect(mails.map((m) => m.text)).toEqual(['mã hoá']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails to start when the port is taken', async () => {
    const port = await listen(recordingSink().sink);
    await expect(
      startHotlineSmtp({
        host: '127.0.0.1',
        port,
        addresses: [HOTLINE],
        maxMessageBytes: 1000,
        sink: recordingSink().sink,
        log,
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
