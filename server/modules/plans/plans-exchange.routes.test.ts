import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { SHEETS, TASK_COLUMNS } from './excel-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Task = {
  id: string;
  title: string;
  reformArea: string;
  leadUnitId: string;
  dueDate: string | null;
  focus: boolean;
  source: string;
  supportingUnitIds: string[];
  startDate: string | null;
  weight: number | null;
};
type RowError = { row: number; field: string; column: string; key: string; message: string };
type Batch = { importId: string; created: number; taskIds: string[]; replayed: boolean; fileName: string };
type Metric = { value: number; taskIds: string[] };
type Kpis = {
  method: string;
  overall: Record<string, Metric> & {
    completionPct: { value: number | null; numerator: number; denominator: number };
  };
  byReformArea: { key: string; kpis: Record<string, Metric> }[];
};

let t: TestApp;
let officer: Caller;
let admin: Caller;
let focal: Caller;
let planId: string;
let demoPlanId: string;

function multipart(filename: string, content: Buffer, type = XLSX) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const upload = (
  caller: Caller,
  id: string,
  file: Buffer,
  query = '',
  name = 'Nhiệm vụ 2026.xlsx',
  type = XLSX,
) => {
  const body = multipart(name, file, type);
  return caller.request('POST', `/api/plans/${id}/tasks/import${query}`, body.payload, {
    'content-type': body.contentType,
  });
};

/** Fills the plan's own template (downloaded) with rows keyed by column, as a user would in Excel. */
async function filledTemplate(rows: Record<string, unknown>[]): Promise<Buffer> {
  const res = await officer.request('GET', `/api/plans/${planId}/tasks/template.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEETS.tasks)!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = i + 1;
    TASK_COLUMNS.forEach((c, j) => {
      if (r[c.key] !== undefined) row.getCell(j + 1).value = r[c.key] as ExcelJS.CellValue;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const tasksOf = async (id: string) =>
  ((await officer.request('GET', `/api/plans/${id}/tasks`)).json() as { items: Task[] }).items;

/** The text of a .docx, one line per paragraph, and its raw XML (a .docx is a zip of XML parts). */
async function docxText(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const lines = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((l) => l.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .filter((l) => l.trim());
  return { lines, xml, styles: await zip.file('word/styles.xml')!.async('string') };
}

const GOOD = [
  {
    title: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp',
    description: 'Rà soát toàn bộ TTHC thuộc thẩm quyền của Sở',
    reformArea: 'Cải cách thủ tục hành chính',
    leadUnit: 'Sở Tư pháp',
    supportingUnits: '40.noivu; 40.vpubnd',
    startDate: '15/01/2026',
    dueDate: '30/06/2026',
    expectedOutput: 'Quyết định phê duyệt phương án đơn giản hóa',
    focus: 'x',
    weight: 2,
  },
  {
    title: 'Số hóa hồ sơ cấp phép xây dựng',
    reformArea: 'Xây dựng chính phủ điện tử, chính phủ số',
    leadUnit: 'so xay dung', // accent-insensitive exact name
    dueDate: new Date(Date.UTC(2026, 8, 30)), // an Excel date cell
  },
  {
    title: 'Tuyên truyền CCHC trên cổng thông tin',
    reformArea: 'Công tác chỉ đạo, điều hành CCHC',
    leadUnit: '40.vpubnd',
    dueDate: 'Thường xuyên',
  },
];

beforeAll(async () => {
  t = await testApp({ login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } });
  officer = await t.login('thuongtruc@chidao.demo');
  admin = await t.login('admin@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
    items: { id: string; name: string }[];
  };
  const province = list.items.find((u) => u.name === 'Nghệ An')!;
  const plan = await officer.request('POST', '/api/plans', {
    year: 2026,
    ownerUnitId: province.id,
    title: 'Kế hoạch CCHC năm 2026',
    method: 'count',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = (plan.json() as { id: string }).id;
  const plans = (await officer.request('GET', '/api/plans?year=2025')).json() as { items: { id: string }[] };
  demoPlanId = plans.items[0]!.id;
});
afterAll(() => t.close());

describe('the import template', () => {
  it('has the tasks sheet with the documented columns, the guide, the units in force and the reform areas', async () => {
    const res = await officer.request('GET', `/api/plans/${planId}/tasks/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    // RFC 6266: the Vietnamese name intact, with an ASCII fallback.
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Mẫu nhập nhiệm vụ - Kế hoạch CCHC năm 2026.xlsx')}`,
    );
    expect(res.headers['content-disposition']).toContain(
      'filename="Mau nhap nhiem vu - Ke hoach CCHC nam 2026.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      SHEETS.tasks,
      SHEETS.guide,
      SHEETS.units,
      SHEETS.areas,
    ]);
    const header = (wb.getWorksheet(SHEETS.tasks)!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Tên nhiệm vụ*',
      'Mô tả',
      'Lĩnh vực CCHC*',
      'Đơn vị chủ trì*',
      'Đơn vị phối hợp',
      'Ngày bắt đầu',
      'Hạn hoàn thành',
      'Sản phẩm',
      'Trọng tâm (x)',
      'Trọng số',
      // The history of a province that starts mid-year (optional; an old file without them still imports).
      'Trạng thái',
      'Ngày hoàn thành',
      'Ngày xác nhận',
      'Tiến độ (%)',
      'Kết quả đạt được',
    ]);
    const status = wb.getWorksheet(SHEETS.tasks)!.getCell('L2').dataValidation;
    expect(status).toMatchObject({
      type: 'list',
      formulae: ['"Chưa bắt đầu,Đang thực hiện,Đã báo cáo hoàn thành,Đã xác nhận hoàn thành"'],
    });
    const area = wb.getWorksheet(SHEETS.tasks)!.getCell('D2').dataValidation;
    expect(area).toMatchObject({ type: 'list', formulae: [`'${SHEETS.areas}'!$A$2:$A$8`] });
    const areas = wb.getWorksheet(SHEETS.areas)!.getColumn(1).values.slice(2);
    expect(areas).toContain('Cải cách thủ tục hành chính');
    expect(areas).toHaveLength(7);
    // Units as of 31/12/2026: the departments after the 2025 reorganisation, not those it ended.
    const units = wb.getWorksheet(SHEETS.units)!;
    const names = units.getColumn(2).values.slice(2);
    expect(names).toContain('Sở Tư pháp');
    expect(names).toContain('Sở Nông nghiệp và Môi trường');
    expect(names).not.toContain('Sở Giao thông vận tải');
    expect(units.getColumn(1).values).toContain('40.tuphap');
    const guide = wb
      .getWorksheet(SHEETS.guide)!
      .getColumn(1)
      .values.map((v) => String(v ?? ''));
    expect(guide.some((v) => v.includes('31/12/2026'))).toBe(true);
  });
});

