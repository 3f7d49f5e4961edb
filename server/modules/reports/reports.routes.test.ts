import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { FormVersion } from './form/index.js';

/**
 * Periodic reports end to end through the API (issue 13): the shipped forms, an assignment, a round of
 * Q3/2026 with its window and deadline (Decree 09/2019/NĐ-CP art. 12; 581/BNV-CCHC: the 20th of the last
 * month), a unit's draft with prefilled figures, submission by the leader, return with comments, resubmission,
 * acceptance and the lock, an extension, rates, reminders, consolidation and tracing.
 */

let t: TestApp;
let officer: Caller;
let focal: Caller;
let leader: Caller;
let xaydung: Caller;
let member: Caller;
let hotline: Caller;
let provinceId: string;
let units: Map<string, string>;

type Report = {
  id: string;
  status: string;
  version: number;
  values: Record<string, unknown>;
  problems: { field: string | null; severity: string; message: string }[];
  prefill: { field: string; value: number; changed: boolean; note: string | null }[];
  form: { definition: FormVersion };
  comments: { target: string; text: string }[];
  late: boolean;
  dueDate: string;
  work: { allowedActions: string[] };
  abilities: { edit: boolean };
};
type Round = {
  id: string;
  dueDate: string;
  windowFrom: string;
  windowTo: string;
  rates: {
    expected: number;
    submitted: number;
    onTime: number;
    accepted: number;
    submittedRate: number | null;
  };
  units: {
    reportId: string;
    unitId: string;
    unitName: string;
    status: string;
    late: boolean;
    extended: boolean;
  }[];
  abilities: { manage: boolean };
};
type ErrorBody = {
  error: { code: string; key: string; message: string; details?: { field: string; message: string }[] };
};

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  leader = await t.login('lanhdao.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  member = await t.login('uyvien@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  const all = ok<{ items: { id: string; name: string; fullName: string; kind: string }[] }>(
    await officer.request('GET', '/api/units?limit=5000'),
  );
  units = new Map(all.items.map((u) => [u.name, u.id] as const));
  provinceId = all.items.find((u) => u.kind === 'province')!.id;
});
afterAll(() => t.close());

/** Values that pass the unit form: the prefilled figures kept, the rest filled consistently. */
function validValues(report: Report): Record<string, unknown> {
  const values: Record<string, unknown> = { ...report.values };
  const fill: Record<string, number> = {
    plan_tasks_total: 20,
    plan_tasks_done: 15,
    subunits_total: 10,
    subunits_inspected: 6,
    legal_docs_reviewed: 12,
    legal_docs_flagged: 1,
    dossiers_carried_over: 100,
    dossiers_received: 1000,
    dossiers_received_online: 800,
    dossiers_withdrawn: 10,
    dossiers_resolved_on_time: 900,
    dossiers_resolved_late: 50,
    dossiers_processing: 140,
    dossiers_processing_overdue: 5,
  };
  const prefilled = new Set(report.prefill.map((p) => p.field));
  const dossiersPrefilled = [...prefilled].some((f) => f.startsWith('dossiers_'));
  for (const [k, v] of Object.entries(fill)) {
    if (prefilled.has(k)) continue;
    if (k.startsWith('dossiers_') && dossiersPrefilled) continue;
    values[k] = v;
  }
  for (const section of report.form.definition.sections)
    for (const f of [...section.fields, ...section.subsections.flatMap((s) => s.fields)]) {
      if (f.type === 'narrative' && f.required) values[f.key] = `Nội dung **${f.label.vi}** của kỳ báo cáo.`;
      if (f.type === 'choice' && f.required)
        values[f.key] = f.multiple ? [f.options[0]!.key] : f.options[0]!.key;
    }
  return values;
}

let roundId: string;
let tuphapReport: Report;

