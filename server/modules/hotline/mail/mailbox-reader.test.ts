import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboundMail, MailSink } from './inbound-mail.js';
import {
  backoffMs,
  createMailboxPoller,
  imapConnector,
  startMailboxPoller,
  type MailboxConnect,
  type MailboxSession,
} from './mailbox-reader.js';

const URL = 'imaps://duongdaynong%40nghean.gov.vn:S3cret-p%40ss@mail.nghean.gov.vn:993/INBOX';

const message = (id: string, subject: string) =>
  Buffer.from(
    [
      `Message-ID: <${id}@example.vn>`,
      'From: =?UTF-8?Q?Nguy=E1=BB=85n_Th=E1=BB=8B_Hoa?= <hoa.nt@example.vn>',
      'To: duongdaynong@nghean.gov.vn',
      'Cc: tiepnhan@nghean.gov.vn',
      `Subject: ${subject}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Nội dung ${id}`,
      '',
    ].join('\r\n'),
  );

/** An IMAP folder in memory, counting connections (and how many are open at once). */
function memoryMailbox() {
  const box = {
    messages: new Map<number, { raw: Buffer; seen: boolean; internalDate: Date }>(),
    connects: 0,
    open: 0,
    mostOpen: 0,
    closes: 0,
    failConnects: 0,
    failFetch: false,
    add(uid: number, raw: Buffer, seen = false) {
      box.messages.set(uid, { raw, seen, internalDate: new Date(Date.UTC(2026, 2, 12, 1, uid)) });
    },
    seen: () => [...box.messages].filter(([, m]) => m.seen).map(([uid]) => uid),
    connect: (async () => {
      box.connects++;
      if (box.failConnects > 0) {
        box.failConnects--;
        throw new Error('connect ECONNREFUSED');
      }
      box.open++;
      box.mostOpen = Math.max(box.mostOpen, box.open);
      const session: MailboxSession = {
        unseen: async () => [...box.messages].filter(([, m]) => !m.seen).map(([uid]) => uid),
        fetch: async (uid) => {
          if (box.failFetch) throw new Error('connection reset');
          const m = box.messages.get(uid);
          return m ? { uid, raw: m.raw, receivedAt: m.internalDate } : null;
        },
        markSeen: async (uid) => {
          const m = box.messages.get(uid);
          if (m) m.seen = true;
        },
        close: async () => {
          box.open--;
          box.closes++;
        },
      };
      return session;
    }) as MailboxConnect,
  };
  return box;
}

function recordingSink(fail: (mail: InboundMail) => boolean = () => false) {
  const mails: InboundMail[] = [];
  const codes = new Map<string, string>();
  const sink: MailSink = async (mail) => {
    if (fail(mail)) throw new Error('database unavailable');
    mails.push(mail);
    const known = codes.get(mail.messageId ?? '');
    if (known) return { code: known, created: false };
    const code = `PA-26-${String(codes.size + 1).padStart(4, '0')}`;
    codes.set(mail.messageId ?? '', code);
    return { code, created: true };
  };
  return { mails, sink };
}

const logs: { msg: string; err?: unknown }[] = [];
const log = (msg: string, err?: unknown) => void logs.push({ msg, err });

afterEach(() => {
  logs.length = 0;
  vi.useRealTimers();
});

