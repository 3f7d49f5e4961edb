import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { loadActor } from '../access/access.service.js';
import { historyOf } from '../audit/audit.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { legalBasisOf, listDocuments, setLegalBasis } from './documents.service.js';

let t: TestApp;
let admin: RequestContext;
let focal: RequestContext;

async function contextOf(email: string): Promise<RequestContext> {
  const base: RequestContext = { db: t.database.db, actor: null, requestId: 'test', ip: null, locale: 'vi' };
  const user = (await findUserByEmail(base, email))!;
  return { ...base, actor: await loadActor(t.database.db, user) };
}

beforeAll(async () => {
  t = await testApp();
  admin = await contextOf('admin@chidao.demo');
  focal = await contextOf('daumoi.xaydung@chidao.demo');
});
afterAll(() => t.close());

describe('legal basis: any record cites documents from the register', () => {
  it('records, replaces and journals the citations of a record', async () => {
    const docs = (await listDocuments(admin, { limit: 50, offset: 0 })).items;
    const founding = docs.find((d) => d.numberSymbol === '1830-QĐ/TU')!;
    const decree = docs.find((d) => d.numberSymbol === '45/2025/NĐ-CP')!;
    await setLegalBasis(admin, 'unit_event', 'evt-1', [founding.id, decree.id]);
    expect((await legalBasisOf(admin, 'unit_event', 'evt-1')).map((d) => d.numberSymbol).sort()).toEqual([
      '1830-QĐ/TU',
      '45/2025/NĐ-CP',
    ]);
    await setLegalBasis(admin, 'unit_event', 'evt-1', [decree.id]);
    expect((await legalBasisOf(admin, 'unit_event', 'evt-1')).map((d) => d.numberSymbol)).toEqual([
      '45/2025/NĐ-CP',
    ]);
    const history = await historyOf(admin, 'unit_event', 'evt-1');
    expect(history.map((h) => h.after)).toEqual([[founding.id, decree.id], [decree.id]]);
  });

  it('cannot cite a restricted document the caller may not read', async () => {
    const restricted = (await listDocuments(admin, { limit: 50, offset: 0, access: 'restricted' })).items[0]!;
    await expect(setLegalBasis(focal, 'task', 't-1', [restricted.id])).rejects.toMatchObject({ status: 403 });
  });

  it('shows a reader only the cited documents they may read', async () => {
    const restricted = (await listDocuments(admin, { limit: 50, offset: 0, access: 'restricted' })).items[0]!;
    await setLegalBasis(admin, 'task', 't-2', [restricted.id]);
    expect(await legalBasisOf(focal, 'task', 't-2')).toEqual([]);
    expect((await legalBasisOf(admin, 'task', 't-2')).map((d) => d.id)).toEqual([restricted.id]);
  });

  it('a cited document cannot be deleted (409)', async () => {
    const caller = await t.login('admin@chidao.demo');
    const docs = (await listDocuments(admin, { limit: 50, offset: 0 })).items;
    const decree = docs.find((d) => d.numberSymbol === '45/2025/NĐ-CP')!;
    expect(
      (await caller.request('DELETE', `/api/documents/${decree.id}?version=${decree.version}`)).statusCode,
    ).toBe(409);
  });
});