describe('importing tasks from Excel (all or nothing, idempotent)', () => {
  it('a valid file creates every task, once, with one journal entry each', async () => {
    const file = await filledTemplate(GOOD);
    const before = (await tasksOf(planId)).length;
    const res = await upload(officer, planId, file);
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as Batch;
    expect(batch).toMatchObject({ created: 3, replayed: false, fileName: 'Nhiệm vụ 2026.xlsx' });
    const tasks = await tasksOf(planId);
    expect(tasks).toHaveLength(before + 3);
    const tp = tasks.find((x) => x.title === GOOD[0]!.title)!;
    expect(tp).toMatchObject({
      reformArea: 'procedures',
      startDate: '2026-01-15',
      dueDate: '2026-06-30',
      focus: true,
      weight: 2,
      source: 'plan',
    });
    expect(tp.supportingUnitIds).toHaveLength(2);
    expect(tasks.find((x) => x.title === GOOD[1]!.title)).toMatchObject({
      reformArea: 'digital_government',
      dueDate: '2026-09-30',
      focus: false,
    });
    expect(tasks.find((x) => x.title === GOOD[2]!.title)!.dueDate).toBeNull();
    for (const id of batch.taskIds) {
      const journal = (await admin.request('GET', `/api/audit?entity=task&entityId=${id}`)).json() as {
        items: { action: string }[];
      };
      expect(journal.items.map((e) => e.action)).toEqual(['create']);
    }
    const history = (await officer.request('GET', `/api/plans/${planId}/imports`)).json() as {
      items: Batch[];
    };
    expect(history.items.map((i) => i.importId)).toEqual([batch.importId]);
  });

  it('the same file again is a no-op that returns the first result', async () => {
    const file = await filledTemplate([
      {
        title: 'Kiểm tra công tác CCHC tại UBND cấp xã',
        reformArea: 'Cải cách thể chế',
        leadUnit: 'Sở Nội vụ',
      },
    ]);
    const first = await upload(officer, planId, file);
    expect(first.statusCode, first.body).toBe(201);
    const count = (await tasksOf(planId)).length;
    const again = await upload(officer, planId, file, '', 'tên khác.xlsx');
    expect(again.statusCode, again.body).toBe(200);
    const a = first.json() as Batch;
    const b = again.json() as Batch;
    expect(b).toMatchObject({ importId: a.importId, taskIds: a.taskIds, created: 1, replayed: true });
    expect(await tasksOf(planId)).toHaveLength(count);
    // The same rows saved again: Excel stamps the time of the save into the workbook, so the bytes differ,
    // but it is the same import (the CI once saw a 400 here when the template was filled a second later).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.modified = new Date(Date.now() + 86_400_000);
    wb.lastModifiedBy = 'Người khác';
    const resaved = Buffer.from(await wb.xlsx.writeBuffer());
    expect(resaved.equals(file)).toBe(false);
    const third = await upload(officer, planId, resaved, '', 'lưu lại.xlsx');
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json()).toMatchObject({ importId: a.importId, replayed: true });
    expect(await tasksOf(planId)).toHaveLength(count);
    // A dry run of it says so too.
    const dry = await upload(officer, planId, file, '?dryRun=true');
    expect((dry.json() as { alreadyImported: { importId: string } }).alreadyImported.importId).toBe(
      a.importId,
    );
  });

  it('the same file sent twice at once still writes its tasks once', async () => {
    // Several rounds: the second request may read the plan after the first wrote its tasks but before it
    // checked for an earlier import — those tasks must not look like duplicates in the file (a 400, seen in CI).
    for (let round = 1; round <= 5; round++) {
      const file = await filledTemplate([
        {
          title: `Nhiệm vụ gửi hai lần cùng lúc, lượt ${round}`,
          reformArea: 'Cải cách chế độ công vụ',
          leadUnit: 'Sở Nội vụ',
        },
      ]);
      const before = (await tasksOf(planId)).length;
      const [a, b] = await Promise.all([upload(officer, planId, file), upload(officer, planId, file)]);
      expect([a.statusCode, b.statusCode].sort(), a.body + b.body).toEqual([200, 201]);
      expect((a.json() as Batch).importId).toBe((b.json() as Batch).importId);
      expect(await tasksOf(planId)).toHaveLength(before + 1);
    }
  });

  it('one bad row: 400 naming that row and column, and not a single task written', async () => {
    const before = (await tasksOf(planId)).length;
    const file = await filledTemplate([
      { title: 'Nhiệm vụ hợp lệ thứ nhất', reformArea: 'Cải cách thể chế', leadUnit: 'Sở Tư pháp' },
      // The department ended on 28/2/2025 (Decree 45/2025/NĐ-CP): not in force in 2026.
      {
        title: 'Nhiệm vụ của đơn vị đã giải thể',
        reformArea: 'Cải cách thể chế',
        leadUnit: 'Sở Giao thông vận tải',
      },
      { title: 'Nhiệm vụ hợp lệ thứ ba', reformArea: 'Cải cách thể chế', leadUnit: 'Sở Tư pháp' },
    ]);
    const res = await upload(officer, planId, file);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: { code: string; message: string }; rows: RowError[] };
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.message).toContain('chưa nhiệm vụ nào được ghi');
    expect(body.rows).toEqual([
      {
        row: 3,
        field: 'leadUnit',
        column: 'Đơn vị chủ trì',
        key: 'plan_import.unit_not_in_force',
        message:
          'Đơn vị "Sở Giao thông vận tải" không có hiệu lực vào ngày 31/12/2026 (mốc đơn vị của kế hoạch).',
      },
    ]);
    expect(await tasksOf(planId)).toHaveLength(before);
    // In English on request.
    const body2 = multipart('x.xlsx', file);
    const en = await officer.request('POST', `/api/plans/${planId}/tasks/import`, body2.payload, {
      'content-type': body2.contentType,
      'x-chidao-locale': 'en',
    });
    expect(en.statusCode).toBe(400);
    const enBody = en.json() as { rows: RowError[] };
    expect(enBody.rows[0]!.message).toContain('is not in force on 31/12/2026');
  });

  it('lists every error of every row: dates, areas, duplicates, tasks already in the plan', async () => {
    const file = await filledTemplate([
      { title: 'Trùng tên', reformArea: 'Cải cách thể chế', leadUnit: 'Sở Tư pháp', dueDate: '31/02/2026' },
      {
        title: 'trùng  tên',
        reformArea: 'Cải cách tư pháp',
        leadUnit: 'Sở Tư pháp',
        startDate: '01/12/2025',
      },
      { title: GOOD[0]!.title, reformArea: 'Cải cách thể chế', leadUnit: 'Sở Tư pháp', focus: 'có lẽ' },
    ]);
    const res = await upload(officer, planId, file);
    expect(res.statusCode).toBe(400);
    const rows = (res.json() as { rows: RowError[] }).rows;
    expect(rows.map((r) => [r.row, r.field, r.key])).toEqual([
      [2, 'dueDate', 'plan_import.date_invalid'],
      [3, 'title', 'plan_import.duplicate_title'],
      [3, 'reformArea', 'plan_import.area_unknown'],
      [3, 'startDate', 'plan_import.start_outside_year'],
      [4, 'focus', 'plan_import.focus_invalid'],
      [4, 'title', 'plan_import.already_in_plan'],
    ]);
    expect(rows[1]!.message).toBe('Trùng tên nhiệm vụ với dòng 2.');
  });

  it('a dry run validates and previews without writing', async () => {
    const before = (await tasksOf(planId)).length;
    const good = await filledTemplate([
      {
        title: 'Xem trước nhiệm vụ',
        reformArea: 'Cải cách tài chính công',
        leadUnit: '40.taichinh',
        dueDate: '31/10/2026',
      },
    ]);
    const res = await upload(officer, planId, good, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: true,
      valid: true,
      total: 1,
      rows: [],
      tasks: [{ row: 2, title: 'Xem trước nhiệm vụ', reformArea: 'public_finance', dueDate: '2026-10-31' }],
      alreadyImported: null,
    });
    const bad = await filledTemplate([{ title: 'Thiếu lĩnh vực', leadUnit: 'Sở Tư pháp' }]);
    const dry = await upload(officer, planId, bad, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      valid: false,
      rows: [{ row: 2, field: 'reformArea', key: 'plan_import.required' }],
      tasks: [],
    });
    expect(await tasksOf(planId)).toHaveLength(before);
  });

  it('refuses a header that is not the template’s, and an empty file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Tên', 'Đơn vị']);
    const res = await upload(officer, planId, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { rows: RowError[] }).rows.map((r) => [r.row, r.key])).toEqual([
      [1, 'plan_import.header_missing'],
      [1, 'plan_import.header_missing'],
      [1, 'plan_import.header_missing'],
    ]);
    const empty = await upload(officer, planId, await filledTemplate([]));
    expect((empty.json() as { rows: RowError[] }).rows[0]!.key).toBe('plan_import.no_rows');
  });

  it('refuses what is not an .xlsx by its content (415), whatever its name', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const res = await upload(officer, planId, pdf, '', 'nhiem-vu.xlsx');
    expect(res.statusCode).toBe(415);
    expect((res.json() as { error: { message: string } }).error.message).toContain('application/pdf');
    const csv = await upload(
      officer,
      planId,
      Buffer.from('STT;Tên nhiệm vụ\n1;A\n'),
      '',
      'a.csv',
      'text/csv',
    );
    expect(csv.statusCode).toBe(415);
  });

  it('only the plan’s managers import: a focal point gets 403 and nothing is written', async () => {
    const before = (await tasksOf(planId)).length;
    const file = await filledTemplate([
      { title: 'Nhiệm vụ tự thêm', reformArea: 'Cải cách thể chế', leadUnit: 'Sở Tư pháp' },
    ]);
    const res = await upload(focal, planId, file);
    expect(res.statusCode).toBe(403);
    const dry = await upload(focal, planId, file, '?dryRun=true');
    expect(dry.statusCode).toBe(403);
    expect(await tasksOf(planId)).toHaveLength(before);
  });
});

