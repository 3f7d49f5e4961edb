import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Entry = { id: number; at: string; actorName: string | null; action: string; entity: string };
type Page = { items: Entry[]; nextBefore: number | null; total: number | null };

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin@chidao.demo');
  // A few entries by a named actor: the administrator edits a document of the register.
  const units = (
    (await admin.request('GET', '/api/units?kind=department&limit=500')).json() as {
      items: { id: string }[];
    }
  ).items;
  for (const n of [1, 2, 3]) {
    const res = await admin.request('POST', '/api/documents', {
      numberSymbol: `${n}/TB-NK`,
      type: 'thong_bao',
      issuer: 'Văn phòng',
      issuedOn: '2025-01-02',
      title: `Thông báo số ${n}`,
      unitId: units[0]!.id,
      access: 'public',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

const journal = async (query: string) => {
  const res = await admin.request('GET', `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('the audit journal in numbered pages', () => {
  it('pages newest first with the count of every match; the next page continues where the first ended', async () => {
    const first = await journal('sort=at&dir=desc&limit=4&offset=0');
    const second = await journal('sort=at&dir=desc&limit=4&offset=4');
    expect(first.total).toBeGreaterThan(8);
    expect(second.total).toBe(first.total);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(8);
    expect(first.nextBefore).toBeNull();
    // Oldest first on request.
    const oldest = await journal('sort=at&dir=asc&limit=4');
    expect(oldest.items.map((e) => e.id)).toEqual([...oldest.items.map((e) => e.id)].sort((a, b) => a - b));
    expect(oldest.items[0]!.id).toBeLessThan(first.items.at(-1)!.id);
  });

  it('sorts by actor name, the system (no actor) last in both directions, and keeps the filters', async () => {
    for (const dir of ['asc', 'desc']) {
      const page = await journal(`sort=actor&dir=${dir}&limit=500`);
      const names = page.items.map((e) => e.actorName);
      expect(names).toContain(null);
      const firstSystem = names.indexOf(null);
      expect(names.slice(firstSystem).every((n) => n === null)).toBe(true);
      expect(names.slice(0, firstSystem).length).toBeGreaterThan(0);
    }
    const docs = await journal('entity=document&action=create&sort=at&dir=asc');
    expect(docs.total).toBe(docs.items.length);
    expect(docs.items.every((e) => e.entity === 'document' && e.action === 'create')).toBe(true);
    expect(docs.items.length).toBeGreaterThanOrEqual(3);
  });

  it('without a sort it keeps the cursor of the next page, newest first', async () => {
    const page = await journal('limit=3');
    expect(page.total).toBeNull();
    expect(page.nextBefore).toBe(page.items.at(-1)!.id);
    const next = await journal(`limit=3&before=${page.nextBefore}`);
    expect(next.items[0]!.id).toBeLessThan(page.nextBefore!);
  });

  it('refuses an unknown order', async () => {
    expect((await admin.request('GET', '/api/audit?sort=ip')).statusCode).toBe(400);
  });
});

type Presented = Entry & {
  entityId: string;
  actionLabel: string;
  entityLabel: string;
  recordName: string | null;
  recordRef: string | null;
  changes: { field: string; label: string; before: unknown; after: unknown }[];
};
const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the journal as a person reads it', () => {
  it('labels operations, kinds of record and fields in Vietnamese, names the record and the units it points to', async () => {
    const res = await admin.request('GET', '/api/audit?entity=document&limit=3');
    const page = res.json() as Omit<Page, 'items'> & {
      items: Presented[];
      vocabulary: {
        entities: { value: string; label: string }[];
        actions: { value: string; label: string }[];
      };
    };
    const e = page.items.find((i) => i.recordName === 'Thông báo số 3' || i.recordName?.includes('3/TB-NK'))!;
    expect(e, JSON.stringify(page.items[0])).toBeTruthy();
    expect(e.actionLabel).toBe('Tạo mới');
    expect(e.entityLabel).toBe('Văn bản');
    expect(e.recordName).toBe('3/TB-NK — Thông báo số 3');
    const byField = new Map(e.changes.map((c) => [c.field, c]));
    expect(byField.get('issuedOn')).toMatchObject({
      label: 'Ngày ban hành',
      after: { kind: 'date', value: '2025-01-02' },
    });
    // The owning unit is shown by its name, not its id.
    expect(byField.get('unitId')).toMatchObject({ label: 'Đơn vị', after: { kind: 'ref', entity: 'unit' } });
    expect((byField.get('unitId')!.after as { name: string | null }).name).toMatch(
      /^Sở|^Văn phòng|^Ban|^Thanh tra/,
    );
    expect(byField.get('type')).toMatchObject({ after: { kind: 'code', value: 'thong_bao' } });
    // Bookkeeping is left out of a creation.
    expect(byField.has('version')).toBe(false);
    // No label is a raw name; no text value a UUID.
    for (const c of e.changes) expect(c.label).not.toBe(c.field);
    expect(JSON.stringify(e.changes.map((c) => c.label))).not.toMatch(UUID_TEXT);
    expect(page.vocabulary.actions.find((a) => a.value === 'restore')?.label).toBe('Khôi phục');
    expect(page.vocabulary.entities.find((a) => a.value === 'backup')?.label).toBe('Bản sao lưu');
  });

  it('in English on request', async () => {
    const res = await admin.request('GET', '/api/audit?entity=document&limit=1', undefined, {
      'accept-language': 'en',
    });
    const [e] = (res.json() as { items: Presented[] }).items;
    expect(e!.actionLabel).toBe('Created');
    expect(e!.entityLabel).toBe('Document');
    expect(e!.changes.find((c) => c.field === 'issuedOn')?.label).toBe('Issued on');
  });

  it('names a user record by the person, a grant by its account', async () => {
    const page = (await admin.request('GET', '/api/audit?entity=grant&limit=5')).json() as {
      items: Presented[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    for (const e of page.items) {
      expect(e.entityLabel).toBe('Phân quyền');
      expect(e.recordName, JSON.stringify(e)).toBeTruthy();
      const user = e.changes.find((c) => c.field === 'userId');
      if (user) expect((user.after as { name: string }).name).toBeTruthy();
    }
  });
});