describe('createMailboxPoller: pollOnce', () => {
  it('records each unseen message oldest first and marks it seen; seen ones are not read', async () => {
    const box = memoryMailbox();
    box.add(7, message('b', 'Thứ hai'));
    box.add(3, message('a', '=?UTF-8?Q?Th=E1=BB=A9_nh=E1=BA=A5t?='));
    box.add(1, message('old', 'đã đọc'), true);
    const { mails, sink } = recordingSink();
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });

    expect(await poller.pollOnce()).toEqual({ recorded: 2, duplicates: 0, failed: 0 });
    expect(mails.map((m) => [m.messageId, m.subject])).toEqual([
      ['a@example.vn', 'Thứ nhất'],
      ['b@example.vn', 'Thứ hai'],
    ]);
    expect(mails[0]).toMatchObject({
      from: { name: 'Nguyễn Thị Hoa', address: 'hoa.nt@example.vn' },
      to: ['duongdaynong@nghean.gov.vn', 'tiepnhan@nghean.gov.vn'],
      text: 'Nội dung a',
      receivedAt: new Date(Date.UTC(2026, 2, 12, 1, 3)),
    });
    expect(box.seen().sort()).toEqual([1, 3, 7]);
    expect(box.open).toBe(0);

    // Nothing new: nothing read.
    expect(await poller.pollOnce()).toEqual({ recorded: 0, duplicates: 0, failed: 0 });
    expect(mails).toHaveLength(2);
  });

  it('leaves a message unseen when the sink fails, and records it at the next poll', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    box.add(2, message('b', 'hai'));
    let down = true;
    const { mails, sink } = recordingSink((m) => down && m.messageId === 'a@example.vn');
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });

    expect(await poller.pollOnce()).toEqual({ recorded: 1, duplicates: 0, failed: 1 });
    expect(box.seen()).toEqual([2]);
    expect(logs.find((l) => l.err)?.msg).toMatch(/message 1 not recorded, left unseen/);

    down = false;
    expect(await poller.pollOnce()).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
    expect(box.seen()).toEqual([1, 2]);
    expect(mails.map((m) => m.messageId)).toEqual(['b@example.vn', 'a@example.vn']);
  });

  it('counts a mail the sink already had (same Message-ID) as a duplicate and marks it seen', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    box.add(2, message('a', 'một, gửi lại'));
    const { sink } = recordingSink();
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });
    expect(await poller.pollOnce()).toEqual({ recorded: 2, duplicates: 1, failed: 0 });
    expect(logs.map((l) => l.msg)).toContain(
      'hotline mailbox imaps://duongdaynong%40nghean.gov.vn:***@mail.nghean.gov.vn:993/INBOX: message 2 → case PA-26-0001 (already received)',
    );
  });

  it('never runs two polls at once: a call during a poll gets that poll', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { sink: record } = recordingSink();
    let calls = 0;
    const sink: MailSink = async (mail) => {
      calls++;
      await gate;
      return record(mail);
    };
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });

    const first = poller.pollOnce();
    const second = poller.pollOnce();
    expect(second).toBe(first);
    await vi.waitFor(() => expect(calls).toBe(1));
    expect(poller.pollOnce()).toBe(first);
    release();
    expect(await first).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
    expect(calls).toBe(1);
    expect(box.connects).toBe(1);
    expect(box.mostOpen).toBe(1);

    // Once it ended, the next call is a new poll.
    box.add(2, message('b', 'hai'));
    expect(await poller.pollOnce()).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
    expect(box.connects).toBe(2);
  });

  it('rejects when the mailbox cannot be read, counts the failures, and never logs the password', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    box.failConnects = 2;
    const { sink } = recordingSink();
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });

    await expect(poller.pollOnce()).rejects.toThrow('ECONNREFUSED');
    await expect(poller.pollOnce()).rejects.toThrow('ECONNREFUSED');
    expect(poller.failures).toBe(2);
    expect(logs.map((l) => l.msg)).toEqual([
      'hotline mailbox imaps://duongdaynong%40nghean.gov.vn:***@mail.nghean.gov.vn:993/INBOX: could not be read (attempt 1)',
      'hotline mailbox imaps://duongdaynong%40nghean.gov.vn:***@mail.nghean.gov.vn:993/INBOX: could not be read (attempt 2)',
    ]);
    expect(await poller.pollOnce()).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
    expect(poller.failures).toBe(0);
    expect(JSON.stringify(logs)).not.toMatch(/S3cret/);
  });

  it('closes the connection when a poll fails half-way; the message stays unseen', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    box.failFetch = true;
    const poller = createMailboxPoller({
      url: URL,
      intervalSeconds: 60,
      sink: recordingSink().sink,
      log,
      connect: box.connect,
    });
    await expect(poller.pollOnce()).rejects.toThrow('connection reset');
    expect(box.closes).toBe(1);
    expect(box.open).toBe(0);
    expect(box.seen()).toEqual([]);
  });

  it('skips a message expunged between the search and the fetch', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    const connect: MailboxConnect = async () => {
      const session = await box.connect();
      return { ...session, fetch: async () => null };
    };
    const poller = createMailboxPoller({
      url: URL,
      intervalSeconds: 60,
      sink: recordingSink().sink,
      log,
      connect,
    });
    expect(await poller.pollOnce()).toEqual({ recorded: 0, duplicates: 0, failed: 0 });
  });

  it('stop() lets the message in hand finish and reads no more', async () => {
    const box = memoryMailbox();
    box.add(1, message('a', 'một'));
    box.add(2, message('b', 'hai'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { mails, sink: record } = recordingSink();
    let entered = 0;
    const sink: MailSink = async (mail) => {
      entered++;
      await gate;
      return record(mail);
    };
    const poller = createMailboxPoller({ url: URL, intervalSeconds: 60, sink, log, connect: box.connect });
    const polling = poller.pollOnce();
    await vi.waitFor(() => expect(entered).toBe(1));
    const stopping = poller.stop();
    release();
    await stopping;
    expect(await polling).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
    expect(mails).toHaveLength(1);
    expect(box.seen()).toEqual([1]);
    expect(box.open).toBe(0);
    expect(await poller.pollOnce()).toEqual({ recorded: 0, duplicates: 0, failed: 0 });
    expect(box.connects).toBe(1);
  });
});

