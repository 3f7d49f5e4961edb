import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../core/context.js';
import { loadActor } from '../../access/access.service.js';
import { findUserById } from '../../users/users.service.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { runImport, settleImports, startImport } from './dossiers-import.service.js';

let t: TestApp;
let admin: Caller;
let standing: Caller;
let focal: Caller;
const unit = { tuphap: { id: '', code: '' }, gtvt: { id: '', code: '' } };

const HEADER = [
  'Mã hồ sơ',
  'Mã TTHC',
  'Mã đơn vị',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Ngày có kết quả',
  'Hình thức nộp',
  'Trạng thái',
  'Số hóa',
];

type Row = Record<(typeof HEADER)[number], string>;

/** A one-stop export of January 2025: even rows resolved the next working day, odd ones processing. */
function dossierRow(i: number, prefix = 'HS'): Row {
  const day = 2 + (i % 20);
  const dd = String(day).padStart(2, '0');
  const resolved = i % 2 === 0;
  return {
    'Mã hồ sơ': `${prefix}-${i}`,
    'Mã TTHC': i % 3 === 0 ? '1.001234' : '2.000123',
    'Mã đơn vị': i % 4 === 0 ? unit.gtvt.code : unit.tuphap.code,
    'Ngày tiếp nhận': `${dd}/01/2025 09:00`,
    'Ngày hẹn trả': '',
    'Ngày có kết quả': resolved ? `${dd}/01/2025 16:00` : '',
    'Hình thức nộp': i % 5 === 0 ? 'Trực tiếp' : 'Trực tuyến',
    'Trạng thái': resolved ? 'Đã có kết quả' : 'Đang xử lý',
    'Số hóa': i % 2 ? 'Có' : 'Không',
  };
}

