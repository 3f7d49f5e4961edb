/**
 * Notifications end to end through the API, with a real SMTP conversation: an in-process mail catcher
 * (smtp-server on 127.0.0.1, random port) stands in for the province's mail server.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from '../../core/http.js';
import { testApp, testEngine, type Caller, type TestApp } from '../../test/harness.js';

type Mail = { to: string[]; subject: string; text: string; html: string };

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / Q), joining adjacent ones before UTF-8 decoding. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/((?:=\?UTF-8\?[BQ]\?[^?]*\?=)+)/gi, (run) => {
    const bytes: Buffer[] = [];
    for (const m of run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)) {
      if (m[1]!.toUpperCase() === 'B') bytes.push(Buffer.from(m[2]!, 'base64'));
      else
        bytes.push(
          Buffer.from(
            m[2]!
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
        );
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

function decodePart(part: string): { type: string; body: string } {
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const raw = rest.join('\n\n');
  const type = /content-type:\s*([^;\s]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'text/plain';
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return { type, body: Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8') };
  if (encoding === 'quoted-printable')
    return {
      type,
      body: Buffer.from(
        raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8'),
    };
  return { type, body: raw };
}

/** A minimal MIME reader for what nodemailer sends (multipart/alternative, text + HTML). */
function parseMail(raw: string, to: string[]): Mail {
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  const parts = boundary
    ? raw
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => decodePart(p.replace(/^\r?\n/, '')))
    : [decodePart(raw)];
  return {
    to,
    subject,
    text: parts.find((p) => p.type === 'text/plain')?.body ?? '',
    html: parts.find((p) => p.type === 'text/html')?.body ?? '',
  };
}

/**
 * The harness drops a PostgreSQL test database WITH (FORCE) right after `pool.end()`, which resolves
 * before the pool's sockets are closed; a connection still closing then gets "terminating connection
 * due to administrator command" and the pool, which has no 'error' listener, throws it as an unhandled
 * error after the tests passed. Give the pool a listener (to be fixed in server/test/harness.ts).
 */
function quietPoolOnDrop(app: TestApp) {
  if (testEngine !== 'postgres') return;
  const client = (app.database.db as unknown as { $client?: { on?: (e: string, f: () => void) => void } })
    .$client;
  client?.on?.('error', () => {});
}

const mails: Mail[] = [];
let catcher: SMTPServer;
let smtpPort: number;
let t: TestApp;
let app2: App | null = null;
let focal: Caller; // daumoi.tuphap: immediate e-mail
let leader: Caller; // lanhdao.tuphap: daily digest (the default)
let admin: Caller;
let officer: Caller;
let taskId: string;
const TITLE = 'Thí điểm thông báo nhắc hạn — Sở Tư pháp';

