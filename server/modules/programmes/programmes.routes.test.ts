import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { loadActor } from '../access/access.service.js';
import { provinceFigure } from '../dashboard/figures.service.js';
import type { ProgrammeListOut, ProgrammeOut, TargetOut } from './programmes.schemas.js';

/**
 * Reform programmes end to end (issue 18, item 0): the demo's Nghệ An 2021–2025 and 2026–2030 programmes with their
 * targets judged by year; the standing officer creates and edits a programme and its targets (a stale version is
 * 409; milestones outside the period, an unknown figure, evidence of a wrong type are refused with clear messages),
 * records a value by hand with evidence, and opens the review report prefilled through the reports module; a bound
 * target's value is the figure catalogue's for the same year; the committee reads, a unit's people cannot.
 */

let t: TestApp;
let officer: Caller;
let leader: Caller;
let member: Caller;
let focal: Caller;
let committeeId: string;

type Res = { statusCode: number; body: string; json(): unknown };
const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
const fails = (res: Res, status: number): ErrorBody => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as ErrorBody;
};

function multipart(filename: string, content: Buffer, type: string) {
  const boundary = '----chidaoprogrammes' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const upload = (caller: Caller, url: string, name: string, content: Buffer, type: string) => {
  const body = multipart(name, content, type);
  return caller.request('POST', url, body.payload, { 'content-type': body.contentType });
};
/** A minimal valid PDF (the files module sniffs the type from the content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows executable's first bytes: refused whatever its name says. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function journal(entity: string): Promise<{ action: string; entity_id: string }[]> {
  return rows<{ action: string; entity_id: string }>(
    t.database.db,
    sql`select action, entity_id::text from audit_journal where entity = ${entity} order by at, id`,
  );
}

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 100, lockMinutes: 1, ratePerMinute: 10_000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  leader = await t.login('truongban@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  const [c] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from committees where level = 'province' order by founded_on limit 1`,
  );
  committeeId = c!.id;
}, 300_000);
afterAll(() => t?.close());

describe('the demo programmes (Nghệ An)', () => {
  it('lists the 2026–2030 programme in force first, then 2021–2025, each with its summary', async () => {
    const list = ok<ProgrammeListOut>(await leader.request('GET', '/api/programmes'));
    expect(list.items.map((p) => [p.title, p.current])).toEqual([
      ['Chương trình CCHC tỉnh Nghệ An giai đoạn 2026–2030', true],
      ['Chương trình CCHC tỉnh Nghệ An giai đoạn 2021–2025', false],
    ]);
    expect(list.abilities.create).toBe(false);
    const past = list.items[1]!;
    expect(past.summary.total).toBe(8);
    expect(past.document?.numberSymbol).toBe('126/CTr-UBND');
    expect(past.summary.achieved).toBeGreaterThan(0);
    expect(past.summary.missed).toBeGreaterThan(0);
    expect(list.items[0]!.summary.at_risk).toBeGreaterThan(0);
  });

  it('shows each target by year, where each value came from, and the yearly plans with completion', async () => {
    const list = ok<ProgrammeListOut>(await member.request('GET', '/api/programmes'));
    const p = ok<ProgrammeOut>(await member.request('GET', `/api/programmes/${list.items[1]!.id}`));
    expect(p.abilities).toEqual({ read: true, update: false });
    expect(p.targets).toHaveLength(8);
    const online = p.targets.find((x) => x.figureKey === 'dossiers.online')!;
    expect(online.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    // Before chidao: entered by hand with a registered report as evidence.
    const y2021 = online.years[0]!;
    expect(y2021).toMatchObject({ source: 'manual', value: 28.8, milestone: 30, status: 'missed' });
    expect(y2021.manual?.evidenceDocument?.numberSymbol).toBe('28/BC-SNV');
    expect(online.years[1]).toMatchObject({ source: 'manual', value: 41.2, status: 'achieved' });
    const hand = p.targets.find((x) => x.figureKey === null)!;
    expect(hand.name).toContain('toàn trình');
    expect(hand.headline).toEqual({ status: 'achieved', year: 2025 });
    const satisfaction = p.targets.find((x) => x.figureKey === 'surveys.satisfaction')!;
    expect(satisfaction.years.find((y) => y.year === 2024)).toMatchObject({ status: 'missed', value: 84.6 });
    expect(p.plans.map((x) => x.year)).toEqual([2023, 2024, 2025]);
    for (const plan of p.plans) {
      expect(plan.total).toBeGreaterThan(0);
      expect(plan.completionPct).not.toBeNull();
    }
  });

  it('a bound target’s value of a year is the figure catalogue’s for that year', async () => {
    const list = ok<ProgrammeListOut>(await officer.request('GET', '/api/programmes'));
    const p = ok<ProgrammeOut>(await officer.request('GET', `/api/programmes/${list.items[1]!.id}`));
    const [user] = await rows<{ id: string; email: string; full_name: string; unit_id: string | null }>(
      t.database.db,
      sql`select id, email, full_name, unit_id from users where email = 'thuongtruc@chidao.demo'`,
    );
    const actor = await loadActor(t.database.db, {
      id: user!.id,
      email: user!.email,
      fullName: user!.full_name,
      unitId: user!.unit_id,
    });
    const ctx = systemContext(t.database.db, actor);
    let compared = 0;
    for (const target of p.targets.filter((x) => x.figureKey)) {
      for (const year of [2023, 2024, 2025]) {
        const figure = await provinceFigure(ctx, target.figureKey as 'dossiers.online', {
          from: `${year}-01-01`,
          to: `${year}-12-31`,
        });
        const y = target.years.find((x) => x.year === year)!;
        // A yearly figure published later (the national PAR Index) may answer with an earlier year: not this one's.
        if (figure.to.slice(0, 4) !== String(year)) {
          expect(y.computed?.value ?? null, `${target.name} ${year}`).toBeNull();
          continue;
        }
        expect(y.computed?.value ?? null, `${target.name} ${year}`).toEqual(figure.value);
        if (figure.value !== null) {
          expect(y.source).toBe('computed');
          expect(y.value).toBe(figure.value);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('the standing agency keeps programmes and targets', () => {
  let programme: ProgrammeOut;
  let target: TargetOut;

  it('creates a programme; bad input is refused with messages naming the field', async () => {
    const bad = fails(
      await officer.request('POST', '/api/programmes', {
        committeeId,
        kind: 'party_resolution',
        title: 'Nghị quyết về CCHC giai đoạn 2027–2029',
        fromYear: 2029,
        toYear: 2027,
      }),
      400,
    );
    expect(bad.error.details?.[0]?.field).toBe('toYear');
    expect(bad.error.message).toMatch(/Năm bắt đầu/);
    programme = ok<ProgrammeOut>(
      await officer.request('POST', '/api/programmes', {
        committeeId,
        kind: 'party_resolution',
        title: 'Nghị quyết về CCHC giai đoạn 2024–2027',
        fromYear: 2024,
        toYear: 2027,
        goals: 'Thử nghiệm',
        toleranceKind: 'percent',
        toleranceValue: 10,
      }),
      201,
    );
    expect(programme.abilities.update).toBe(true);
    expect(programme.current).toBe(true);
    expect((await journal('reform_programme')).some((j) => j.entity_id === programme.id)).toBe(true);
  });

  it('edits it with the version read; a stale version is 409', async () => {
    const edited = ok<ProgrammeOut>(
      await officer.request('PATCH', `/api/programmes/${programme.id}`, {
        goals: 'Mục tiêu đã sửa',
        version: programme.version,
      }),
    );
    expect(edited.goals).toBe('Mục tiêu đã sửa');
    expect(edited.version).toBe(programme.version + 1);
    const stale = fails(
      await officer.request('PATCH', `/api/programmes/${programme.id}`, {
        goals: 'x',
        version: programme.version,
      }),
      409,
    );
    expect(stale.error.code).toBe('STALE_VERSION');
    programme = edited;
  });

  it('refuses milestones outside the period and a figure chidao does not compute', async () => {
    const outside = fails(
      await officer.request('POST', `/api/programmes/${programme.id}/targets`, {
        name: 'Tỷ lệ hồ sơ trực tuyến',
        area: 'digital_government',
        milestones: [
          { year: 2025, value: 60 },
          { year: 2030, value: 90 },
        ],
        finalValue: 85,
      }),
      400,
    );
    expect(outside.error.details?.[0]?.field).toBe('milestones.1.year');
    expect(outside.error.message).toContain('2030');
    const unknown = fails(
      await officer.request('POST', `/api/programmes/${programme.id}/targets`, {
        name: 'Tỷ lệ hồ sơ trực tuyến',
        area: 'digital_government',
        milestones: [],
        finalValue: 85,
        figureKey: 'dossiers.teleported',
      }),
      400,
    );
    expect(unknown.error.details?.[0]?.field).toBe('figureKey');
    expect(unknown.error.message).toMatch(/số liệu/);
  });

  it('adds a target entered by hand, edits it (stale: 409) and records a value with an uploaded file', async () => {
    target = ok<TargetOut>(
      await officer.request('POST', `/api/programmes/${programme.id}/targets`, {
        name: 'Tỷ lệ văn bản điện tử có ký số',
        area: 'digital_government',
        baselineYear: 2023,
        baselineValue: 60,
        milestones: [
          { year: 2024, value: 70 },
          { year: 2025, value: 80 },
          { year: 2026, value: 90 },
        ],
        finalValue: 95,
      }),
      201,
    );
    expect(target.years.map((y) => y.status)).toEqual(['no_data', 'no_data', 'no_data', 'upcoming']);
    const edited = ok<TargetOut>(
      await officer.request('PATCH', `/api/programmes/${programme.id}/targets/${target.id}`, {
        finalValue: 98,
        version: target.version,
      }),
    );
    expect(edited.finalValue).toBe(98);
    fails(
      await officer.request('PATCH', `/api/programmes/${programme.id}/targets/${target.id}`, {
        finalValue: 97,
        version: target.version,
      }),
      409,
    );
    target = edited;

    // Evidence is required, and of an accepted type (checked from its content).
    const none = fails(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
        year: 2024,
        value: 72,
      }),
      400,
    );
    expect(none.error.details?.[0]?.field).toBe('evidenceFileId');
    const url = `/api/programmes/${programme.id}/targets/${target.id}/evidence`;
    const exe = fails(await upload(officer, url, 'bao-cao.pdf', EXE, 'application/pdf'), 415);
    expect(exe.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const file = ok<{ id: string; name: string }>(
      await upload(officer, url, 'Báo cáo ký số 2024.pdf', PDF, 'application/pdf'),
      201,
    );
    // A file someone else uploaded cannot be cited.
    const [foreign] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from files where created_by is distinct from ${officer.userId}::uuid limit 1`,
    );
    if (foreign)
      fails(
        await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
          year: 2024,
          value: 72,
          evidenceFileId: foreign.id,
        }),
        400,
      );
    const outside = fails(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
        year: 2023,
        value: 72,
        evidenceFileId: file.id,
      }),
      400,
    );
    expect(outside.error.details?.[0]?.field).toBe('year');
    const recorded = ok<TargetOut>(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
        year: 2024,
        value: 72,
        evidenceFileId: file.id,
      }),
    );
    const y2024 = recorded.years.find((y) => y.year === 2024)!;
    expect(y2024).toMatchObject({ source: 'manual', value: 72, milestone: 70, status: 'achieved' });
    expect(y2024.manual?.evidenceFile?.name).toBe('Báo cáo ký số 2024.pdf');
    // Correcting it needs the version read.
    fails(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
        year: 2024,
        value: 69,
        evidenceFileId: file.id,
      }),
      409,
    );
    const corrected = ok<TargetOut>(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${target.id}/values`, {
        year: 2024,
        value: 69,
        evidenceFileId: file.id,
        version: y2024.manual!.version,
      }),
    );
    expect(corrected.years.find((y) => y.year === 2024)!.status).toBe('missed');
    const download = await leader.request('GET', `${url}/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect((await journal('reform_target_value')).length).toBeGreaterThan(0);
  });

  it('refuses a value by hand for a year a bound target computes', async () => {
    const bound = ok<TargetOut>(
      await officer.request('POST', `/api/programmes/${programme.id}/targets`, {
        name: 'Tỷ lệ hồ sơ trực tuyến',
        area: 'digital_government',
        milestones: [{ year: 2025, value: 60 }],
        finalValue: 85,
        figureKey: 'dossiers.online',
      }),
      201,
    );
    const computedYear = bound.years.find((y) => y.source === 'computed');
    if (!computedYear) return;
    const [doc] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from documents where access = 'public' order by issued_on limit 1`,
    );
    const refused = fails(
      await officer.request('PUT', `/api/programmes/${programme.id}/targets/${bound.id}/values`, {
        year: computedYear.year,
        value: 50,
        evidenceDocumentId: doc!.id,
      }),
      400,
    );
    expect(refused.error.message).toMatch(/hệ thống tính/);
  });

  it('the committee and units’ people cannot edit; a unit’s focal point does not read', async () => {
    fails(await leader.request('PATCH', `/api/programmes/${programme.id}`, { goals: 'x', version: 9 }), 403);
    fails(
      await member.request('POST', `/api/programmes/${programme.id}/targets`, {
        name: 'x',
        area: 'direction',
        finalValue: 1,
      }),
      403,
    );
    fails(await focal.request('GET', `/api/programmes/${programme.id}`), 403);
    fails(await focal.request('GET', '/api/programmes'), 403);
  });
});

describe('the review report', () => {
  it('opens a round owed by the standing agency, its tables prefilled with the targets and the plans', async () => {
    const list = ok<ProgrammeListOut>(await officer.request('GET', '/api/programmes'));
    const past = list.items.find((p) => p.fromYear === 2021)!;
    const detail = ok<ProgrammeOut>(await officer.request('GET', `/api/programmes/${past.id}`));
    fails(
      await leader.request('POST', `/api/programmes/${past.id}/reviews`, { kind: 'final', year: 2025 }),
      403,
    );
    fails(
      await officer.request('POST', `/api/programmes/${past.id}/reviews`, { kind: 'final', year: 2020 }),
      400,
    );
    const opened = ok<{ roundId: string; review: { kind: string; year: number } }>(
      await officer.request('POST', `/api/programmes/${past.id}/reviews`, { kind: 'final', year: 2025 }),
      201,
    );
    expect(opened.review).toMatchObject({ kind: 'final', year: 2025 });
    fails(
      await officer.request('POST', `/api/programmes/${past.id}/reviews`, { kind: 'final', year: 2025 }),
      409,
    );
    const [report] = await rows<{
      values: { targets: { cells: Record<string, unknown> }[]; plans: unknown[] };
    }>(
      t.database.db,
      sql`select r.values from reports r join report_rounds o on o.id = r.round_id where o.id = ${opened.roundId}::uuid`,
    );
    const targetRows = report!.values.targets;
    expect(targetRows).toHaveLength(8 * 5);
    const online2021 = targetRows.find(
      (r) => String(r.cells.target).startsWith('Tỷ lệ hồ sơ TTHC được tiếp nhận') && r.cells.year === 2021,
    )!;
    expect(online2021.cells).toMatchObject({
      milestone: 30,
      achieved: 28.8,
      status: 'Không đạt',
      source: 'Nhập tay, kèm minh chứng',
    });
    expect(report!.values.plans).toHaveLength(detail.plans.length);
    const after = ok<ProgrammeOut>(await officer.request('GET', `/api/programmes/${past.id}`));
    expect(after.reviews.map((r) => r.roundId)).toEqual([opened.roundId]);
    const round = await officer.request('GET', `/api/report-rounds/${opened.roundId}`);
    expect(round.statusCode).toBe(200);
  });
});