describe('startMailboxPoller', () => {
  it('polls at once, then every interval; after a failure it backs off from 5 s; stop() ends it', async () => {
    vi.useFakeTimers();
    const box = memoryMailbox();
    box.failConnects = 1;
    const poller = startMailboxPoller({
      url: URL,
      intervalSeconds: 60,
      sink: recordingSink().sink,
      log,
      connect: box.connect,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(box.connects).toBe(1); // failed
    await vi.advanceTimersByTimeAsync(4_999);
    expect(box.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(box.connects).toBe(2); // reconnected
    await vi.advanceTimersByTimeAsync(59_999);
    expect(box.connects).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(box.connects).toBe(3);
    await poller.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(box.connects).toBe(3);
    expect(logs[0]?.msg).toBe(
      'hotline mailbox imaps://duongdaynong%40nghean.gov.vn:***@mail.nghean.gov.vn:993/INBOX: read every 60 s',
    );
  });

  it('doubles the wait after each failure in a row, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 20].map(backoffMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 640_000, 900_000, 900_000,
    ]);
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

/**
 * Just enough of an IMAP server on the loopback, over TLS, for the imapflow adapter: one message (UID 42)
 * in INBOX. It records the commands (LOGIN's arguments hidden).
 */
function loopbackImap(key: Buffer, cert: Buffer, raw: Buffer) {
  let seen = false;
  const commands: string[] = [];
  const server = tls.createServer({ key, cert }, (socket) => {
    socket.write('* OK [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n');
    let buffer = '';
    socket.on('data', (data: Buffer) => {
      buffer += data.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [tag, ...words] = line.split(' ');
        const command = words.join(' ');
        commands.push(command.replace(/^LOGIN .*/i, 'LOGIN ***'));
        const say = (text: string) => socket.write(text + '\r\n');
        const upper = command.toUpperCase();
        if (upper.startsWith('LOGIN')) {
          say(command.includes('S3cret-p@ss') ? `${tag} OK done` : `${tag} NO [AUTHENTICATIONFAILED] no`);
          continue;
        }
        if (upper.startsWith('CAPABILITY')) say('* CAPABILITY IMAP4rev1 UIDPLUS');
        else if (upper.startsWith('SELECT'))
          ['* 1 EXISTS', '* OK [UIDVALIDITY 7] ok', '* OK [UIDNEXT 43] ok', '* FLAGS (\\Seen)'].forEach(say);
        else if (upper.startsWith('UID SEARCH')) say(seen ? '* SEARCH' : '* SEARCH 42');
        else if (upper.startsWith('UID FETCH')) {
          socket.write(
            `* 1 FETCH (UID 42 INTERNALDATE "12-Mar-2026 08:15:00 +0700" BODY[] {${raw.length}}\r\n`,
          );
          socket.write(raw);
          say(')');
        } else if (upper.startsWith('UID STORE')) {
          seen = upper.includes('\\SEEN');
          say('* 1 FETCH (UID 42 FLAGS (\\Seen))');
        } else if (upper.startsWith('LOGOUT')) say('* BYE');
        say(`${tag} OK done`);
        if (upper.startsWith('LOGOUT')) socket.end();
      }
    });
  });
  return { server, commands, isSeen: () => seen };
}

describe.skipIf(!hasOpenssl)('imapConnector (imapflow)', () => {
  it('logs in, reads UNSEEN with BODY.PEEK, and stores \\Seen only after the sink', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chidao-imap-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const cert = readFileSync(path.join(dir, 'cert.pem'));
      const imap = loopbackImap(readFileSync(path.join(dir, 'key.pem')), cert, message('imap', 'Qua IMAP'));
      await new Promise<void>((resolve) => imap.server.listen(0, '127.0.0.1', resolve));
      const port = (imap.server.address() as AddressInfo).port;
      try {
        const url = `imaps://duongdaynong%40nghean.gov.vn:S3cret-p%40ss@127.0.0.1:${port}/INBOX`;
        const order: string[] = [];
        const poller = createMailboxPoller({
          url,
          intervalSeconds: 60,
          log,
          sink: async (mail) => {
            order.push(`sink ${mail.subject} seen=${imap.isSeen()}`);
            return { code: 'PA-26-0001', created: true };
          },
          connect: imapConnector(url, log, { ca: cert }),
        });
        expect(await poller.pollOnce()).toEqual({ recorded: 1, duplicates: 0, failed: 0 });
        expect(order).toEqual(['sink Qua IMAP seen=false']);
        expect(imap.isSeen()).toBe(true);
        expect(imap.commands).toContain('SELECT INBOX');
        expect(imap.commands).toContain('UID SEARCH UNSEEN');
        expect(imap.commands.find((c) => c.startsWith('UID FETCH'))).toMatch(/BODY\.PEEK\[\]/);
        expect(imap.commands).toContain('UID STORE 42 +FLAGS (\\Seen)');
        expect(imap.commands.at(-1)).toBe('LOGOUT');

        // A wrong password: the poll fails (and is retried later), the password is not logged.
        const wrong = url.replace('S3cret-p%40ss', 'wrong');
        const failing = createMailboxPoller({
          url: wrong,
          intervalSeconds: 60,
          log,
          sink: async () => ({ code: 'x', created: true }),
          connect: imapConnector(wrong, log, { ca: cert }),
        });
        await expect(failing.pollOnce()).rejects.toThrow();
        expect(JSON.stringify(logs.map((l) => l.msg))).not.toMatch(/S3cret|wrong/);
      } finally {
        imap.server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