const worker = () => (app2 ?? t.app).notificationWorker;
/** Instants in Vietnam time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);
const mine = (to: string) => mails.filter((m) => m.to.includes(to));
const about = (list: Mail[]) => list.filter((m) => `${m.subject}\n${m.text}`.includes(TITLE));

beforeAll(async () => {
  catcher = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
  smtpPort = (catcher.server.address() as AddressInfo).port;
  t = await testApp({
    login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 },
    notifications: {
      ...loadConfig({}).notifications,
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Ban Chỉ đạo CCHC <chidao@nghean.example>',
      publicUrl: 'https://chidao.nghean.example',
      workerIntervalSeconds: 0,
    },
  });
  quietPoolOnDrop(t);
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  officer = await t.login('thuongtruc@chidao.demo');

  const units = new Map(
    (
      (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
        items: { id: string; name: string }[];
      }
    ).items.map((u) => [u.name, u.id]),
  );
  const plan = await officer.request('POST', '/api/plans', {
    year: 2026,
    ownerUnitId: units.get('Nghệ An'),
    title: 'Kế hoạch CCHC năm 2026',
    method: 'count',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const task = await officer.request('POST', `/api/plans/${(plan.json() as { id: string }).id}/tasks`, {
    title: TITLE,
    reformArea: 'procedures',
    leadUnitId: units.get('Sở Tư pháp'),
    dueDate: '2026-02-23', // a Monday right after Tết 2026 (days off 14–22/2)
  });
  expect(task.statusCode, task.body).toBe(201);
  taskId = (task.json() as { id: string }).id;
});

afterAll(async () => {
  await app2?.close();
  await t?.close();
  await new Promise<void>((resolve) => catcher.close(() => resolve()));
});

describe('preferences', () => {
  it('default to a daily digest at 07:00, and say whether the server can send e-mail', async () => {
    const res = await leader.request('GET', '/api/notifications/preferences');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      email: 'digest',
      digestHour: 7,
      version: 0,
      emailConfigured: true,
      address: 'lanhdao.tuphap@chidao.demo',
    });
  });

  it('are saved per user with a version: a stale one is refused, an hour outside 0–23 too', async () => {
    const saved = await focal.request('PUT', '/api/notifications/preferences', {
      email: 'immediate',
      digestHour: 7,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ email: 'immediate', version: 1 });
    const stale = await focal.request('PUT', '/api/notifications/preferences', {
      email: 'off',
      digestHour: 7,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { code: string } }).error.code).toBe('STALE_VERSION');
    const bad = await focal.request('PUT', '/api/notifications/preferences', {
      email: 'immediate',
      digestHour: 24,
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    // Someone else's preference is untouched.
    expect((await leader.request('GET', '/api/notifications/preferences')).json()).toMatchObject({
      email: 'digest',
      version: 0,
    });
  });
});

describe('deadline reminders by e-mail: exactly one per reminder', () => {
  it('5 working days before the due date (Mon 9/2/2026): one e-mail, in Vietnamese, even when the pass runs twice', async () => {
    await worker().runNow(vn('2026-02-09T08:00:00'));
    await worker().runNow(vn('2026-02-09T08:05:00'));
    const got = about(mine('daumoi.tuphap@chidao.demo'));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe(`Sắp đến hạn: ${TITLE}`);
    expect(got[0]!.text).toContain('đến hạn ngày 23/02/2026, còn 5 ngày làm việc');
    expect(got[0]!.text).toContain(`https://chidao.nghean.example/plans/`);
    expect(got[0]!.text).toContain(`?task=${taskId}`);
    expect(got[0]!.html).toContain('<html lang="vi">');
  });

  it('after a restart (a new app instance on the same database) the same reminder is not sent again', async () => {
    await t.app.notificationWorker.stop();
    app2 = await buildApp({ config: t.config, database: t.database, logger: false });
    await app2.ready();
    await worker().runNow(vn('2026-02-09T10:00:00'));
    expect(about(mine('daumoi.tuphap@chidao.demo'))).toHaveLength(1);
  });

  it('1 working day before (Fri 13/2, the last working day before Tết): the second e-mail', async () => {
    await worker().runNow(vn('2026-02-13T08:00:00'));
    await worker().runNow(vn('2026-02-13T16:00:00'));
    const got = about(mine('daumoi.tuphap@chidao.demo'));
    expect(got.map((m) => m.text.match(/còn \d+ ngày làm việc/)?.[0])).toEqual([
      'còn 5 ngày làm việc',
      'còn 1 ngày làm việc',
    ]);
  });

  it('during Tết nothing new is sent; on the due date (Mon 23/2) and the next day, one each', async () => {
    for (const day of ['2026-02-16', '2026-02-18', '2026-02-21'])
      await worker().runNow(vn(`${day}T09:00:00`));
    expect(about(mine('daumoi.tuphap@chidao.demo'))).toHaveLength(2);
    await worker().runNow(vn('2026-02-23T08:00:00'));
    await worker().runNow(vn('2026-02-24T08:00:00'));
    await worker().runNow(vn('2026-02-24T08:30:00'));
    expect(about(mine('daumoi.tuphap@chidao.demo')).map((m) => m.subject)).toEqual([
      `Sắp đến hạn: ${TITLE}`,
      `Sắp đến hạn: ${TITLE}`,
      `Đến hạn hôm nay: ${TITLE}`,
      `Quá hạn: ${TITLE}`,
    ]);
  });
});

describe('the daily digest', () => {
  it('a digest user gets one digest a day at 07:00 listing the day’s notifications, never individual e-mails', async () => {
    const inbox = mine('lanhdao.tuphap@chidao.demo');
    expect(inbox.length).toBeGreaterThan(0);
    // Every e-mail the leader got is a digest; the reminders of 9/2 went into the digest of 10/2.
    expect(inbox.every((m) => m.subject.startsWith('Tổng hợp thông báo ngày '))).toBe(true);
    const dates = inbox.map((m) => /ngày (\d\d\/\d\d\/\d{4})/.exec(m.subject)![1]);
    expect(new Set(dates).size).toBe(dates.length); // at most one per day
    const tenth = inbox.find((m) => m.subject.includes('10/02/2026'))!;
    expect(tenth.text).toContain('Kính gửi Vũ Thị Lãnh Đạo');
    expect(tenth.text).toContain(`Sắp đến hạn: ${TITLE}`);
    expect(about(inbox).every((m) => m.subject.startsWith('Tổng hợp'))).toBe(true);
  });

  it('running the pass again after the digest hour sends no second digest for that day', async () => {
    const before = mine('lanhdao.tuphap@chidao.demo').length;
    await worker().runNow(vn('2026-02-24T09:00:00'));
    await worker().runNow(vn('2026-02-24T12:00:00'));
    expect(mine('lanhdao.tuphap@chidao.demo')).toHaveLength(before);
    await worker().runNow(vn('2026-02-25T07:01:00'));
    const after = mine('lanhdao.tuphap@chidao.demo');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.subject).toMatch(/^Tổng hợp thông báo ngày 25\/02\/2026 \(\d+ thông báo\)$/);
    expect(after.at(-1)!.text).toContain(`Quá hạn: ${TITLE}`);
  });

  it('a user who turned e-mail off gets none, but keeps the inbox', async () => {
    const member = await t.login('daumoi.xaydung@chidao.demo');
    // Before: the reminders of Sở Xây dựng's overdue pilot item (pilot items are reminded of too).
    const before = mine('daumoi.xaydung@chidao.demo').length;
    const off = await member.request('PUT', '/api/notifications/preferences', {
      email: 'off',
      digestHour: 7,
      version: 0,
    });
    expect(off.statusCode).toBe(200);
    await worker().runNow(vn('2026-02-26T08:00:00'));
    await worker().runNow(vn('2026-02-27T08:00:00'));
    expect(mine('daumoi.xaydung@chidao.demo')).toHaveLength(before);
    const inbox = (await member.request('GET', '/api/notifications')).json() as {
      items: { title: string }[];
    };
    expect(inbox.items.some((n) => n.title.startsWith('Quá hạn: '))).toBe(true);
  });
});

describe('the inbox', () => {
  it('lists my notifications in my language, with the unread count for the bell', async () => {
    const count = (await focal.request('GET', '/api/notifications/unread-count')).json() as { count: number };
    expect(count.count).toBeGreaterThanOrEqual(4);
    const vi = (await focal.request('GET', '/api/notifications?filter=unread&limit=200')).json() as {
      items: {
        id: string;
        title: string;
        link: string;
        kind: string;
        entity: { type: string; id: string };
      }[];
      total: number;
      unread: number;
    };
    expect(vi.unread).toBe(count.count);
    const ours = vi.items.filter((n) => n.entity?.id === taskId);
    expect(ours.map((n) => n.kind)).toEqual([
      'task_overdue',
      'task_due_today',
      'task_due_soon',
      'task_due_soon',
    ]);
    expect(ours[0]!.link).toBe(ours[0]!.link.replace(/^https?:\/\/[^/]+/, '')); // a path of the web UI
    const en = (
      await focal.request('GET', '/api/notifications?limit=200', undefined, { 'x-chidao-locale': 'en' })
    ).json() as {
      items: { title: string; body: string; entity: { id: string } | null }[];
    };
    const enOurs = en.items.filter((n) => n.entity?.id === taskId);
    expect(enOurs[0]!.title).toBe(`Overdue: ${TITLE}`);
    expect(enOurs[0]!.body).toMatch(
      /is 1 working day\(s\) overdue as of \d\d\/\d\d\/2026 \(due 23\/02\/2026\)/,
    );
  });

  it('marks one read (idempotent), then all; another user’s notification is not found', async () => {
    const list = (await focal.request('GET', '/api/notifications?filter=unread')).json() as {
      items: { id: string }[];
      unread: number;
    };
    const id = list.items[0]!.id;
    const read = await focal.request('POST', `/api/notifications/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const readAt = (read.json() as { readAt: string }).readAt;
    expect(readAt).toBeTruthy();
    expect(
      ((await focal.request('POST', `/api/notifications/${id}/read`)).json() as { readAt: string }).readAt,
    ).toBe(readAt);
    expect(
      ((await focal.request('GET', '/api/notifications/unread-count')).json() as { count: number }).count,
    ).toBe(list.unread - 1);
    expect((await leader.request('POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const all = await focal.request('POST', '/api/notifications/read-all');
    expect((all.json() as { updated: number }).updated).toBe(list.unread - 1);
    expect(
      ((await focal.request('GET', '/api/notifications/unread-count')).json() as { count: number }).count,
    ).toBe(0);
    expect(
      ((await focal.request('GET', '/api/notifications?filter=unread')).json() as { total: number }).total,
    ).toBe(0);
  });

  it('needs a signed-in user and the CSRF token to change anything', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(
      401,
    );
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: focal.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('the reminder rule (versioned data, administrators)', () => {
  it('is the default until stored: 5 and 1 working days before, then every 5 working days', async () => {
    const res = await focal.request('GET', '/api/notifications/reminder-rule');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rule: {
        beforeDueWorkingDays: [5, 1],
        overdueEvery: { count: 5, unit: 'working_days' },
        maxOverdueReminders: null,
      },
      version: 0,
      isDefault: true,
      updatedAt: null,
      recipientRoles: ['focal_point', 'unit_leader'],
      abilities: { update: false },
    });
  });

  it('only an administrator changes it; the version guards concurrent edits; bad rules are refused', async () => {
    const rule = {
      beforeDueWorkingDays: [1, 3, 10],
      overdueEvery: { count: 7, unit: 'calendar_days' },
      maxOverdueReminders: 8,
    };
    expect(
      (await focal.request('PUT', '/api/notifications/reminder-rule', { rule, version: 0 })).statusCode,
    ).toBe(403);
    const saved = await admin.request('PUT', '/api/notifications/reminder-rule', { rule, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      rule: { ...rule, beforeDueWorkingDays: [10, 3, 1] },
      version: 1,
      isDefault: false,
      abilities: { update: true },
    });
    expect(
      (await admin.request('PUT', '/api/notifications/reminder-rule', { rule, version: 0 })).statusCode,
    ).toBe(409);
    const repeated = await admin.request('PUT', '/api/notifications/reminder-rule', {
      rule: { ...rule, beforeDueWorkingDays: [3, 3] },
      version: 1,
    });
    expect(repeated.statusCode).toBe(400);
    expect((repeated.json() as { error: { message: string } }).error.message).toContain(
      'Quy tắc nhắc hạn không hợp lệ',
    );
    // The change is in the journal.
    const journal = await admin.request('GET', '/api/audit?entity=reminder_rule');
    expect(journal.statusCode, journal.body).toBe(200);
    expect((journal.json() as { items: { action: string; entityId: string }[] }).items).toEqual([
      expect.objectContaining({ action: 'update', entityId: 'reminder_rule' }),
    ]);
  });
});

describe('operations', () => {
  it('administrators see the job queue and can run a pass now; others cannot', async () => {
    expect((await focal.request('GET', '/api/notifications/jobs')).statusCode).toBe(403);
    expect((await focal.request('POST', '/api/notifications/run')).statusCode).toBe(403);
    const jobs = await admin.request('GET', '/api/notifications/jobs');
    expect(jobs.statusCode, jobs.body).toBe(200);
    const body = jobs.json() as {
      counts: { kind: string; status: string; count: number }[];
      mailerConfigured: boolean;
    };
    expect(body.mailerConfigured).toBe(true);
    expect(body.counts.some((c) => c.kind === 'task_reminder' && c.status === 'done')).toBe(true);
    expect(body.counts.filter((c) => c.status === 'failed')).toEqual([]);
    const run = await admin.request('POST', '/api/notifications/run');
    expect(run.statusCode, run.body).toBe(200);
    expect((run.json() as { jobs: { failed: number } }).jobs.failed).toBe(0);
  });
});

describe('without SMTP', () => {
  it('e-mail jobs are skipped and the inbox still works', async () => {
    const plain = await testApp({
      notifications: { ...loadConfig({}).notifications, smtpUrl: undefined, workerIntervalSeconds: 0 },
    });
    quietPoolOnDrop(plain);
    try {
      const user = await plain.login('daumoi.tuphap@chidao.demo');
      await user.request('PUT', '/api/notifications/preferences', {
        email: 'immediate',
        digestHour: 7,
        version: 0,
      });
      expect((await user.request('GET', '/api/notifications/preferences')).json()).toMatchObject({
        emailConfigured: false,
      });
      const before = mails.length;
      const pass = await plain.app.notificationWorker.runNow(vn('2026-11-24T09:00:00'));
      expect(pass.jobs.skipped).toBeGreaterThan(0);
      expect(pass.jobs.failed + pass.jobs.retry).toBe(0);
      expect(mails).toHaveLength(before);
      expect(
        ((await user.request('GET', '/api/notifications/unread-count')).json() as { count: number }).count,
      ).toBeGreaterThan(0);
      const admin2 = await plain.login('admin@chidao.demo');
      const jobs = (await admin2.request('GET', '/api/notifications/jobs')).json() as {
        counts: { kind: string; status: string; count: number }[];
      };
      expect(jobs.counts.find((c) => c.kind === 'email')?.status).toBe('skipped');
    } finally {
      await plain.close();
    }
  });
});