describe('forms', () => {
  it('ships the default forms (four of issue 13, the programme review of issue 18), each published as version 1; only the standing agency designs', async () => {
    const list = ok<{
      items: { key: string; latestPublished: { number: number } | null }[];
      abilities: { design: boolean };
    }>(await officer.request('GET', '/api/report-forms'));
    expect(list.items.map((f) => f.key).sort()).toEqual([
      'member-report',
      'pilot-unit-report',
      'programme-review',
      'provincial-par-report',
      'unit-par-report',
    ]);
    expect(list.items.every((f) => f.latestPublished?.number === 1)).toBe(true);
    expect(list.abilities.design).toBe(true);
    expect(
      ok<{ abilities: { design: boolean } }>(await focal.request('GET', '/api/report-forms')).abilities
        .design,
    ).toBe(false);
    expect((await hotline.request('GET', '/api/report-forms')).statusCode).toBe(403);
    expect((await focal.request('POST', '/api/report-forms/unit-par-report/drafts')).statusCode).toBe(403);
    const sources = ok<{ items: { id: string; label: { vi: string } }[] }>(
      await officer.request('GET', '/api/report-forms/prefill-sources'),
    );
    expect(sources.items.find((s) => s.id === 'dossiers.received')?.label.vi).toBe(
      'Hồ sơ tiếp nhận trong kỳ',
    );
  });

  it('a new version is a draft copied from the latest; a formula naming a missing field is refused at publication, naming it; the published version never changes', async () => {
    const draft = ok<{
      id: string;
      number: number;
      version: number;
      definition: FormVersion;
      status: string;
    }>(await officer.request('POST', '/api/report-forms/unit-par-report/drafts'), 201);
    expect(draft).toMatchObject({ number: 2, status: 'draft' });
    expect((await officer.request('POST', '/api/report-forms/unit-par-report/drafts')).statusCode).toBe(409);
    const broken = structuredClone(draft.definition);
    broken.sections[0]!.fields.push({
      key: 'ty_le_moi',
      type: 'computed',
      label: { vi: 'Tỷ lệ mới', en: 'New rate' },
      formula: 'pct(khong_co, plan_tasks_total)',
      result: 'percent',
      decimals: 1,
      aggregate: 'recompute',
    });
    const saved = ok<{ version: number; problems: { field: string | null; message: string }[] }>(
      await officer.request('PUT', `/api/report-form-versions/${draft.id}`, {
        version: draft.version,
        definition: broken,
      }),
    );
    expect(saved.problems.some((p) => p.field === 'ty_le_moi' && /khong_co/.test(p.message))).toBe(true);
    // Two designers at once: the second gets a 409, never a silent overwrite.
    expect(
      (
        await officer.request('PUT', `/api/report-form-versions/${draft.id}`, {
          version: draft.version,
          definition: broken,
        })
      ).statusCode,
    ).toBe(409);
    const refused = await officer.request('POST', `/api/report-form-versions/${draft.id}/publish`, {
      version: saved.version,
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.details!.some((d) => d.field === 'ty_le_moi')).toBe(true);
    // Discarded: the form stays on version 1.
    expect(
      (await officer.request('DELETE', `/api/report-form-versions/${draft.id}?version=${saved.version}`))
        .statusCode,
    ).toBe(204);
    const list = ok<{ items: { key: string; latestPublished: { id: string; number: number } }[] }>(
      await officer.request('GET', '/api/report-forms'),
    );
    const v1 = list.items.find((f) => f.key === 'unit-par-report')!.latestPublished;
    expect(v1.number).toBe(1);
    const put = await officer.request('PUT', `/api/report-form-versions/${v1.id}`, {
      version: 1,
      definition: broken,
    });
    expect(put.statusCode).toBe(409);
  });
});

describe('assignments and the expected set across the 2025 reorganisation', () => {
  it('every department of the province submits the unit PAR report each quarter; the expected set follows the registry', async () => {
    ok(
      await officer.request('POST', '/api/report-assignments', {
        formKey: 'unit-par-report',
        ownerUnitId: provinceId,
        periodType: 'quarter',
        target: 'kinds',
        unitId: provinceId,
        unitKinds: ['department'],
        validFrom: '2020-01-01',
      }),
      201,
    );
    expect(
      (
        await focal.request('POST', '/api/report-assignments', {
          formKey: 'unit-par-report',
          ownerUnitId: provinceId,
          periodType: 'quarter',
          target: 'unit',
          unitId: units.get('Sở Tư pháp'),
          validFrom: '2020-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const before = ok<{ expected: number; windowFrom: string; windowTo: string; dueDate: string }>(
      await officer.request(
        'GET',
        `/api/report-rounds/preview?formKey=unit-par-report&ownerUnitId=${provinceId}&periodKey=2024-Q3`,
      ),
    );
    const after = ok<{ expected: number; windowFrom: string; windowTo: string; dueDate: string }>(
      await officer.request(
        'GET',
        `/api/report-rounds/preview?formKey=unit-par-report&ownerUnitId=${provinceId}&periodKey=2026-Q3`,
      ),
    );
    // Q3 runs 15/6–14/9 and is due on 20/9 (Decree 09/2019/NĐ-CP art. 12; 581/BNV-CCHC).
    expect(after).toMatchObject({ windowFrom: '2026-06-15', windowTo: '2026-09-14', dueDate: '2026-09-20' });
    // Sở KH&ĐT, Sở TN&MT, Sở NN&PTNT, Sở GTVT, Sở TT&TT, Sở LĐ-TB&XH… ended on 28/2/2025: fewer departments report after.
    expect(before.expected).toBeGreaterThan(after.expected);
  });

  it('opening Q3/2026 creates one prefilled report per department in force; opening it twice is a 409', async () => {
    const round = ok<Round>(
      await officer.request('POST', '/api/report-rounds', {
        formKey: 'unit-par-report',
        ownerUnitId: provinceId,
        periodKey: '2026-Q3',
      }),
      201,
    );
    roundId = round.id;
    expect(round.rates).toMatchObject({ submitted: 0, onTime: 0, accepted: 0, submittedRate: 0 });
    expect(round.units.map((u) => u.unitName)).toContain('Sở Tư pháp');
    expect(round.units.map((u) => u.unitName)).not.toContain('Sở Kế hoạch và Đầu tư');
    expect(
      (
        await officer.request('POST', '/api/report-rounds', {
          formKey: 'unit-par-report',
          ownerUnitId: provinceId,
          periodKey: '2026-Q3',
        })
      ).statusCode,
    ).toBe(409);
    // The committee reads the round; a unit's focal point does not.
    expect((await member.request('GET', `/api/report-rounds/${roundId}`)).statusCode).toBe(200);
    expect((await focal.request('GET', `/api/report-rounds/${roundId}`)).statusCode).toBe(403);
  });
});

describe("a unit's report: draft, prefill, submission, return, resubmission, acceptance", () => {
  it("the unit's people find it in their list and on their work queue; other units cannot open it", async () => {
    const mine = ok<{ items: { id: string; periodKey: string; status: string }[] }>(
      await focal.request('GET', '/api/reports/mine'),
    );
    const q3 = mine.items.find((r) => r.periodKey === '2026-Q3')!;
    expect(q3.status).toBe('draft');
    tuphapReport = ok<Report>(await focal.request('GET', `/api/reports/${q3.id}`));
    expect(tuphapReport.abilities.edit).toBe(true);
    expect(tuphapReport.problems.some((p) => p.severity === 'error')).toBe(true);
    const queue = ok<{ items: { kind: string; id: string }[] }>(
      await focal.request('GET', '/api/work/queue?view=owed'),
    );
    expect(queue.items.some((i) => i.kind === 'periodic_report' && i.id === q3.id)).toBe(true);
    expect((await xaydung.request('GET', `/api/reports/${q3.id}`)).statusCode).toBe(403);
  });

  it('saves a draft; a prefilled figure changed without a note is refused, with a note it is kept beside the system figure', async () => {
    const values = validValues(tuphapReport);
    const saved = ok<Report>(
      await focal.request('PUT', `/api/reports/${tuphapReport.id}`, {
        version: tuphapReport.version,
        values,
      }),
    );
    expect(saved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    tuphapReport = saved;
    const prefilled = saved.prefill.find((p) => p.field === 'plan_tasks_total');
    if (prefilled) {
      const changed = { ...values, plan_tasks_total: prefilled.value + 1 };
      const refused = await focal.request('PUT', `/api/reports/${saved.id}`, {
        version: saved.version,
        values: changed,
      });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as ErrorBody).error.details![0]!.field).toBe('plan_tasks_total');
      tuphapReport = ok<Report>(
        await focal.request('PUT', `/api/reports/${saved.id}`, {
          version: saved.version,
          values: changed,
          changeNotes: { plan_tasks_total: 'Thêm 01 nhiệm vụ giao bổ sung tại Công văn 12/STP' },
        }),
      );
      expect(tuphapReport.prefill.find((p) => p.field === 'plan_tasks_total')).toMatchObject({
        changed: true,
        note: 'Thêm 01 nhiệm vụ giao bổ sung tại Công văn 12/STP',
      });
    }
    // A save from an older copy is a 409, never a silent overwrite.
    expect(
      (await focal.request('PUT', `/api/reports/${saved.id}`, { version: tuphapReport.version - 1, values }))
        .statusCode,
    ).toBe(409);
  });

  it('the focal point cannot submit (the leader does); a report with errors is refused naming the fields', async () => {
    expect(tuphapReport.work.allowedActions).not.toContain('submit');
    const byFocal = await focal.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
      action: 'submit',
      version: tuphapReport.version,
    });
    expect(byFocal.statusCode).toBe(403);
    const { results_text: _gone, ...missing } = tuphapReport.values as Record<string, unknown>;
    const broken = ok<Report>(
      await focal.request('PUT', `/api/reports/${tuphapReport.id}`, {
        version: tuphapReport.version,
        values: missing,
        changeNotes: Object.fromEntries(
          tuphapReport.prefill.filter((p) => p.note).map((p) => [p.field, p.note!]),
        ),
      }),
    );
    const refused = await leader.request('POST', `/api/reports/${broken.id}/actions`, {
      action: 'submit',
      version: broken.version,
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.details!.map((d) => d.field)).toContain('results_text');
    tuphapReport = ok<Report>(
      await focal.request('PUT', `/api/reports/${broken.id}`, {
        version: broken.version,
        values: tuphapReport.values,
        changeNotes: Object.fromEntries(
          tuphapReport.prefill.filter((p) => p.note).map((p) => [p.field, p.note!]),
        ),
      }),
    );
  });

  it('the leader submits (late: the deadline was 20/09/2026); the officer returns it with a comment on a field; it is resubmitted and accepted, then locked', async () => {
    const submitted = ok<Report & { next: { vi: string } }>(
      await leader.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
        action: 'submit',
        version: tuphapReport.version,
      }),
    );
    expect(submitted).toMatchObject({ status: 'submitted', late: true });
    expect(submitted.next.vi).toMatch(/xem xét/);
    const returned = ok<Report>(
      await officer.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
        action: 'return',
        version: submitted.version,
        reason: 'Bổ sung số liệu kiểm tra',
        comments: [
          { target: 'subunits_inspected', text: 'Số đơn vị được kiểm tra chưa khớp kế hoạch kiểm tra' },
        ],
      }),
    );
    expect(returned.status).toBe('returned');
    expect(returned.comments).toEqual([
      { target: 'subunits_inspected', text: 'Số đơn vị được kiểm tra chưa khớp kế hoạch kiểm tra' },
    ]);
    const fixed = ok<Report>(
      await focal.request('PUT', `/api/reports/${tuphapReport.id}`, {
        version: returned.version,
        values: { ...returned.values, subunits_inspected: 7 },
        changeNotes: Object.fromEntries(
          returned.prefill.filter((p) => p.note).map((p) => [p.field, p.note!]),
        ),
      }),
    );
    const again = ok<Report>(
      await leader.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
        action: 'submit',
        version: fixed.version,
      }),
    );
    // Two reviewers at once: one accepts, the other gets a 409.
    const [a, b] = await Promise.all([
      officer.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
        action: 'accept',
        version: again.version,
      }),
      officer.request('POST', `/api/reports/${tuphapReport.id}/actions`, {
        action: 'accept',
        version: again.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const locked = ok<Report>(await focal.request('GET', `/api/reports/${tuphapReport.id}`));
    expect(locked).toMatchObject({ status: 'accepted', abilities: { edit: false } });
    expect(
      (
        await focal.request('PUT', `/api/reports/${tuphapReport.id}`, {
          version: locked.version,
          values: locked.values,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('the round counts it once: submitted, late, accepted; rates never above 100%', async () => {
    const round = ok<Round>(await officer.request('GET', `/api/report-rounds/${roundId}`));
    expect(round.rates).toMatchObject({ submitted: 1, onTime: 0, accepted: 1 });
    expect(round.rates.submittedRate).toBeLessThanOrEqual(100);
    expect(round.units.find((u) => u.unitName === 'Sở Tư pháp')).toMatchObject({
      status: 'accepted',
      late: true,
    });
  });

  it('an extension with a reason moves one unit’s deadline; the reminder reaches only those who owe', async () => {
    const round = ok<Round>(await officer.request('GET', `/api/report-rounds/${roundId}`));
    const xd = round.units.find((u) => u.unitName === 'Sở Xây dựng')!;
    const report = ok<Report>(await officer.request('GET', `/api/reports/${xd.reportId}`));
    const extended = ok<Report>(
      await officer.request('POST', `/api/reports/${xd.reportId}/actions`, {
        action: 'extend',
        version: report.version,
        reason: 'Sở đang kiện toàn bộ máy sau hợp nhất',
        newDueDate: '2026-12-31',
      }),
    );
    expect(extended.dueDate).toBe('2026-12-31');
    const remind = ok<{ reminded: number }>(
      await officer.request('POST', `/api/report-rounds/${roundId}/remind`, {}),
    );
    expect(remind.reminded).toBe(round.rates.expected - 1);
    expect((await focal.request('POST', `/api/report-rounds/${roundId}/remind`, {})).statusCode).toBe(403);
  });
});

describe('consolidation', () => {
  it('consolidates the submitted reports into the provincial draft; each figure traces to the unit reports', async () => {
    const c = ok<{
      form: { key: string };
      values: Record<string, unknown>;
      figures: Record<string, { value: number | null; reported: number }>;
      units: { submitted: number; notSubmitted: unknown[] };
      version: number;
      stale: boolean;
    }>(await officer.request('POST', `/api/report-rounds/${roundId}/consolidation`));
    expect(c.form.key).toBe('provincial-par-report');
    expect(c.units.submitted).toBe(1);
    expect(c.figures.subunits_inspected).toMatchObject({ value: 7, reported: 1 });
    expect(c.values.subunits_inspected).toBe(7);
    expect(c.stale).toBe(false);
    const traced = ok<{ value: number; lines: { unitName: string; value: number; reportId: string }[] }>(
      await member.request(
        'GET',
        `/api/report-rounds/${roundId}/consolidation/trace?field=subunits_inspected`,
      ),
    );
    expect(traced.lines).toEqual([
      expect.objectContaining({ unitName: 'Sở Tư pháp', value: 7, reportId: tuphapReport.id }),
    ]);
    // A consolidated figure changed by hand needs a note.
    const edited = { ...c.values, subunits_inspected: 8 };
    expect(
      (
        await officer.request('PUT', `/api/report-rounds/${roundId}/consolidation`, {
          version: c.version,
          values: edited,
        })
      ).statusCode,
    ).toBe(400);
    const saved = ok<{
      values: Record<string, unknown>;
      changeNotes: Record<string, string>;
      version: number;
    }>(
      await officer.request('PUT', `/api/report-rounds/${roundId}/consolidation`, {
        version: c.version,
        values: edited,
        changeNotes: { subunits_inspected: 'Bổ sung 01 đơn vị báo cáo qua điện thoại' },
      }),
    );
    expect(saved.changeNotes).toEqual({ subunits_inspected: 'Bổ sung 01 đơn vị báo cáo qua điện thoại' });
    // A choice of the draft is the standing agency's to make: no note for it.
    const chosen = ok<{ version: number; changeNotes: Record<string, string> }>(
      await officer.request('PUT', `/api/report-rounds/${roundId}/consolidation`, {
        version: saved.version,
        values: { ...saved.values, plan_issued: 'issued' },
        changeNotes: saved.changeNotes,
      }),
    );
    expect(Object.keys(chosen.changeNotes)).toEqual(['subunits_inspected']);
    // Recomputed: the hand edit stays.
    const again = ok<{ values: Record<string, unknown> }>(
      await officer.request('POST', `/api/report-rounds/${roundId}/consolidation`),
    );
    expect(again.values.subunits_inspected).toBe(8);
    expect((await focal.request('POST', `/api/report-rounds/${roundId}/consolidation`)).statusCode).toBe(403);
  });

  it('downloads the province report as .docx (state layout, or the committee’s Party layout) and the annexes as .xlsx', async () => {
    const docx = await officer.request('GET', `/api/report-rounds/${roundId}/consolidation.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The committee on the two lines of Decree 30's samples (paragraphs run together once the tags are gone).
    expect(text).toContain('ỦY BAN NHÂN DÂNTỈNH NGHỆ AN');
    expect(text).toContain('quý III/2026');
    // Computed figures are evaluated from the draft (a rate is never left "…" when its counts are there).
    expect(text).toMatch(/Tỷ lệ nhiệm vụ hoàn thành: \d/);
    const party = await officer.request(
      'GET',
      `/api/report-rounds/${roundId}/consolidation.docx?issuer=committee`,
    );
    const partyText = (
      await (await JSZip.loadAsync(party.rawPayload)).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    expect(partyText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    const xlsx = await member.request('GET', `/api/report-rounds/${roundId}/consolidation.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Tổng hợp', 'Theo đơn vị', 'Tình hình nộp']),
    );
    expect((await focal.request('GET', `/api/report-rounds/${roundId}/consolidation.xlsx`)).statusCode).toBe(
      403,
    );
  });

  it('issues the report: registered with its number and date, the .docx and .xlsx attached; the draft is then locked', async () => {
    const c = ok<{ version: number }>(
      await officer.request('GET', `/api/report-rounds/${roundId}/consolidation`),
    );
    expect(
      (
        await focal.request('POST', `/api/report-rounds/${roundId}/consolidation/issue`, {
          version: c.version,
          number: 215,
          issuedOn: '2026-12-06',
          issuer: 'province',
        })
      ).statusCode,
    ).toBe(403);
    const issued = ok<{ documentId: string; abilities: { edit: boolean }; version: number; values: unknown }>(
      await officer.request('POST', `/api/report-rounds/${roundId}/consolidation/issue`, {
        version: c.version,
        number: 215,
        issuedOn: '2026-12-06',
        issuer: 'province',
      }),
    );
    expect(issued.abilities.edit).toBe(false);
    const doc = ok<{ numberSymbol: string; type: string; files: { originalName: string }[] }>(
      await officer.request('GET', `/api/documents/${issued.documentId}`),
    );
    expect(doc).toMatchObject({ numberSymbol: '215/BC-UBND', type: 'bao_cao' });
    expect(doc.files.map((f) => f.originalName).sort()).toEqual([
      'Báo cáo CCHC Quý III-2026.docx',
      'Phụ lục số liệu CCHC Quý III-2026.xlsx',
    ]);
    expect(
      (
        await officer.request('PUT', `/api/report-rounds/${roundId}/consolidation`, {
          version: issued.version,
          values: issued.values,
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe("members' reports to a committee session", () => {
  let meetingId: string;
  let reportId: string;

  it('the standing agency asks each member following units for a report, due 3 working days before the session', async () => {
    const committees = ok<{ items: { id: string; level: string }[] }>(
      await officer.request('GET', '/api/committees?level=province'),
    );
    const meeting = ok<{ id: string }>(
      await officer.request('POST', `/api/committees/${committees.items[0]!.id}/meetings`, {
        kind: 'session',
        title: 'Phiên họp sơ kết công tác CCHC năm 2026',
        date: '2026-12-18',
      }),
      201,
    );
    meetingId = meeting.id;
    const before = ok<{ round: null; abilities: { open: boolean }; suggestedDueDate: string }>(
      await officer.request('GET', `/api/meetings/${meetingId}/member-reports`),
    );
    // Friday 18/12/2026: three working days before is Tuesday 15/12.
    expect(before).toMatchObject({ round: null, abilities: { open: true }, suggestedDueDate: '2026-12-15' });
    expect((await member.request('POST', `/api/meetings/${meetingId}/member-reports`, {})).statusCode).toBe(
      403,
    );
    expect(
      (await officer.request('POST', `/api/meetings/${meetingId}/member-reports`, { dueDate: '2026-12-19' }))
        .statusCode,
    ).toBe(400);
    const round = ok<Round>(
      await officer.request('POST', `/api/meetings/${meetingId}/member-reports`, {}),
      201,
    );
    expect(round.dueDate).toBe('2026-12-15');
    const mine = round.units.find((u) => u.unitName === 'Phạm Thị Ủy Viên')!;
    expect(mine).toBeTruthy();
    reportId = mine.reportId;
    expect((await officer.request('POST', `/api/meetings/${meetingId}/member-reports`, {})).statusCode).toBe(
      409,
    );
  });

  it('the member finds it on the cockpit, prefilled with the units they follow, writes and submits it; nobody else writes it', async () => {
    const cockpit = ok<{ memberReports: { id: string }[] }>(await member.request('GET', '/api/home/cockpit'));
    expect(cockpit.memberReports.map((r) => r.id)).toContain(reportId);
    const report = ok<Report & { evaluated: Record<string, unknown> }>(
      await member.request('GET', `/api/reports/${reportId}`),
    );
    expect(report.abilities.edit).toBe(true);
    // The member is named, not their unit (Sở Tư pháp).
    expect((report as unknown as { memberName: string }).memberName).toBe('Phạm Thị Ủy Viên');
    const rows = report.values.followed_units as { cells: { unit: string } }[];
    expect(rows.map((r) => r.cells.unit).sort()).toEqual(['Sở Tư pháp', 'Sở Xây dựng']);
    expect(report.work.allowedActions).toEqual(['submit']);
    // Sở Tư pháp's own people do not read their director's report as a member.
    expect((await focal.request('GET', `/api/reports/${reportId}`)).statusCode).toBe(403);
    expect(
      (
        await leader.request('PUT', `/api/reports/${reportId}`, {
          version: report.version,
          values: report.values,
        })
      ).statusCode,
    ).toBe(403);
    const values = {
      ...report.values,
      visits: 2,
      results_text: 'Sở Tư pháp và Sở Xây dựng hoàn thành đúng hạn phần lớn nhiệm vụ năm 2026.',
      shortcomings_text: 'Sở Xây dựng còn hồ sơ cấp phép xây dựng trễ hạn.',
      proposals_text: 'Đề nghị Sở Xây dựng rà soát quy trình cấp phép.',
    };
    const saved = ok<Report>(
      await member.request('PUT', `/api/reports/${reportId}`, { version: report.version, values }),
    );
    const submitted = ok<Report>(
      await member.request('POST', `/api/reports/${reportId}/actions`, {
        action: 'submit',
        version: saved.version,
      }),
    );
    expect(submitted.status).toBe('submitted');
    const round = ok<{ round: Round }>(
      await officer.request('GET', `/api/meetings/${meetingId}/member-reports`),
    );
    expect(round.round.rates.submitted).toBe(1);
    const after = ok<{ memberReports: { id: string }[] }>(await member.request('GET', '/api/home/cockpit'));
    expect(after.memberReports.map((r) => r.id)).not.toContain(reportId);
  });
});

describe('a pilot unit’s report, prefilled with its pilot items', () => {
  it('Sở Tư pháp’s 2024 six-month report starts from its pilot items: counts from the system, one table row each', async () => {
    const tuphap = units.get('Sở Tư pháp')!;
    ok(
      await officer.request('POST', '/api/report-assignments', {
        formKey: 'pilot-unit-report',
        ownerUnitId: provinceId,
        periodType: 'half',
        target: 'unit',
        unitId: tuphap,
        validFrom: '2024-01-01',
        validTo: '2024-12-31',
        note: 'Đơn vị chỉ đạo điểm năm 2024',
      }),
      201,
    );
    const round = ok<Round>(
      await officer.request('POST', '/api/report-rounds', {
        formKey: 'pilot-unit-report',
        ownerUnitId: provinceId,
        periodKey: '2024-H2',
      }),
      201,
    );
    expect(round.units.map((u) => u.unitName)).toEqual(['Sở Tư pháp']);
    const report = ok<Report>(await focal.request('GET', `/api/reports/${round.units[0]!.reportId}`));
    const total = report.prefill.find((p) => p.field === 'pilot_items_total');
    expect(total?.value).toBeGreaterThan(0);
    const rows = report.values.pilot_items as { cells: { item: string } }[];
    expect(rows).toHaveLength(total!.value);
    // After 2024 the assignment has ended: 2025 expects nobody.
    expect(
      (
        await officer.request('POST', '/api/report-rounds', {
          formKey: 'pilot-unit-report',
          ownerUnitId: provinceId,
          periodKey: '2025-H1',
        })
      ).statusCode,
    ).toBe(400);
  });
});
