import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '../../core/context.js';
import { rows, type Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.service.js';
import { importDepartmentsCommand } from './departments.cli.js';
import { BEFORE_RECORDS, normaliseName } from './departments-template.js';
import { importDepartments } from './departments.service.js';
import { findByCode, unitsAsOf } from './lineage.service.js';
import { lineageEvents, lineageLinks } from './lineage.table.js';
import { insertUnits } from './units.service.js';
import { units } from './units.table.js';

// Issue 12 point 2: the standard departments (Decree 24/2014/NĐ-CP → Decree 45/2025/NĐ-CP, in force
// 1/3/2025) imported into a province that has none, into the demo province that has some, and again.
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
});
afterAll(() => drop());

const ctx = () => systemContext(database.db);

async function province(
  code: string,
  name: string,
  fullName: string,
  validFrom = BEFORE_RECORDS,
  validTo?: string,
) {
  const [p] = await insertUnits(ctx(), [
    { code, name, fullName, kind: 'province', parentId: null, validFrom, validTo: validTo ?? null },
  ]);
  return p!;
}

/** Successors of a unit by lineage (code and full name), with the event's kind, date and basis. */
async function successorsOf(unitId: string) {
  const found = await database.db
    .select({ link: lineageLinks, event: lineageEvents, unit: units })
    .from(lineageLinks)
    .innerJoin(lineageEvents, eq(lineageEvents.id, lineageLinks.eventId))
    .innerJoin(units, eq(units.id, lineageLinks.successorId))
    .where(eq(lineageLinks.predecessorId, unitId));
  return found.map((r) => ({
    kind: r.event.kind,
    date: r.event.effectiveDate,
    basis: r.event.legalBasisText,
    code: r.unit.code,
    weight: r.link.weight,
  }));
}

