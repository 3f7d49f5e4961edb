import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Doc = {
  id: string;
  numberSymbol: string;
  unitId: string;
  access: string;
  version: number;
  abilities: Record<string, boolean>;
  files: { id: string; originalName: string; sha256: string; size: number }[];
};

let t: TestApp;
let admin: Caller;
let tuphap: Caller; // focal point of Sở Tư pháp
let xaydung: Caller; // focal point of Sở Xây dựng
let units: Map<string, string>;

async function unitId(name: string) {
  return units.get(name)!;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  tuphap = await t.login('daumoi.tuphap@chidao.demo');
  xaydung = await t.login('daumoi.xaydung@chidao.demo');
  const res = await admin.request('GET', '/api/units?kind=department&limit=500');
  units = new Map((res.json() as { items: { id: string; name: string }[] }).items.map((u) => [u.name, u.id]));
});
afterAll(() => t.close());

async function create(caller: Caller, unit: string, access: string, numberSymbol: string) {
  const res = await caller.request('POST', '/api/documents', {
    numberSymbol,
    type: 'bao_cao',
    issuer: unit,
    issuedOn: '2024-06-14',
    title: `Báo cáo CCHC của ${unit}`,
    unitId: await unitId(unit),
    access,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Doc;
}

describe('unit-scoped access to restricted records', () => {
  it("a focal point reads and edits its own department's restricted document", async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'restricted', '01/BC-STP');
    expect(doc.abilities).toEqual({ read: true, update: true, delete: false });
    const read = await tuphap.request('GET', `/api/documents/${doc.id}`);
    expect(read.statusCode).toBe(200);
    const edit = await tuphap.request('PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Báo cáo đã sửa',
    });
    expect(edit.statusCode).toBe(200);
    expect((edit.json() as Doc).version).toBe(doc.version + 1);
  });

  it('a focal point of another department gets 403 on that restricted document, to read or to change', async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'restricted', '02/BC-STP');
    expect((await xaydung.request('GET', `/api/documents/${doc.id}`)).statusCode).toBe(403);
    const edit = await xaydung.request('PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'x x x',
    });
    expect(edit.statusCode).toBe(403);
    expect((edit.json() as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await xaydung.request('GET', `/api/documents/${doc.id}/history`)).statusCode).toBe(403);
  });

  it('internal documents of another department are readable but not editable', async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'internal', '03/BC-STP');
    const read = await xaydung.request('GET', `/api/documents/${doc.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as Doc).abilities).toEqual({ read: true, update: false, delete: false });
    expect(
      (await xaydung.request('PATCH', `/api/documents/${doc.id}`, { version: 1, title: 'sửa trái phép' }))
        .statusCode,
    ).toBe(403);
  });

  it("the register lists another department's restricted documents to nobody outside its scope", async () => {
    await create(tuphap, 'Sở Tư pháp', 'restricted', '04/BC-STP');
    const theirs = (await xaydung.request('GET', '/api/documents?limit=500')).json() as { items: Doc[] };
    expect(theirs.items.some((d) => d.access === 'restricted' && d.unitId === units.get('Sở Tư pháp'))).toBe(
      false,
    );
    const mine = (await tuphap.request('GET', '/api/documents?q=04/BC-STP')).json() as { items: Doc[] };
    expect(mine.items.map((d) => d.numberSymbol)).toEqual(['04/BC-STP']);
  });

  it('a focal point cannot register documents for another department', async () => {
    const res = await xaydung.request('POST', '/api/documents', {
      numberSymbol: '9/X',
      type: 'cong_van',
      issuer: 'x',
      issuedOn: '2024-01-01',
      title: 'Không được phép',
      unitId: await unitId('Sở Tư pháp'),
      access: 'internal',
    });
    expect(res.statusCode).toBe(403);
  });

  it('search ignores accents and case ("ke hoach" finds "Kế hoạch")', async () => {
    await admin.request('POST', '/api/documents', {
      numberSymbol: '77/KH-UBND',
      type: 'ke_hoach',
      issuer: 'UBND tỉnh Nghệ An',
      issuedOn: '2024-01-05',
      title: 'Kế hoạch cải cách hành chính năm 2024',
      unitId: await unitId('Văn phòng UBND tỉnh'),
      access: 'public',
    });
    const res = (
      await tuphap.request('GET', `/api/documents?q=${encodeURIComponent('KE HOACH CAI CACH')}`)
    ).json() as { items: Doc[] };
    expect(res.items.map((d) => d.numberSymbol)).toContain('77/KH-UBND');
  });
});

describe('sorting the register', () => {
  it('sorts by title, unit or access level on the server, accents ignored, before paging', async () => {
    // Titles, units and access levels in three different orders; "zsapxep" isolates them.
    const specs = [
      ['03/TB-VP', 'Đường dây nóng zsapxep', 'Sở Tư pháp', 'restricted'],
      ['01/TB-VP', 'Ánh xạ dữ liệu zsapxep', 'Văn phòng UBND tỉnh', 'internal'],
      ['02/TB-VP', 'Bảo đảm an toàn zsapxep', 'Sở Xây dựng', 'public'],
    ] as const;
    for (const [numberSymbol, title, unit, access] of specs) {
      const res = await admin.request('POST', '/api/documents', {
        numberSymbol,
        type: 'thong_bao',
        issuer: unit,
        issuedOn: '2024-03-01',
        title,
        unitId: await unitId(unit),
        access,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = async (query: string) => {
      const res = await admin.request('GET', `/api/documents?q=zsapxep&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: (Doc & { title: string })[]; total: number };
      return { numbers: body.items.map((d) => d.numberSymbol), total: body.total };
    };
    expect((await list('sort=title&dir=asc')).numbers).toEqual(['01/TB-VP', '02/TB-VP', '03/TB-VP']);
    expect((await list('sort=title&dir=desc')).numbers).toEqual(['03/TB-VP', '02/TB-VP', '01/TB-VP']);
    // Sở Tư pháp, Sở Xây dựng, Văn phòng UBND tỉnh.
    expect((await list('sort=unit&dir=asc')).numbers).toEqual(['03/TB-VP', '02/TB-VP', '01/TB-VP']);
    // public, internal, restricted.
    expect((await list('sort=access')).numbers).toEqual(['02/TB-VP', '01/TB-VP', '03/TB-VP']);
    // The second page of one holds the second in the order, and the total counts all three.
    expect(await list('sort=title&dir=asc&limit=1&offset=1')).toEqual({ numbers: ['02/TB-VP'], total: 3 });
    expect((await admin.request('GET', '/api/documents?sort=secret')).statusCode).toBe(400);
  });
});