const quote = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
function csv(rows: Row[], delimiter = ',', header = HEADER): Buffer {
  const lines = [header.map(quote).join(delimiter)];
  for (const r of rows) lines.push(header.map((h) => quote(r[h] ?? '')).join(delimiter));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function multipart(filename: string, content: Buffer) {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

type Job = {
  id: string;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  rowsRead: number;
  rowsValid: number;
  stagedRow: number;
  errorCount: number;
  errors: { row: number; column: string; key: string; message: string }[];
  failure: string | null;
};

async function upload(caller: Caller, name: string, content: Buffer, mappingId?: string) {
  const body = multipart(name, content);
  const res = await caller.request(
    'POST',
    `/api/dossiers/imports${mappingId ? `?mappingId=${mappingId}` : ''}`,
    body.payload,
    { 'content-type': body.contentType },
  );
  return res;
}

/** Waits for the background work, then reads the job as the UI does. */
async function finished(caller: Caller, id: string): Promise<Job> {
  await settleImports();
  const res = await caller.request('GET', `/api/dossiers/imports/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Job;
}

async function importFile(caller: Caller, name: string, content: Buffer, mappingId?: string) {
  const res = await upload(caller, name, content, mappingId);
  expect(res.statusCode, res.body).toBe(202);
  return finished(caller, (res.json() as { job: Job }).job.id);
}

async function januaryTotals() {
  const res = await standing.request('GET', '/api/dossiers/indicators?from=2025-01-01&to=2025-01-31');
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json() as {
      total: {
        totals: Record<
          'received' | 'receivedOnline' | 'digitised' | 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate',
          number
        >;
      };
    }
  ).total.totals;
}

async function unitOf(name: string, asOf: string) {
  const res = await admin.request(
    'GET',
    `/api/units?q=${encodeURIComponent(name)}&asOf=${asOf}&kind=department`,
  );
  const found = (res.json() as { items: { id: string; name: string; code: string }[] }).items.find(
    (u) => u.name === name,
  );
  if (!found) throw new Error(`unit ${name} not found: ${res.body}`);
  return { id: found.id, code: found.code };
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  standing = await t.login('thuongtruc@chidao.demo');
  focal = await t.login('daumoi.tuphap@chidao.demo');
  unit.tuphap = await unitOf('Sở Tư pháp', '2025-01-15');
  unit.gtvt = await unitOf('Sở Giao thông vận tải', '2025-01-15');
  for (const p of [
    { code: '1.001234', name: 'Đăng ký khai sinh', field: 'Hộ tịch', timeLimitDays: 5 },
    { code: '2.000123', name: 'Cấp giấy phép xây dựng', field: 'Xây dựng', timeLimitDays: 3 },
  ]) {
    const res = await standing.request('POST', '/api/dossiers/procedures', {
      ...p,
      level: 'province',
      onlineCapability: 'full',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('file import (CSV, default mapping of docs/templates/dossiers-import.md)', () => {
  let first: Buffer;
  let firstJob: Job;

  it('imports 2,000 dossiers and keeps the rollups', async () => {
    first = csv(range(1, 2000).map((i) => dossierRow(i)));
    firstJob = await importFile(standing, 'mot-cua-thang-1.csv', first);
    expect(firstJob).toMatchObject({
      status: 'done',
      rowsRead: 2000,
      rowsValid: 2000,
      created: 2000,
      updated: 0,
      errorCount: 0,
    });
    const totals = await januaryTotals();
    expect(totals.received).toBe(2000);
    expect(totals.receivedOnline).toBe(1600);
    expect(totals.resolvedEarly + totals.resolvedOnTime + totals.resolvedLate).toBe(1000);
    const one = await standing.request('GET', '/api/dossiers/by-code/HS-8');
    expect(one.json()).toMatchObject({ procedureCode: '2.000123', unitId: unit.gtvt.id, status: 'resolved' });
  }, 120_000);

  it('treats the same file again as a no-op (same SHA-256: the first import is returned)', async () => {
    const res = await upload(standing, 'ban-sao.csv', first);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ replayed: true, job: { id: firstJob.id, status: 'done' } });
    expect((await januaryTotals()).received).toBe(2000);
  });

  it('updates changed dossiers by code without duplicating them; unchanged ones count once', async () => {
    const before = await januaryTotals();
    // Ten processing dossiers are now resolved, five are new.
    const rows = range(1, 2005).map((i) => {
      const r = dossierRow(i);
      if (i <= 20 && i % 2 === 1)
        return {
          ...r,
          'Ngày có kết quả': r['Ngày tiếp nhận']!.replace('09:00', '15:00'),
          'Trạng thái': 'Đã có kết quả',
        };
      return r;
    });
    const job = await importFile(standing, 'mot-cua-thang-1-b.csv', csv(rows));
    expect(job).toMatchObject({ status: 'done', created: 5, updated: 10, unchanged: 1990 });
    const after = await januaryTotals();
    expect(after.received).toBe(2005);
    const resolved = (x: typeof before) => x.resolvedEarly + x.resolvedOnTime + x.resolvedLate;
    // Of the five new (2001–2005), 2002 and 2004 are resolved.
    expect(resolved(after)).toBe(resolved(before) + 10 + 2);
    expect(after.digitised).toBe(before.digitised + 3);
  }, 120_000);

  it('writes nothing when one row is bad, and reports that row and column', async () => {
    const rows = range(1, 300).map((i) => dossierRow(i, 'BAD'));
    rows[149] = { ...rows[149]!, 'Ngày tiếp nhận': '31/02/2025 09:00' };
    const job = await importFile(standing, 'mot-dong-sai.csv', csv(rows));
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(1);
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 151, column: 'Ngày tiếp nhận', key: 'dossiersImport.bad_date' }),
    ]);
    expect(job.errors[0]!.message).toContain('31/02/2025');
    expect((await standing.request('GET', '/api/dossiers/by-code/BAD-1')).statusCode).toBe(404);
    expect((await januaryTotals()).received).toBe(2005);
  }, 60_000);

  it('reports unknown units and procedures, duplicate codes and inconsistent rows', async () => {
    const rows = range(1, 6).map((i) => dossierRow(i, 'MIX'));
    rows[0] = { ...rows[0]!, 'Mã đơn vị': '99.khong-co' };
    rows[1] = { ...rows[1]!, 'Mã TTHC': '9.999999' };
    rows[5] = { ...rows[5]!, 'Mã hồ sơ': 'MIX-3' };
    rows[3] = { ...rows[3]!, 'Trạng thái': 'Đã có kết quả', 'Ngày có kết quả': '' };
    const job = await importFile(standing, 'nhieu-loi.csv', csv(rows));
    expect(job.status).toBe('failed');
    expect(job.errors.map((e) => [e.row, e.key])).toEqual([
      [2, 'dossiersImport.unknown_unit_code'],
      [3, 'dossiers.unknown_procedure'],
      [5, 'dossiers.status_needs_time'],
      [7, 'dossiersImport.duplicate_code'],
    ]);
  });

  it('fails a file without a required column before reading its rows', async () => {
    const job = await importFile(
      standing,
      'thieu-cot.csv',
      csv(
        [dossierRow(1, 'COL')],
        ',',
        HEADER.filter((h) => h !== 'Trạng thái'),
      ),
    );
    expect(job.status).toBe('failed');
    expect(job.errors[0]).toMatchObject({
      row: 1,
      column: 'Trạng thái',
      key: 'dossiersImport.missing_column',
    });
  });

  it('imports an Excel export the same way (streamed worksheet, date cells at their wall-clock time)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(HEADER);
    // Odd rows: still processing.
    for (const i of [1, 3, 5]) {
      const r = dossierRow(i, 'XLSX');
      ws.addRow(
        HEADER.map((h) =>
          h === 'Ngày tiếp nhận'
            ? new Date(Date.UTC(2025, 0, 6 + i, 8, 15))
            : h === 'Mã TTHC'
              ? r[h]
              : r[h] || null,
        ),
      );
    }
    const body = multipart('mot-cua.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await standing.request('POST', '/api/dossiers/imports', body.payload, {
      'content-type': body.contentType,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(standing, (res.json() as { job: Job }).job.id);
    expect(job, JSON.stringify([job.failure, job.errors])).toMatchObject({ status: 'done', created: 3 });
    const one = await standing.request('GET', '/api/dossiers/by-code/XLSX-1');
    expect((one.json() as { receivedAt: string }).receivedAt).toBe('2025-01-07T01:15:00.000Z');
  });

  it('refuses dossiers of units outside the importer’s grants (focal point: no import at all)', async () => {
    expect((await upload(focal, 'x.csv', csv([dossierRow(1, 'F')]))).statusCode).toBe(403);
  });

  it('lists past imports, newest first', async () => {
    const res = await standing.request('GET', '/api/dossiers/imports');
    const items = (res.json() as { items: Job[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.at(-1)!.id).toBe(firstJob.id);
  });
});

describe('resuming after a crash', () => {
  it('continues staging after the last committed chunk, then applies once', async () => {
    const admin = await findUserById(t.database.db, standing.userId);
    const actor = await loadActor(t.database.db, admin!);
    const ctx = systemContext(t.database.db, actor);
    const deps = { db: t.database.db, store: t.app.fileStore };
    const file = csv(range(1, 2500).map((i) => dossierRow(i, 'CR')));
    const { job } = await startImport(ctx, t.app.fileStore, {
      maxBytes: t.app.config.dossierImportMaxBytes,
      content: Readable.from([file]),
      fileName: 'sap-do.csv',
    });
    // The process dies after one chunk of staging (its lease left to expire)…
    const partly = await runImport(deps, job.id, { crashAfterChunks: 1, leaseMs: 0, chunkRows: 1000 });
    expect(partly).toMatchObject({ status: 'staging', stagedRow: 1001, rowsRead: 1000 });
    // …a second one finishes staging and dies before applying.
    const staged = await runImport(deps, job.id, { crashBeforeApply: true, leaseMs: 0 });
    expect(staged).toMatchObject({ status: 'staged', stagedRow: 2501, rowsRead: 2500, rowsValid: 2500 });
    expect((await standing.request('GET', '/api/dossiers/by-code/CR-1')).statusCode).toBe(404);
    // After the restart, POST /resume applies it.
    const res = await standing.request('POST', `/api/dossiers/imports/${job.id}/resume`);
    expect(res.statusCode, res.body).toBe(202);
    const done = await finished(standing, job.id);
    expect(done).toMatchObject({ status: 'done', created: 2500, updated: 0, rowsRead: 2500 });
    expect((await standing.request('GET', '/api/dossiers/by-code/CR-2500')).statusCode).toBe(200);
    expect((await standing.request('POST', `/api/dossiers/imports/${job.id}/resume`)).statusCode).toBe(409);
  }, 120_000);
});

describe('saved column mappings', () => {
  it('a mapping refused for several reasons names each one’s own value', async () => {
    const res = await standing.request('POST', '/api/dossiers/import-mappings', {
      name: 'Sai hai cột',
      source: 'Thử',
      delimiter: ',',
      dateFormat: 'dd/mm/yyyy',
      columns: {
        'Mã hồ sơ': 'code',
        'Mã TTHC': 'procedureCode',
        'Mã đơn vị': 'unitCode',
        'Ngày tiếp nhận': 'receivedAt',
        'Hình thức nộp': 'channel',
        'Trạng thái': 'status',
        'Cột A': 'code',
        'Cột B': 'status',
      },
      valueMaps: {},
    });
    expect(res.statusCode, res.body).toBe(400);
    const details = (res.json() as { error: { details: { field: string; message: string }[] } }).error
      .details;
    expect(details.map((d) => d.message)).toEqual([
      'Trường “code” được gán cho nhiều cột.',
      'Trường “status” được gán cho nhiều cột.',
    ]);
  });

  it('are kept by the standing agency; a file in another layout imports through one', async () => {
    const mapping = {
      name: 'Hệ thống huyện cũ',
      source: 'Một cửa điện tử huyện',
      delimiter: ';',
      dateFormat: 'yyyy-mm-dd',
      columns: {
        'So ho so': 'code',
        'Ma thu tuc': 'procedureCode',
        'Don vi': 'unitCode',
        'Tiep nhan': 'receivedAt',
        Kenh: 'channel',
        'Tinh trang': 'status',
      },
      valueMaps: {
        channel: { Web: 'online', Quay: 'in_person' },
        status: { Xong: 'resolved', Dang: 'processing' },
      },
    };
    expect((await focal.request('POST', '/api/dossiers/import-mappings', mapping)).statusCode).toBe(403);
    const created = await standing.request('POST', '/api/dossiers/import-mappings', mapping);
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json() as { id: string; version: number };
    expect((await standing.request('POST', '/api/dossiers/import-mappings', mapping)).statusCode).toBe(409);
    const header = Object.keys(mapping.columns);
    const rows = [1, 2].map((i) => ({
      'So ho so': `HUYEN-${i}`,
      'Ma thu tuc': '2.000123',
      'Don vi': unit.tuphap.code,
      'Tiep nhan': `2025-01-0${i + 5} 10:00`,
      Kenh: i === 1 ? 'Web' : 'Quay',
      'Tinh trang': 'Dang',
    }));
    const job = await importFile(standing, 'huyen.csv', csv(rows as unknown as Row[], ';', header), m.id);
    expect(job).toMatchObject({ status: 'done', created: 2 });
    const list = await standing.request('GET', '/api/dossiers/import-mappings');
    expect((list.json() as { items: { name: string }[] }).items.map((i) => i.name)).toContain(mapping.name);
    const stale = await standing.request('PUT', `/api/dossiers/import-mappings/${m.id}`, {
      ...mapping,
      version: m.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await standing.request('PUT', `/api/dossiers/import-mappings/${m.id}`, {
      ...mapping,
      valueMaps: { status: { Xong: 'finished' } },
      version: m.version,
    });
    expect(bad.statusCode).toBe(400);
    expect((await standing.request('DELETE', `/api/dossiers/import-mappings/${m.id}`)).statusCode).toBe(204);
  }, 60_000);
});

describe('HTTP ingest with an API token', () => {
  let token = '';
  const pushed = (code: string, over: Record<string, unknown> = {}) => ({
    code,
    procedureCode: '2.000123',
    unitCode: unit.tuphap.code,
    channel: 'online',
    receivedAt: '2025-01-06T09:00:00+07:00',
    status: 'processing',
    ...over,
  });
  const ingest = (auth: string | null, dossiers: unknown[], headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers/ingest',
      headers: { ...(auth ? { authorization: auth } : {}), ...headers },
      payload: { dossiers },
    });

  beforeAll(async () => {
    expect(
      (
        await standing.request('POST', '/api/dossiers/ingest-tokens', {
          name: 'x',
          source: 'y',
          unitId: unit.tuphap.id,
        })
      ).statusCode,
    ).toBe(403);
    const res = await admin.request('POST', '/api/dossiers/ingest-tokens', {
      name: 'Một cửa Sở Tư pháp',
      source: 'iGate Sở Tư pháp',
      unitId: unit.tuphap.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    token = (res.json() as { token: string }).token;
    expect(token).toMatch(/^chd_/);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await ingest(null, [pushed('API-1')])).statusCode).toBe(401);
    expect((await ingest('Bearer chd_wrong', [pushed('API-1')])).statusCode).toBe(401);
    expect((await ingest(`Basic ${token}`, [pushed('API-1')])).statusCode).toBe(401);
  });

  it('upserts with a good token, without session or CSRF token, even from another origin', async () => {
    const res = await ingest(`Bearer ${token}`, [pushed('API-1'), pushed('API-2', { channel: 'post' })], {
      origin: 'https://mot-cua.example.vn',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await ingest(`Bearer ${token}`, [
      pushed('API-1'),
      pushed('API-2', { status: 'resolved', resolvedAt: '2025-01-07T10:00:00+07:00', channel: 'post' }),
    ]);
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await standing.request('GET', '/api/dossiers/by-code/API-2')).json()).toMatchObject({
      status: 'resolved',
      unitId: unit.tuphap.id,
    });
  });

  it('validates like an import and stays inside the token’s unit', async () => {
    const res = await ingest(`Bearer ${token}`, [
      pushed('API-3', { unitCode: unit.gtvt.code }),
      pushed('API-4', { procedureCode: '9.999999' }),
    ]);
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(['dossiers.0.unitCode', 'dossiers.1.procedureCode']);
    expect((await standing.request('GET', '/api/dossiers/by-code/API-4')).statusCode).toBe(404);
  });

  it('stops working once revoked', async () => {
    const list = await admin.request('GET', '/api/dossiers/ingest-tokens');
    const id = (list.json() as { items: { id: string; lastUsedAt: string | null }[] }).items[0]!;
    expect(id.lastUsedAt).not.toBeNull();
    expect((await admin.request('POST', `/api/dossiers/ingest-tokens/${id.id}/revoke`)).statusCode).toBe(200);
    expect((await ingest(`Bearer ${token}`, [pushed('API-5')])).statusCode).toBe(401);
  });

  it('keeps the CSRF check for the session on every other route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers/batch',
      headers: { cookie: standing.cookie, authorization: `Bearer ${token}` },
      payload: { dossiers: [pushed('API-6')] },
    });
    expect(res.statusCode).toBe(403);
  });
});