const journalCount = async (entity: string) =>
  Number(
    (
      await rows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM audit_journal WHERE entity = ${entity}`,
      )
    )[0]!.n,
  );

/** Names in force on a date under a parent appear once (no duplicate departments). */
async function namesOn(parentId: string, date: string) {
  const found = (await unitsAsOf(database.db, { date, parentId })).filter((u) => u.kind !== 'district');
  const names = found.map((u) => normaliseName(u.name));
  expect(new Set(names).size).toBe(names.length);
  return found;
}

describe('import into a province without departments', () => {
  it('creates the standard set with the 2025 lineage, citing Decree 45/2025/NĐ-CP', async () => {
    const p = await province('42', 'Hà Tĩnh', 'Tỉnh Hà Tĩnh');
    const before = await journalCount('unit');
    const r = await importDepartments(ctx(), { province: '42' });
    expect(r.counts).toEqual({ created: 21, matched: 0, recorded: 5, existing: 0, skipped: 1 });
    expect(r.events.find((e) => e.kind === 'rename')).toMatchObject({
      status: 'skipped',
      reason: 'not_included',
    });
    // One entry per created unit (those the reorganisation ends are created ending on 28/02/2025).
    expect((await journalCount('unit')) - before).toBe(21);
    expect(await journalCount('unit_import')).toBe(1);

    // Sở KH&ĐT ended on 28/02/2025 and Sở Tài chính, which keeps its code, carries it on.
    const khdt = (await findByCode(database.db, '42-SKHDT', '2024-06-01'))!;
    expect(khdt).toMatchObject({ fullName: 'Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh', validTo: '2025-02-28' });
    expect(await findByCode(database.db, '42-SKHDT', '2025-03-01')).toBeUndefined();
    expect(await successorsOf(khdt.id)).toEqual([
      {
        kind: 'absorb',
        date: '2025-03-01',
        basis: expect.stringMatching(/^Nghị định 45\/2025\/NĐ-CP ngày 28\/02\/2025/),
        code: '42-STC',
        weight: null,
      },
    ]);
    // Founding dates are unknown: the open start, attested since Decree 24/2014/NĐ-CP took effect.
    const [snv] = await database.db.select().from(units).where(eq(units.code, '42-SNV'));
    expect(snv).toMatchObject({ validFrom: BEFORE_RECORDS, knownSince: '2014-05-20', validTo: null });
    const stc2024 = await findByCode(database.db, '42-STC', '2024-06-01');
    expect(stc2024?.id).toBe((await findByCode(database.db, '42-STC', '2026-01-01'))?.id);

    // Two departments merged into a new one that starts on 1/3/2025.
    const nnmt = (await findByCode(database.db, '42-SNNMT', '2025-03-01'))!;
    expect(nnmt.validFrom).toBe('2025-03-01');
    for (const code of ['42-STNMT', '42-SNNPTNT']) {
      const old = (await findByCode(database.db, code, '2025-02-28'))!;
      expect(await successorsOf(old.id)).toMatchObject([{ kind: 'merge', code: '42-SNNMT' }]);
    }
    // Lao động – TB&XH split between Nội vụ, Y tế and Giáo dục, weights left to the province.
    const ldtbxh = (await findByCode(database.db, '42-SLDTBXH', '2025-02-28'))!;
    expect((await successorsOf(ldtbxh.id)).map((s) => [s.kind, s.code, s.weight]).sort()).toEqual([
      ['split', '42-SGDDT', null],
      ['split', '42-SNV', null],
      ['split', '42-SYT', null],
    ]);

    // 17 agencies + 3 party and mass bodies before; 12 agencies + 3 after.
    expect(await namesOn(p.id, '2024-12-31')).toHaveLength(20);
    const after = await namesOn(p.id, '2025-03-01');
    expect(after.filter((u) => u.kind === 'department')).toHaveLength(12);
    expect(after.map((u) => u.fullName)).toEqual(
      expect.arrayContaining(['Văn phòng UBND tỉnh Hà Tĩnh', 'Thanh tra tỉnh Hà Tĩnh', 'Tỉnh ủy Hà Tĩnh']),
    );
  });

  it('a second run changes nothing; asking for an optional unit adds it with its own event', async () => {
    const journal = await journalCount('unit');
    const again = await importDepartments(ctx(), { province: '42' });
    expect(again.counts).toEqual({ created: 0, matched: 21, recorded: 0, existing: 5, skipped: 1 });
    expect(await journalCount('unit')).toBe(journal);
    expect(await journalCount('unit_import')).toBe(1);

    const withBdt = await importDepartments(ctx(), { province: '42', with: ['BDT'] });
    expect(withBdt.counts).toMatchObject({ created: 1, recorded: 1, existing: 5, skipped: 0 });
    const bdt = (await findByCode(database.db, '42-BDT', '2025-02-28'))!;
    expect(bdt.fullName).toBe('Ban Dân tộc tỉnh Hà Tĩnh');
    expect(await findByCode(database.db, '42-SDTTG', '2025-03-01')).toMatchObject({
      id: bdt.id,
      fullName: 'Sở Dân tộc và Tôn giáo tỉnh Hà Tĩnh',
    });
    expect((await importDepartments(ctx(), { province: '42', with: 'all' })).counts.created).toBe(8);
    expect((await importDepartments(ctx(), { province: '42', with: 'all' })).counts).toMatchObject({
      created: 0,
      recorded: 0,
    });
  });
});

describe('import into a province whose departments were entered by hand', () => {
  it('matches them by name, ends the merged ones and links them; adds only what is missing', async () => {
    const p = await province('38', 'Thanh Hóa', 'Tỉnh Thanh Hóa');
    const mk = (code: string, name: string) => ({
      code,
      name,
      fullName: `${name} tỉnh Thanh Hóa`,
      kind: 'department' as const,
      parentId: p.id,
      validFrom: '2010-01-01',
    });
    const [khdt, tc] = await insertUnits(ctx(), [
      mk('TH.01', 'Sở Kế hoạch và Đầu tư'),
      mk('TH.02', 'Sở Tài Chính'),
    ]);
    const r = await importDepartments(ctx(), { province: '38' });
    expect(r.matched.map((m) => [m.code, m.by])).toEqual([
      ['TH.01', 'name'],
      ['TH.02', 'name'],
    ]);
    expect(r.counts).toMatchObject({ created: 19, recorded: 5 });
    const [ended] = await database.db.select().from(units).where(eq(units.id, khdt!.id));
    expect(ended!.validTo).toBe('2025-02-28');
    expect(await successorsOf(khdt!.id)).toMatchObject([{ kind: 'absorb', code: 'TH.02' }]);
    expect((await findByCode(database.db, 'TH.02', '2026-01-01'))?.id).toBe(tc!.id);
    await namesOn(p.id, '2024-12-31');
    await namesOn(p.id, '2025-03-01');
  });
});

describe('a province formed on 1/7/2025 and a code already taken', () => {
  it('gets only the set after the reorganisation, from its own start, without events', async () => {
    await province('44', 'Quảng Trị', 'Tỉnh Quảng Trị', '2025-07-01');
    const r = await importDepartments(ctx(), { province: '44' });
    expect(r.events).toEqual([]);
    expect(r.created.map((u) => u.code)).not.toContain('44-SKHDT');
    expect(await findByCode(database.db, '44-STC', '2025-07-01')).toMatchObject({ validFrom: '2025-07-01' });
  });

  it('refuses, writing nothing, when a code of the template is used elsewhere at the same time', async () => {
    const other = await province('46', 'Huế', 'Thành phố Huế');
    const p = await province('45', 'Quảng Bình', 'Tỉnh Quảng Bình');
    await insertUnits(ctx(), [
      {
        code: '45-SNV',
        name: 'Nhầm mã',
        fullName: 'Nhầm mã',
        kind: 'other',
        parentId: other.id,
        validFrom: '2020-01-01',
      },
    ]);
    await expect(importDepartments(ctx(), { province: '45' })).rejects.toMatchObject({
      status: 409,
      messageKey: 'lineage.code_overlap',
    });
    const [row] = await database.db.select({ n: count() }).from(units).where(eq(units.parentId, p.id));
    expect(row!.n).toBe(0);
  });
});

describe('the demo province (Nghệ An), which already has departments and their 2025 events', () => {
  it('the demo seed ran it: every department matched, no event twice, the Party and Front bodies there; again the same', async () => {
    await seedDemo(ctx(), { withAccounts: false });
    const na = (await findByCode(database.db, '40', '2026-01-01', 'province'))!;
    const eventsBefore = (await database.db.select({ n: count() }).from(lineageEvents))[0]!.n;
    const r = await importDepartments(ctx(), { province: '40' });
    expect(r.created).toEqual([]);
    expect(
      r.matched
        .filter((m) => m.kind === 'party_body' || m.kind === 'mass_organisation')
        .map((m) => m.code)
        .sort(),
    ).toEqual(['40-MTTQ', '40-TU', '40-VPTU']);
    expect(r.counts).toMatchObject({ recorded: 0, existing: 6, skipped: 0 });
    expect(r.matched.find((m) => m.key === 'SKHDT')).toMatchObject({ code: '40.khdt', by: 'name' });
    expect(r.matched.find((m) => m.key === 'BQLKKT')?.fullName).toMatch(/^Ban Quản lý Khu kinh tế Đông Nam/);
    expect(r.matched.find((m) => m.key === 'SNNMT')?.code).toBe('40.nnmt');
    expect((await database.db.select({ n: count() }).from(lineageEvents))[0]!.n).toBe(eventsBefore);
    await namesOn(na.id, '2024-12-31');
    await namesOn(na.id, '2025-03-01');

    const again = await importDepartments(ctx(), { province: '40' });
    expect(again.counts).toMatchObject({ created: 0, recorded: 0, existing: 6 });
    const codes = await database.db
      .select({ code: units.code })
      .from(units)
      .where(
        and(
          eq(units.parentId, na.id),
          inArray(units.kind, ['department', 'party_body', 'mass_organisation']),
        ),
      );
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });
});

describe('chidao units import-departments', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
    const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(m));
    try {
      const code = await importDepartmentsCommand(args, ctx());
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it('prints a Vietnamese summary, or JSON', async () => {
    const text = await run(['--province', '40']);
    expect(text).toMatchObject({ code: 0, err: '' });
    expect(text.out).toContain('cho UBND tỉnh Nghệ An (mã 40)');
    expect(text.out).toContain('Tạo mới 0 đơn vị.');
    expect(text.out).toMatch(/Sự kiện sắp xếp: ghi mới 0, đã có 6, bỏ qua 0\./);
    expect(text.out).toMatch(/đã có +01\/03\/2025 Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính/);
    const json = await run(['--province', '42', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ province: { code: '42' }, counts: { created: 0 } });
  });

  it('without --province, refuses when several provinces are in force, naming them', async () => {
    const r = await run([]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('hãy chọn một bằng --province MÃ');
    expect(r.err).toContain('choose one with --province CODE');
    expect(r.err).toMatch(/ {2}40 {3}UBND tỉnh Nghệ An/);
    expect(r.err).toContain('Tỉnh Hà Tĩnh');
  });

  it('refuses an unknown province or optional unit', async () => {
    expect((await run(['--province', '99'])).err).toContain('Không có tỉnh mã 99');
    expect((await run(['--province', '40', '--with', 'SNV'])).err).toContain('no optional unit SNV');
  });
});
