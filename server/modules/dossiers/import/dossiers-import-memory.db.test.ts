import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../../core/context.js';
import { loadActor } from '../../access/access.service.js';
import { findUserById } from '../../users/users.service.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { runImport, startImport } from './dossiers-import.service.js';

const ROWS = 50_000;
let t: TestApp;
let standing: Caller;
let file: string;

beforeAll(async () => {
  t = await testApp();
  standing = await t.login('thuongtruc@chidao.demo');
  const res = await standing.request(
    'GET',
    `/api/units?q=${encodeURIComponent('Sở Tư pháp')}&asOf=2025-01-15&kind=department`,
  );
  const unit = (res.json() as { items: { name: string; code: string }[] }).items.find(
    (u) => u.name === 'Sở Tư pháp',
  )!;
  const p = await standing.request('POST', '/api/dossiers/procedures', {
    code: '1.000001',
    name: 'Chứng thực bản sao',
    field: 'Chứng thực',
    level: 'commune',
    onlineCapability: 'full',
    timeLimitDays: 1,
  });
  expect(p.statusCode, p.body).toBe(201);
  // Written as a stream: the test never holds the file either.
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-import-')), 'lon.csv');
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('Mã hồ sơ,Mã TTHC,Mã đơn vị,Ngày tiếp nhận,Ngày có kết quả,Hình thức nộp,Trạng thái\n');
  for (let i = 1; i <= ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const done = i % 3 !== 0;
    await write(
      `LON-${i},1.000001,${unit.code},${day}/${month}/2024 08:00,${done ? `${day}/${month}/2024 15:00` : ''},${
        i % 2 ? 'Trực tuyến' : 'Trực tiếp'
      },${done ? 'Đã có kết quả' : 'Đang xử lý'}\n`,
    );
  }
  await new Promise<void>((r) => out.end(() => r()));
}, 300_000);

afterAll(async () => {
  await t?.close();
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

it(`imports ${ROWS.toLocaleString('en')} rows streamed, in chunks, with bounded memory`, async () => {
  const user = await findUserById(t.database.db, standing.userId);
  const ctx = systemContext(t.database.db, await loadActor(t.database.db, user!));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  const start = process.memoryUsage().heapUsed;
  try {
    const { job } = await startImport(ctx, t.app.fileStore, {
      maxBytes: t.app.config.dossierImportMaxBytes,
      content: fs.createReadStream(file),
      fileName: 'lon.csv',
    });
    const done = await runImport({ db: t.database.db, store: t.app.fileStore }, job.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: ROWS, created: ROWS, errorCount: 0 });
  } finally {
    clearInterval(sample);
  }
  const mb = (n: number) => Math.round(n / 1048576);
  console.log(`[dossier import] ${ROWS} rows: heap ${mb(start)} MB → peak ${mb(peak)} MB`);
  const res = await standing.request('GET', '/api/dossiers/indicators?from=2024-01-01&to=2024-12-31');
  expect((res.json() as { total: { totals: { received: number } } }).total.totals.received).toBe(ROWS);
}, 900_000);