describe('a province that starts mid-year imports its history (states and dates)', () => {
  let backfillPlan: string;
  beforeAll(async () => {
    const list = (await officer.request('GET', '/api/units?asOf=2026-06-01&limit=5000')).json() as {
      items: { id: string; name: string }[];
    };
    const res = await officer.request('POST', '/api/plans', {
      year: 2026,
      ownerUnitId: list.items.find((u) => u.name === 'Nghệ An')!.id,
      title: 'Kế hoạch CCHC năm 2026 (nhập lịch sử)',
      method: 'count',
    });
    expect(res.statusCode, res.body).toBe(201);
    backfillPlan = (res.json() as { id: string }).id;
  });

  const HISTORY = [
    {
      title: 'Ban hành kế hoạch rà soát TTHC năm 2026',
      reformArea: 'Cải cách thủ tục hành chính',
      leadUnit: 'Sở Tư pháp',
      startDate: '05/01/2026',
      dueDate: '31/03/2026',
      status: 'Đã xác nhận hoàn thành',
      doneDate: '15/03/2026',
      verifiedDate: '20/03/2026',
      progress: 100,
      output: 'Quyết định số 45/QĐ-STP ngày 15/03/2026',
    },
    {
      title: 'Công khai TTHC trên Cổng dịch vụ công',
      reformArea: 'Cải cách thủ tục hành chính',
      leadUnit: 'Sở Tư pháp',
      dueDate: '31/03/2026',
      status: 'Đã báo cáo hoàn thành',
      doneDate: '07/04/2026',
    },
    {
      title: 'Số hóa hồ sơ công chức',
      reformArea: 'Cải cách chế độ công vụ',
      leadUnit: 'Sở Nội vụ',
      startDate: '01/02/2026',
      dueDate: '31/12/2026',
      status: 'Đang thực hiện',
      progress: 60,
    },
  ];

  it('the dry run previews each status with its dates', async () => {
    const res = await upload(officer, backfillPlan, await filledTemplate(HISTORY), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as { valid: boolean; tasks: Record<string, unknown>[] };
    expect(preview.valid).toBe(true);
    expect(preview.tasks.map((t) => [t.status, t.reportedOn, t.verifiedOn, t.progress])).toEqual([
      ['verified', '2026-03-15', '2026-03-20', 100],
      ['reported_done', '2026-04-07', null, null],
      ['in_progress', null, null, 60],
    ]);
  });

  it('imports the states; "late" is counted from the done dates, the history keeps both dates', async () => {
    const res = await upload(officer, backfillPlan, await filledTemplate(HISTORY));
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json() as Batch;
    const tasks = await tasksOf(backfillPlan);
    const [onTime, late, open] = HISTORY.map((h) => tasks.find((x) => x.title === h.title)!) as (Task & {
      status: string;
      reportedOn: string | null;
      verifiedOn: string | null;
      timing: { state: string; daysOverdue: number };
    })[];
    expect(onTime).toMatchObject({ status: 'verified', reportedOn: '2026-03-15', verifiedOn: '2026-03-20' });
    expect(onTime!.timing).toMatchObject({ state: 'done_on_time', daysOverdue: 0 });
    // Due 31/03, reported 07/04: 5 working days late — not the months since, to the day of the import.
    expect(late).toMatchObject({ status: 'reported_done', reportedOn: '2026-04-07' });
    expect(late!.timing).toMatchObject({ state: 'overdue', daysOverdue: 5 });
    expect(open!.status).toBe('in_progress');

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const history = (
      (await officer.request('GET', `/api/tasks/${onTime!.id}/events`)).json() as {
        items: {
          action: string;
          on: string;
          recordedOn: string;
          percent: number | null;
          note: string | null;
        }[];
      }
    ).items;
    expect(history.map((e) => [e.action, e.on, e.recordedOn])).toEqual([
      ['start', '2026-01-05', today],
      ['report_done', '2026-03-15', today],
      ['verify', '2026-03-20', today],
      ['progress', '2026-03-20', today],
    ]);
    expect(history[1]!.note).toBe('Quyết định số 45/QĐ-STP ngày 15/03/2026');

    // The plan's figures as they stood on 31/03/2026 (the dashboard's as-of view, from the events).
    const kpis = (await officer.request('GET', `/api/plans/${backfillPlan}/kpis`)).json() as Kpis;
    expect(kpis.overall.verifiedOnTime!.taskIds).toEqual([onTime!.id]);
    const dash = (
      await officer.request('GET', `/api/plans/${backfillPlan}/dashboard?asOf=2026-03-31&groupBy=area`)
    ).json() as { overall: Record<string, Metric> };
    expect(dash.overall.verified!.taskIds).toEqual([onTime!.id]);

    // Idempotent as before: the same file again writes nothing.
    const again = await upload(officer, backfillPlan, await filledTemplate(HISTORY));
    expect(again.statusCode).toBe(200);
    expect((again.json() as Batch).importId).toBe(batch.importId);
    expect(await tasksOf(backfillPlan)).toHaveLength(3);
  });

  it('a history that cannot be true is refused row by row, and nothing is written', async () => {
    const before = (await tasksOf(backfillPlan)).length;
    const res = await upload(
      officer,
      backfillPlan,
      await filledTemplate([
        { ...HISTORY[0]!, title: 'Nhiệm vụ A', verifiedDate: '10/03/2026' },
        { ...HISTORY[1]!, title: 'Nhiệm vụ B', doneDate: '31/12/2099' },
        { ...HISTORY[2]!, title: 'Nhiệm vụ C', status: 'Đã hủy' },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const rows = (res.json() as { error: { details?: unknown }; rows?: RowError[] }).rows ?? [];
    expect(rows.map((r) => [r.row, r.field, r.key])).toEqual([
      [2, 'verifiedDate', 'plan_import.verified_before_done'],
      [3, 'doneDate', 'plan_import.date_in_future'],
      [4, 'status', 'plan_import.status_not_importable'],
    ]);
    expect(await tasksOf(backfillPlan)).toHaveLength(before);
  });

  it('an old file (the template before these columns) still imports, every task not started', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEETS.tasks);
    ws.addRow(['STT', 'Tên nhiệm vụ*', 'Lĩnh vực CCHC*', 'Đơn vị chủ trì*', 'Hạn hoàn thành']);
    ws.addRow([1, 'Nhiệm vụ từ tệp mẫu cũ', 'Cải cách thể chế', 'Sở Tư pháp', '30/09/2026']);
    const res = await upload(
      officer,
      backfillPlan,
      Buffer.from(await wb.xlsx.writeBuffer()),
      '',
      'mau-cu.xlsx',
    );
    expect(res.statusCode, res.body).toBe(201);
    const task = (await tasksOf(backfillPlan)).find((x) => x.title === 'Nhiệm vụ từ tệp mẫu cũ')! as Task & {
      status: string;
    };
    expect(task.status).toBe('not_started');
  });
});

describe('exports', () => {
  it('the Excel export parses back with the tasks and the KPIs of the plan', async () => {
    const asOf = '2025-12-31';
    const kpis = (await officer.request('GET', `/api/plans/${demoPlanId}/kpis?asOf=${asOf}`)).json() as Kpis;
    const res = await focal.request('GET', `/api/plans/${demoPlanId}/export.xlsx?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Ti%E1%BA%BFn%20%C4%91%E1%BB%99");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiến độ')!;
    expect(ws.rowCount - 1).toBe(kpis.overall.total!.value);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const column = (name: string) =>
      Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(col(name)).value);
    expect(column('Trạng thái').filter((s) => s === 'Đã xác nhận hoàn thành')).toHaveLength(
      kpis.overall.verified!.value,
    );
    expect(column('Thời hạn').filter((s) => s === 'Quá hạn')).toHaveLength(kpis.overall.overdue!.value);
    expect(column('Hạn hoàn thành').every((d) => d instanceof Date)).toBe(true);
    expect(ws.getRow(2).getCell(col('Hạn hoàn thành')).numFmt).toBe('dd/mm/yyyy');
    expect(column('Ngày xác nhận hoàn thành').filter((d) => d instanceof Date)).toHaveLength(
      kpis.overall.verified!.value,
    );

    const sum = wb.getWorksheet('Tổng hợp')!;
    const line = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sum.eachRow((r) => {
        if (!found && r.getCell(1).value === label) found = r;
      });
      return found!;
    };
    expect(line('Tổng số nhiệm vụ').getCell(2).value).toBe(kpis.overall.total!.value);
    expect(line('Đã xác nhận hoàn thành').getCell(2).value).toBe(kpis.overall.verified!.value);
    expect(line('Hoàn thành đúng hạn').getCell(2).value).toBe(kpis.overall.verifiedOnTime!.value);
    expect(line('Đang thực hiện').getCell(2).value).toBe(kpis.overall.inProgress!.value);
    expect(line('Quá hạn').getCell(2).value).toBe(kpis.overall.overdue!.value);
    const pct = kpis.overall.completionPct.value!;
    expect(line('Tỷ lệ hoàn thành (%)').getCell(2).value).toBe(Math.round(pct * 100) / 100);
    expect(line('Tỷ lệ hoàn thành (%)').getCell(3).value).toBe(
      `${(Math.round(pct * 100) / 100).toFixed(2).replace('.', ',')}% (${kpis.overall.completionPct.numerator}/${kpis.overall.completionPct.denominator})`,
    );
    expect(String(line('Cách tính').getCell(3).value)).toContain('Đếm nhiệm vụ');
  });

  it('the DOCX report is an administrative document: motto, number, place and date, Times New Roman, sections I–IV', async () => {
    const asOf = '2025-12-31';
    const kpis = (await officer.request('GET', `/api/plans/${demoPlanId}/kpis?asOf=${asOf}`)).json() as Kpis;
    const res = await focal.request('GET', `/api/plans/${demoPlanId}/report.docx?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Bao cao tien do .*\.docx"; filename\*=UTF-8''B%C3%A1o%20c%C3%A1o/,
    );
    const { lines, xml, styles } = await docxText(res.rawPayload);
    expect(lines.slice(0, 5)).toEqual([
      'UBND TỈNH NGHỆ AN',
      'BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH',
      'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(lines[5]).toMatch(/^Nghệ An, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
    expect(lines[6]).toBe('BÁO CÁO');
    expect(lines[7]).toBe('Tiến độ thực hiện Kế hoạch công tác CCHC năm 2025 của Ban Chỉ đạo CCHC tỉnh');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('w:ascii="Times New Roman"');
    const c = kpis.overall.completionPct;
    const pct = (Math.round(c.value! * 100) / 100).toFixed(2).replace('.', ',');
    expect(lines).toContain(
      `Tổng số nhiệm vụ: ${kpis.overall.total!.value}. Đã hoàn thành ${c.numerator}/${c.denominator} nhiệm vụ (${pct}%).`,
    );
    for (const h of [
      'I. KẾT QUẢ CHUNG',
      'II. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH HÀNH CHÍNH',
      'III. NHIỆM VỤ QUÁ HẠN',
      'IV. NHIỆM VỤ BỊ TRẢ LẠI',
    ])
      expect(lines).toContain(h);
    // II: one row per reform area; III: the overdue tasks with their lead units; IV: the returned tasks.
    const between = (from: string, to: string) => lines.slice(lines.indexOf(from) + 1, lines.indexOf(to));
    const areaRows = between('II. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH HÀNH CHÍNH', 'III. NHIỆM VỤ QUÁ HẠN');
    expect(areaRows).toContain('Cải cách thủ tục hành chính');
    const overdueIds = kpis.overall.overdue!.taskIds;
    const overdueSection = between('III. NHIỆM VỤ QUÁ HẠN', 'IV. NHIỆM VỤ BỊ TRẢ LẠI');
    if (overdueIds.length) {
      expect(overdueSection[0]).toBe(
        `Có ${overdueIds.length} nhiệm vụ quá hạn chưa hoàn thành (số ngày quá hạn tính theo ngày làm việc):`,
      );
      const tasks = (await tasksOf(demoPlanId)).filter((x) => overdueIds.includes(x.id));
      for (const task of tasks) expect(overdueSection).toContain(task.title);
    } else expect(overdueSection).toEqual(['Không có nhiệm vụ quá hạn.']);
    const returned = kpis.overall.returned!.value;
    const returnedSection = lines.slice(
      lines.indexOf('IV. NHIỆM VỤ BỊ TRẢ LẠI') + 1,
      lines.indexOf('Nơi nhận:'),
    );
    expect(returnedSection[0]).toBe(
      returned
        ? `Có ${returned} nhiệm vụ đã báo cáo hoàn thành nhưng bị trả lại để hoàn thiện:`
        : 'Không có nhiệm vụ bị trả lại.',
    );
    if (returned) expect(returnedSection).toContain('Thiếu tài liệu kiểm chứng');
    expect(lines.slice(-3)).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Trần Văn Chỉ Đạo']);
    expect(lines).toContain('- Lưu: VT, BCĐ.');
  });

  it('exports need a plan that exists and a signed-in user', async () => {
    const missing = await officer.request(
      'GET',
      '/api/plans/00000000-0000-4000-8000-000000000000/report.docx',
    );
    expect(missing.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/export.xlsx` });
    expect(anonymous.statusCode).toBe(401);
    const badDate = await officer.request('GET', `/api/plans/${planId}/report.docx?asOf=31/12/2025`);
    expect(badDate.statusCode).toBe(400);
  });
});
