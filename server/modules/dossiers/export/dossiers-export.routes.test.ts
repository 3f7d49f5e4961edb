import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../core/context.js';
import { loadActor } from '../../access/access.service.js';
import { getFile } from '../../files/files.service.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import type { BreakdownResponse, DossierListResponse, TrendResponse } from '../dossiers-query.schemas.js';
import { addTestProcedures, localAt, mergerDepartments, testDossier } from '../test-fixtures.js';
import {
  claimableExports,
  expireExports,
  kickExport,
  requestExport,
  runExport,
  settleExports,
  type ExportDeps,
} from './dossiers-export.service.js';
import type { ExportJobOut } from './dossiers-export.schemas.js';
import { dossierExports } from './dossiers-export.table.js';
import {
  DOSSIER_SHEET,
  FIGURE_COLUMNS,
  GROUP_SHEET_NAMES,
  INFO_SHEET,
  LEVEL_LABELS,
  LEVEL_SHEET,
  LIGHT_TEXT,
  TREND_SHEET,
} from './workbook.js';

const CAP = 5;
let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;
let hotline: Caller;
const units: Record<string, string> = {};

const d = testDossier;
const at = localAt;
const Q1 = { from: '2025-01-01', to: '2025-03-31' };

const get = async <T>(caller: Caller, url: string) => {
  const res = await caller.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** Starts an export and polls it (as the page does) until it ends; returns the progress seen. */
async function exportAndWait(caller: Caller, body: Record<string, unknown>) {
  const res = await caller.request('POST', '/api/dossiers/exports', body);
  expect(res.statusCode, res.body).toBe(202);
  const job = res.json() as ExportJobOut;
  expect(job.status).toBe('queued');
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const now = await get<ExportJobOut>(caller, `/api/dossiers/exports/${job.id}`);
    seen.push(now.progress);
    if (now.status === 'done' || now.status === 'failed') return { job: now, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('export did not finish');
}

async function workbookOf(caller: Caller, job: ExportJobOut) {
  const res = await caller.request('GET', job.downloadUrl!);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(String(res.headers['content-disposition'])).toContain('.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The figure columns of a sheet by id (their position after the identity columns). */
function figureCells(ws: ExcelJS.Worksheet, rowNo: number, identity: number) {
  const out: Record<string, unknown> = {};
  FIGURE_COLUMNS.forEach((col, i) => {
    const v = ws.getRow(rowNo).getCell(identity + i + 1).value;
    out[col.id] = v === undefined ? null : v;
  });
  return out;
}
const expected = (f: BreakdownResponse['total']) =>
  Object.fromEntries(FIGURE_COLUMNS.map((col) => [col.id, col.value(f)]));

/** Rows of a sheet below its two header rows, keyed by the text of column `keyCol`. */
function rowsByName(ws: ExcelJS.Worksheet, keyCol: number) {
  const out = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n > 2) out.set(String(row.getCell(keyCol).value), n);
  });
  return out;
}

beforeAll(async () => {
  t = await testApp({ dossierExports: { keepDays: 7, maxDossierRows: CAP } });
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  hotline = await t.login('duongdaynong@chidao.demo');
  Object.assign(units, await mergerDepartments(admin));
  await addTestProcedures(standing);
  const B = '2.000123';
  const tuphap = Array.from({ length: 8 }, (_, i) =>
    d(`TP-${i + 1}`, {
      unitId: units.tuphap,
      channel: i % 2 ? 'online' : 'in_person',
      receivedAt: at(`2025-01-${String(6 + i).padStart(2, '0')}`),
      ...(i < 6
        ? {
            resolvedAt: at(i === 5 ? '2025-02-20' : `2025-01-${String(7 + i).padStart(2, '0')}`),
            status: 'resolved',
            digitised: i % 3 === 0,
            eResult: i % 2 === 1,
            rating: i === 1 ? 'not_satisfied' : 'satisfied',
          }
        : {}),
    }),
  );
  const res = await standing.request('POST', '/api/dossiers/batch', {
    dossiers: [
      ...tuphap,
      d('TPB-1', {
        procedureCode: B,
        unitId: units.tuphap,
        channel: 'online',
        receivedAt: at('2025-02-03'),
        resolvedAt: at('2025-02-04'),
        status: 'resolved',
        feePayable: true,
        paidOnline: true,
      }),
      d('G-1', {
        procedureCode: B,
        unitId: units.gtvt,
        receivedAt: at('2025-02-10'),
        resolvedAt: at('2025-02-12'),
        status: 'resolved',
      }),
      d('G-2', { procedureCode: B, unitId: units.gtvt, receivedAt: at('2025-02-20') }),
      d('X-1', {
        procedureCode: B,
        unitId: units.xaydung,
        channel: 'online',
        receivedAt: at('2025-03-10'),
        resolvedAt: at('2025-03-20'),
        status: 'resolved',
      }),
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
}, 120_000);

afterAll(async () => {
  await settleExports();
  await t?.close();
});

describe('Excel export of the dossier dashboard', () => {
  it('runs in the background to 100% and its workbook holds the breakdown API’s numbers', async () => {
    const { job, seen } = await exportAndWait(standing, { ...Q1, groupBy: 'unit', ended: 'show' });
    expect(job.status, job.failure ?? '').toBe('done');
    expect(job.phase).toBe('done');
    expect(job.progress).toBe(1);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(job.rowsWritten).toBeGreaterThan(0);
    expect(job.fileName).toBe('Số liệu hồ sơ TTHC 01.01.2025 - 31.03.2025.xlsx');
    expect(job.expiresAt! > job.finishedAt!).toBe(true);

    const wb = await workbookOf(standing, job);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      INFO_SHEET,
      GROUP_SHEET_NAMES.unit,
      LEVEL_SHEET,
      GROUP_SHEET_NAMES.field,
      TREND_SHEET,
    ]);

    // By unit: every group row and the total equal the API's figures, column by column (ended units listed,
    // as asked), each with its rank.
    const api = await get<BreakdownResponse>(
      standing,
      `/api/dossiers/breakdown?from=${Q1.from}&to=${Q1.to}&groupBy=unit&ended=show`,
    );
    expect(api.groups.length).toBeGreaterThanOrEqual(3);
    const byUnit = wb.getWorksheet(GROUP_SHEET_NAMES.unit)!;
    const rows = rowsByName(byUnit, 3);
    for (const g of api.groups) {
      const n = rows.get(g.name);
      expect(n, g.name).toBeDefined();
      expect(figureCells(byUnit, n!, 4)).toEqual(expected(g));
      expect(byUnit.getRow(n!).getCell(2).value ?? null).toBe(g.code);
      expect(byUnit.getRow(n!).getCell(1).value ?? null).toBe(g.rank);
    }
    // The online rate by level of the procedures: the API's, row by row (one toàn trình, one một phần).
    const levels = wb.getWorksheet(LEVEL_SHEET)!;
    const levelRows = new Map<string, number>();
    levels.eachRow((row, n) => {
      const label = String(row.getCell(1).value);
      if (n > 1 && !levelRows.has(label)) levelRows.set(label, n);
    });
    for (const l of api.byLevel) {
      const r = levels.getRow(levelRows.get(LEVEL_LABELS[l.level])!);
      expect([r.getCell(3).value, r.getCell(4).value, r.getCell(5).value ?? null], l.level).toEqual([
        l.received,
        l.receivedOnline,
        l.onlineRate.value,
      ]);
    }
    expect(api.byLevel.find((l) => l.level === 'full')!.received).toBeGreaterThan(0);
    expect(api.byLevel.find((l) => l.level === 'partial')!.received).toBeGreaterThan(0);
    // The QĐ 766 set is named for people, not by its key.
    const infoText: string[] = [];
    wb.getWorksheet(INFO_SHEET)!.eachRow((row) => infoText.push(String(row.getCell(1).value ?? '')));
    expect(infoText).toContain('Bộ chỉ số QĐ 766/QĐ-TTg năm 2022 — bản mặc định');
    expect(infoText.join('\n')).not.toMatch(/qd766-2022|chidao/);
    expect(figureCells(byUnit, rows.get('Tổng cộng')!, 4)).toEqual(expected(api.total));
    // An ended unit says so (Sở GTVT merged on 1/3/2025).
    const gtvt = api.groups.find((g) => g.key === units.gtvt)!;
    expect(String(byUnit.getRow(rows.get(gtvt.name)!).getCell(4).value)).toMatch(
      /^Đã kết thúc ngày \d\d\/\d\d\/2025$/,
    );

    // Read by its printed headers: "Tỷ lệ đúng hạn" → "Tử số" / "Tỷ lệ" / "Đánh giá".
    const header1 = byUnit.getRow(1);
    const header2 = byUnit.getRow(2);
    let first = 0;
    header1.eachCell((c, col) => {
      if (c.value === 'Tỷ lệ đúng hạn' && !first) first = col;
    });
    expect(header2.getCell(first).value).toBe('Tử số');
    expect(header2.getCell(first + 1).value).toBe('Mẫu số');
    expect(header2.getCell(first + 2).value).toBe('Tỷ lệ');
    expect(header2.getCell(first + 3).value).toBe('Đánh giá');
    const total = byUnit.getRow(rows.get('Tổng cộng')!);
    expect(total.getCell(first).value).toBe(api.total.indicators.onTimeRate.numerator);
    expect(total.getCell(first + 1).value).toBe(api.total.indicators.onTimeRate.denominator);
    expect(total.getCell(first + 2).value).toBe(api.total.indicators.onTimeRate.value);
    expect(total.getCell(first + 2).numFmt).toBe('0.00%');
    expect(total.getCell(first + 3).value).toBe(LIGHT_TEXT[api.total.lights.onTimeRate ?? 'none']);
    expect(Object.values(LIGHT_TEXT)).toContain(total.getCell(first + 3).value);

    // By field.
    const apiField = await get<BreakdownResponse>(
      standing,
      `/api/dossiers/breakdown?from=${Q1.from}&to=${Q1.to}&groupBy=field`,
    );
    const byField = wb.getWorksheet(GROUP_SHEET_NAMES.field)!;
    const fieldRows = rowsByName(byField, 3);
    expect(apiField.groups.map((g) => g.name).sort()).toEqual(['Hoạt động xây dựng', 'Hộ tịch']);
    for (const g of apiField.groups)
      expect(figureCells(byField, fieldRows.get(g.name)!, 4)).toEqual(expected(g));

    // By month: one row a month, dates as dates, the same figures as the trend API.
    const trend = await get<TrendResponse>(standing, `/api/dossiers/trend?from=${Q1.from}&to=${Q1.to}`);
    const byMonth = wb.getWorksheet(TREND_SHEET)!;
    const monthRows = rowsByName(byMonth, 1);
    expect([...monthRows.keys()]).toEqual(['01/2025', '02/2025', '03/2025']);
    trend.months.forEach((m, i) => {
      expect(figureCells(byMonth, 3 + i, 4)).toEqual(expected(m));
      const from = byMonth.getRow(3 + i).getCell(2);
      expect(from.value).toEqual(new Date(`${m.from}T00:00:00Z`));
      expect(from.numFmt).toBe('dd/mm/yyyy');
    });

    // The summary sheet states the period dd/mm/yyyy and the thresholds used.
    const info = wb.getWorksheet(INFO_SHEET)!;
    const texts: string[] = [];
    info.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Từ ngày 01/01/2025 đến ngày 31/03/2025');
    expect(texts).toContain('Tỷ lệ đúng hạn');

    // The request was journalled.
    const journal = await get<{ items: { action: string; after: { from: string } }[] }>(
      admin,
      `/api/audit?entity=dossier_export&entityId=${job.id}`,
    );
    expect(journal.items.map((e) => e.action)).toEqual(['request']);
    expect(journal.items[0]!.after.from).toBe(Q1.from);
  });

  it('belongs to its owner: another reader gets 404, an administrator may see it, others may not export', async () => {
    const { job } = await exportAndWait(standing, { ...Q1, groupBy: 'field', restate: true });
    expect(job.status).toBe('done');
    expect((await focal.request('GET', `/api/dossiers/exports/${job.id}`)).statusCode).toBe(404);
    expect((await focal.request('GET', `/api/dossiers/exports/${job.id}/download`)).statusCode).toBe(404);
    const mine = await get<{ items: ExportJobOut[] }>(focal, '/api/dossiers/exports');
    expect(mine.items.map((j) => j.id)).not.toContain(job.id);
    const standingList = await get<{ items: ExportJobOut[] }>(standing, '/api/dossiers/exports');
    expect(standingList.items[0]!.id).toBe(job.id);
    expect((await admin.request('GET', `/api/dossiers/exports/${job.id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/dossiers/exports/${job.id}/download`)).statusCode).toBe(200);

    // Only readers of dossier figures export, and only what they may read.
    expect((await hotline.request('POST', '/api/dossiers/exports', Q1)).statusCode).toBe(403);
    const outside = await focal.request('POST', '/api/dossiers/exports', { ...Q1, unitId: units.xaydung });
    expect(outside.statusCode, outside.body).toBe(403);
    const reversed = await standing.request('POST', '/api/dossiers/exports', { from: Q1.to, to: Q1.from });
    expect(reversed.statusCode).toBe(400);

    // A focal point's own export covers their department only.
    const own = await exportAndWait(focal, { ...Q1, groupBy: 'unit' });
    expect(own.job.status, own.job.failure ?? '').toBe('done');
    const wb = await workbookOf(focal, own.job);
    const names = [...rowsByName(wb.getWorksheet(GROUP_SHEET_NAMES.unit)!, 3).keys()];
    expect(names).toEqual([expect.stringContaining('Tư pháp'), 'Tổng cộng']);
  });

  it('lists the dossiers of one class, stopping at the cap and saying so', async () => {
    const list = await get<DossierListResponse>(
      standing,
      `/api/dossiers/list?from=${Q1.from}&to=${Q1.to}&class=toProcess&limit=200`,
    );
    expect(list.count!).toBeGreaterThan(CAP);
    const { job } = await exportAndWait(standing, { ...Q1, dossierClass: 'toProcess' });
    expect(job.status, job.failure ?? '').toBe('done');
    expect(job).toMatchObject({
      capped: true,
      dossierRows: CAP,
      dossierTotal: list.count,
      maxDossierRows: CAP,
    });
    const wb = await workbookOf(standing, job);
    const ws = wb.getWorksheet(DOSSIER_SHEET)!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain(`chỉ xuất ${CAP} hồ sơ đầu tiên`);
    expect(ws.getRow(4).getCell(2).value).toBe('Mã hồ sơ');
    const codes: string[] = [];
    for (let n = 5; n < 5 + CAP; n++) codes.push(String(ws.getRow(n).getCell(2).value));
    expect(codes).toEqual(list.items.slice(0, CAP).map((i) => i.code));
    const received = ws.getRow(5).getCell(9);
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
    // 09:00 in Vietnam, written as the wall time.
    expect((received.value as Date).toISOString()).toBe(
      `${list.items[0]!.receivedAt.slice(0, 10)}T09:00:00.000Z`,
    );
    expect(String(ws.getRow(5 + CAP).getCell(1).value)).toContain(`Danh sách dừng ở ${CAP} hồ sơ`);
  });

  it('follows the list’s cursor page by page; a list under the cap is whole', async () => {
    const deps: ExportDeps = {
      db: t.database.db,
      store: t.app.fileStore,
      settings: { keepDays: 7, maxDossierRows: 100 },
      pageSize: 2,
    };
    const actor = await loadActor(t.database.db, {
      id: standing.userId,
      email: 'thuongtruc@chidao.demo',
      fullName: 'x',
      unitId: null,
    });
    const ctx = { ...systemContext(t.database.db, actor) };
    const row = await requestExport(ctx, {
      ...Q1,
      ended: 'hide',
      restate: false,
      subtree: false,
      groupBy: 'unit',
      dossierClass: 'resolved',
    });
    const done = await runExport(deps, row.id);
    expect(done?.status, done?.failureKey ?? '').toBe('done');
    const list = await get<DossierListResponse>(
      standing,
      `/api/dossiers/list?from=${Q1.from}&to=${Q1.to}&class=resolved&limit=200`,
    );
    expect(done).toMatchObject({ capped: false, dossierRows: list.count, dossierTotal: list.count });
    const res = await standing.request('GET', `/api/dossiers/exports/${row.id}/download`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(DOSSIER_SHEET)!;
    expect(String(ws.getRow(2).getCell(1).value)).toBe(`Có ${list.count} hồ sơ.`);
    const codes: string[] = [];
    ws.eachRow((r, n) => {
      if (n > 4) codes.push(String(r.getCell(2).value));
    });
    expect(codes).toEqual(list.items.map((i) => i.code));
  });

  it('a job left running by a dead worker is taken again; expired workbooks are removed', async () => {
    const actor = await loadActor(t.database.db, {
      id: standing.userId,
      email: 'thuongtruc@chidao.demo',
      fullName: 'x',
      unitId: null,
    });
    const row = await requestExport(systemContext(t.database.db, actor), {
      ...Q1,
      ended: 'hide',
      restate: false,
      subtree: false,
      groupBy: 'total',
    });
    // As if a worker had claimed it and died.
    await t.database.db
      .update(dossierExports)
      .set({ status: 'running', lockedBy: 'dead', lockedUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(dossierExports.id, row.id));
    const deps: ExportDeps = {
      db: t.database.db,
      store: t.app.fileStore,
      settings: { keepDays: 7, maxDossierRows: CAP },
    };
    expect(await claimableExports(t.database.db)).toContain(row.id);
    await kickExport(deps, row.id);
    const job = await get<ExportJobOut>(standing, `/api/dossiers/exports/${row.id}`);
    expect(job.status).toBe('done');
    const [stored] = await t.database.db.select().from(dossierExports).where(eq(dossierExports.id, row.id));
    expect(stored!.attempts).toBe(2);

    // Past its expiry the workbook goes; the record stays, marked expired.
    const fileId = stored!.fileId!;
    const key = (await getFile(systemContext(t.database.db), fileId)).storageKey;
    const content = path.join(t.config.dataDir, 'files', key.slice(0, 2), key.slice(2, 4), key);
    expect(fs.existsSync(content)).toBe(true);
    const fileRes = await standing.request('GET', job.downloadUrl!);
    expect(fileRes.statusCode).toBe(200);
    const removed = await expireExports(deps, new Date(Date.now() + 8 * 86_400_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    const after = await get<ExportJobOut>(standing, `/api/dossiers/exports/${row.id}`);
    expect(after).toMatchObject({ status: 'expired', downloadUrl: null });
    const gone = await standing.request('GET', `/api/dossiers/exports/${row.id}/download`);
    expect(gone.statusCode).toBe(410);
    const journal = await get<{ items: { action: string }[] }>(
      admin,
      `/api/audit?entity=file&entityId=${fileId}`,
    );
    expect(journal.items.map((e) => e.action).sort()).toEqual(['create', 'delete']);
    expect(fs.existsSync(content)).toBe(false);
  });

  it('fails, saying why, when its owner may no longer read the figures', async () => {
    const member = await t.login('uyvien@chidao.demo');
    const actor = await loadActor(t.database.db, {
      id: member.userId,
      email: 'uyvien@chidao.demo',
      fullName: 'x',
      unitId: null,
    });
    const row = await requestExport(systemContext(t.database.db, actor), {
      ...Q1,
      ended: 'hide',
      restate: false,
      subtree: false,
      groupBy: 'unit',
    });
    const user = await get<{ version: number }>(admin, `/api/users/${member.userId}`);
    const off = await admin.request('PATCH', `/api/users/${member.userId}`, {
      version: user.version,
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    const deps: ExportDeps = {
      db: t.database.db,
      store: t.app.fileStore,
      settings: { keepDays: 7, maxDossierRows: CAP },
    };
    const done = await runExport(deps, row.id);
    expect(done).toMatchObject({ status: 'failed', failureKey: 'dossierExport.owner_gone', fileId: null });
    const seen = await get<ExportJobOut>(admin, `/api/dossiers/exports/${row.id}`);
    expect(seen.failure).toBe('Người yêu cầu không còn quyền xem số liệu hồ sơ.');
    expect(seen.downloadUrl).toBeNull();
    // A finished job is not worked again.
    expect(await runExport(deps, row.id)).toBeUndefined();
  });
});