describe('optimistic concurrency', () => {
  it('a stale update gets 409 and changes nothing', async () => {
    const doc = await create(admin, 'Sở Nội vụ', 'internal', '05/BC-SNV');
    const first = await admin.request('PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Bản sửa thứ nhất',
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Bản sửa dựa trên bản cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { code: string; message: string } }).error.code).toBe('STALE_VERSION');
    const now = (await admin.request('GET', `/api/documents/${doc.id}`)).json() as Doc & { title: string };
    expect(now.title).toBe('Bản sửa thứ nhất');
  });

  it('a stale delete gets 409', async () => {
    const doc = await create(admin, 'Sở Nội vụ', 'internal', '06/BC-SNV');
    await admin.request('PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Đã sửa một lần',
    });
    expect(
      (await admin.request('DELETE', `/api/documents/${doc.id}?version=${doc.version}`)).statusCode,
    ).toBe(409);
    expect(
      (await admin.request('DELETE', `/api/documents/${doc.id}?version=${doc.version + 1}`)).statusCode,
    ).toBe(204);
    expect((await admin.request('GET', `/api/documents/${doc.id}`)).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('malformed JSON gets 400 INVALID_JSON and writes nothing', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM documents`);
    const res = await admin.request('POST', '/api/documents', '{"numberSymbol": "1/QĐ",', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('INVALID_JSON');
    const after = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM documents`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a wrong type gets 400 naming the field, in Vietnamese by default and in English on request', async () => {
    const body = {
      numberSymbol: '1/QĐ',
      type: 'quyet_dinh',
      issuer: 'UBND',
      issuedOn: '14/06/2024',
      title: 'Sai kiểu ngày',
      unitId: await unitId('Sở Nội vụ'),
    };
    const vi = await admin.request('POST', '/api/documents', body);
    expect(vi.statusCode).toBe(400);
    const err = (vi.json() as { error: { code: string; message: string; details: { field: string }[] } })
      .error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details[0]!.field).toBe('issuedOn');
    expect(err.message).toContain('Thông tin “Ngày ban hành”');
    const en = await admin.request(
      'POST',
      '/api/documents',
      { ...body, unitId: 42 },
      { 'accept-language': 'en' },
    );
    const enErr = (en.json() as { error: { message: string; details: { field: string }[] } }).error;
    expect(enErr.details.map((d) => d.field)).toEqual(expect.arrayContaining(['issuedOn', 'unitId']));
    expect(enErr.message).toMatch(/^“(Issued on|Unit)” is invalid/);
  });

  it('a missing required field is named', async () => {
    const res = await admin.request('POST', '/api/documents', {
      type: 'quyet_dinh',
      issuer: 'UBND',
      issuedOn: '2024-01-01',
      title: 'Thiếu số hiệu',
      unitId: await unitId('Sở Nội vụ'),
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(
      'numberSymbol',
    );
  });
});

function multipart(filename: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = '----chidao' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(filename)}; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('files', () => {
  it('uploads and downloads a file with a Vietnamese name, keeping its SHA-256', async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'internal', '07/BC-STP');
    const name = 'Báo cáo CCHC quý I năm 2024 – Sở Tư pháp.pdf';
    const { payload, contentType } = multipart(name, PDF);
    const up = await tuphap.request('POST', `/api/documents/${doc.id}/files`, payload, {
      'content-type': contentType,
    });
    expect(up.statusCode, up.body).toBe(200);
    const file = (up.json() as Doc).files[0]!;
    expect(file.originalName).toBe(name);
    expect(file.size).toBe(PDF.length);
    expect(file.sha256).toMatch(/^[a-f0-9]{64}$/);
    const down = await xaydung.request('GET', `/api/files/${file.id}/download`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(disposition).toContain('filename="Bao cao CCHC quy I nam 2024 _ So Tu phap.pdf"');
  });

  it('checks the type from the content, not the name: an executable named .pdf is refused', async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'internal', '08/BC-STP');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 1)]);
    const { payload, contentType } = multipart('bao-cao.pdf', elf, 'application/pdf');
    const res = await tuphap.request('POST', `/api/documents/${doc.id}/files`, payload, {
      'content-type': contentType,
    });
    expect(res.statusCode).toBe(415);
    expect((res.json() as { error: { code: string } }).error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(((await tuphap.request('GET', `/api/documents/${doc.id}`)).json() as Doc).files).toHaveLength(0);
  });

  it('refuses files over the size limit', async () => {
    const small = await testApp({ uploadMaxBytes: 1024 });
    try {
      const caller = await small.login('daumoi.tuphap@chidao.demo');
      const list = (await caller.request('GET', '/api/documents?q=12/BC-STP')).json() as { items: Doc[] };
      const doc = list.items[0]!;
      const { payload, contentType } = multipart('lon.pdf', Buffer.concat([PDF, Buffer.alloc(4096, 32)]));
      const res = await caller.request('POST', `/api/documents/${doc.id}/files`, payload, {
        'content-type': contentType,
      });
      expect(res.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });

  it("a restricted document's file cannot be downloaded from outside its scope", async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'restricted', '09/BC-STP');
    const { payload, contentType } = multipart('mật.txt', Buffer.from('Nội dung hạn chế\n'));
    const up = await tuphap.request('POST', `/api/documents/${doc.id}/files`, payload, {
      'content-type': contentType,
    });
    expect(up.statusCode).toBe(200);
    const file = (up.json() as Doc).files[0]!;
    expect((await xaydung.request('GET', `/api/files/${file.id}/download`)).statusCode).toBe(403);
    expect((await tuphap.request('GET', `/api/files/${file.id}/download`)).statusCode).toBe(200);
  });
});

describe('history', () => {
  it("a record's page shows its history: create, update and file changes with actor and values", async () => {
    const doc = await create(tuphap, 'Sở Tư pháp', 'internal', '10/BC-STP');
    await tuphap.request('PATCH', `/api/documents/${doc.id}`, { version: doc.version, title: 'Tiêu đề mới' });
    const res = await tuphap.request('GET', `/api/documents/${doc.id}/history`);
    const items = (
      res.json() as {
        items: {
          action: string;
          actorName: string;
          before: { title?: string } | null;
          after: { title?: string };
        }[];
      }
    ).items;
    expect(items.map((i) => i.action)).toEqual(['create', 'update']);
    expect(items[1]!.actorName).toBe('Hoàng Văn Đầu Mối');
    expect(items[1]!.before?.title).toBe('Báo cáo CCHC của Sở Tư pháp');
    expect(items[1]!.after.title).toBe('Tiêu đề mới');
  });
});

describe('list abilities', () => {
  it('tells the web whether the caller may register documents at all', async () => {
    const inspector = await t.login('kiemtra@chidao.demo');
    expect(
      ((await inspector.request('GET', '/api/documents')).json() as { abilities: { create: boolean } })
        .abilities.create,
    ).toBe(false);
    expect(
      ((await tuphap.request('GET', '/api/documents')).json() as { abilities: { create: boolean } }).abilities
        .create,
    ).toBe(true);
  });
});
