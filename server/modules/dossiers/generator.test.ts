import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/index.js';
import { classify, dossierProblems } from './dossier-timing.js';
import { dossierIn } from './dossiers.schemas.js';
import { compileMapping, DEFAULT_MAPPING, mapRow } from './import/column-mapping.js';
import { csvRecords, type CsvRecord } from './import/csv-stream.js';
import {
  CSV_HEADER,
  dossierCsvLine,
  generateDossiers,
  procedureCatalogue,
  type GeneratedDossier,
  type GeneratorOptions,
  type GeneratorUnit,
} from './generator.js';

const cal = createCalendar();
const catalogue = procedureCatalogue();

/** A small province shaped like the demo one: departments (some merged on 1/3/2025), districts and old
 *  communes until 30/6/2025, new communes from 1/7/2025. */
const units: GeneratorUnit[] = [
  ...['tuphap', 'taichinh', 'xaydung', 'noivu', 'nnmt', 'yte', 'gddt', 'congthuong', 'khcn'].map((k) => ({
    id: `dept-${k}`,
    code: `40.${k}`,
    kind: 'department',
    validFrom: k === 'nnmt' ? '2025-03-01' : '2008-04-04',
    validTo: null,
  })),
  ...['khdt', 'tnmt', 'nnptnt', 'gtvt', 'tttt', 'ldtbxh'].map((k) => ({
    id: `dept-${k}`,
    code: `40.${k}`,
    kind: 'department',
    validFrom: '2008-04-04',
    validTo: '2025-02-28',
  })),
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `district-${i}`,
    code: String(412 + i),
    kind: 'district',
    validFrom: '1900-01-01',
    validTo: '2025-06-30',
  })),
  ...Array.from({ length: 60 }, (_, i) => ({
    id: `old-commune-${i}`,
    code: String(16_700 + i),
    kind: 'commune',
    validFrom: '1900-01-01',
    validTo: '2025-06-30',
  })),
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `new-commune-${i}`,
    code: String(16_700 + i * 3), // codes are reused by the new communes
    kind: 'commune',
    validFrom: '2025-07-01',
    validTo: null,
  })),
];

const options: GeneratorOptions = {
  seed: 7,
  rows: 20_000,
  from: '2023-01-01',
  to: '2026-11-20',
  asOf: '2026-11-20',
  units,
  catalogue,
  calendar: cal,
};
const all = [...generateDossiers(options)];
const byCode = new Map(catalogue.map((p) => [p.code, p]));
const unitById = new Map(units.map((u) => [u.id, u]));
const facts = (d: GeneratedDossier) => ({
  ...d,
  receivedAt: new Date(d.receivedAt),
  dueAt: d.dueAt ? new Date(d.dueAt) : null,
  resolvedAt: d.resolvedAt ? new Date(d.resolvedAt) : null,
  returnedAt: d.returnedAt ? new Date(d.returnedAt) : null,
  withdrawnAt: d.withdrawnAt ? new Date(d.withdrawnAt) : null,
  timeLimitDays: byCode.get(d.procedureCode)!.timeLimitDays,
});
const share = (list: GeneratedDossier[], p: (d: GeneratedDossier) => boolean) =>
  list.filter(p).length / list.length;
const receivedIn = (prefixFrom: string, prefixTo: string) =>
  all.filter((d) => d.receivedAt.slice(0, 10) >= prefixFrom && d.receivedAt.slice(0, 10) <= prefixTo);

describe('procedure catalogue', () => {
  it('has a few hundred procedures with unique codes shaped like the national database', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(250);
    expect(new Set(catalogue.map((p) => p.code)).size).toBe(catalogue.length);
    for (const p of catalogue) expect(p.code).toMatch(/^[12]\.00\d{4}$/);
    expect(new Set(catalogue.map((p) => p.field)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(catalogue.map((p) => p.level))).toEqual(new Set(['province', 'commune']));
  });

  it('is the same for the same seed', () => {
    expect(procedureCatalogue()).toEqual(catalogue);
  });
});

describe('generated dossiers', () => {
  it('are deterministic: same seed and inputs give the same dossiers, another seed others', () => {
    const again = generateDossiers(options);
    for (let i = 0; i < 500; i++) expect(again.next().value).toEqual(all[i]);
    const other = generateDossiers({ ...options, seed: 8 }).next().value as GeneratedDossier;
    expect(other).not.toEqual(all[0]);
  });

  it('have exactly the requested number, with unique codes', () => {
    expect(all).toHaveLength(20_000);
    expect(new Set(all.map((d) => d.code)).size).toBe(20_000);
  });

  it('are received by units in force on the submission and the receipt day (2025 mergers)', () => {
    for (const d of all) {
      const unit = unitById.get(d.unitId)!;
      const days = [cal.localDateOf(new Date(d.receivedAt)), cal.effectiveReceiptDay(new Date(d.receivedAt))];
      for (const day of days) {
        expect(unit.validFrom <= day, `${d.code} ${day}`).toBe(true);
        expect(unit.validTo === null || unit.validTo >= day, `${d.code} ${day}`).toBe(true);
      }
      const proc = byCode.get(d.procedureCode)!;
      if (proc.tier === 'department') expect(unit.kind).toBe('department');
      else expect(['district', 'commune']).toContain(unit.kind);
    }
    // Districts before 1/7/2025 only, new communes after, a merged department never after 28/2/2025.
    expect(all.some((d) => d.unitId.startsWith('district-'))).toBe(true);
    expect(all.some((d) => d.unitId.startsWith('new-commune-'))).toBe(true);
    expect(all.some((d) => d.unitId === 'dept-gtvt')).toBe(true);
    expect(all.some((d) => d.unitId === 'dept-xaydung' && d.receivedAt >= '2025-03')).toBe(true);
  });

  it('are consistent dossiers (status, times, suspensions) as the ingest checks them', () => {
    for (const d of all) {
      expect(
        dossierIn.safeParse({ ...d, unitId: '00000000-0000-4000-8000-000000000000' }).success,
        d.code,
      ).toBe(true);
      expect(dossierProblems(cal, facts(d)), d.code).toEqual([]);
    }
  });

  it("are written as CSV in the import's default layout, and read back as the same dossiers", async () => {
    const compiled = compileMapping(DEFAULT_MAPPING, CSV_HEADER);
    if (!compiled.ok) throw new Error('the default mapping must read the generator header');
    const sample = [all.find((d) => d.suspensions.length)!, ...all.filter((_, i) => i % 97 === 0)];
    const records: CsvRecord[] = [];
    for await (const r of csvRecords(Readable.from([sample.map(dossierCsvLine).join('\n')]), ','))
      records.push(r);
    expect(records).toHaveLength(sample.length);
    sample.forEach((d, i) => {
      const read = mapRow(compiled.mapping, records[i]!.cells, i + 2);
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      const instant = (s: string | null) => (s ? new Date(s).getTime() : null);
      expect(read.value).toMatchObject({
        code: d.code,
        procedureCode: d.procedureCode,
        unitCode: d.unitCode,
        channel: d.channel,
        status: d.status,
        feePayable: d.feePayable,
        paidOnline: d.paidOnline,
        digitised: d.digitised,
        eResult: d.eResult,
        rating: d.rating,
        complained: d.complained,
        suspensions: d.suspensions
          .map((s) => ({ from: s.from, to: s.to }))
          .map((s) => expect.objectContaining(s)),
      });
      expect(
        [read.value.receivedAt, read.value.dueAt, read.value.resolvedAt, read.value.returnedAt].map(instant),
      ).toEqual([d.receivedAt, d.dueAt, d.resolvedAt, d.returnedAt].map(instant));
    });
  });

  it('follow the seasons: Tết is quiet, the year end busy, volume grows', () => {
    const perDay = (from: string, to: string) =>
      receivedIn(from, to).length / ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
    expect(perDay('2024-02-08', '2024-02-20')).toBeLessThan(perDay('2024-12-01', '2024-12-31') * 0.6);
    expect(perDay('2024-12-01', '2024-12-31')).toBeGreaterThan(perDay('2024-05-01', '2024-05-31'));
    expect(receivedIn('2024-01-01', '2024-12-31').length).toBeGreaterThan(
      receivedIn('2023-01-01', '2023-12-31').length,
    );
  });

  it('move online: about 3 in 10 in 2023, about 8 in 10 after mid-2025 (the 2025 target)', () => {
    const online = (d: GeneratedDossier) => d.channel === 'online';
    const y2023 = share(receivedIn('2023-01-01', '2023-12-31'), online);
    const late2025 = share(receivedIn('2025-10-01', '2026-11-20'), online);
    expect(y2023).toBeGreaterThan(0.2);
    expect(y2023).toBeLessThan(0.4);
    expect(late2025).toBeGreaterThan(0.7);
    expect(late2025).toBeLessThan(0.92);
    expect(share(all, (d) => d.channel === 'post')).toBeGreaterThan(0);
  });

  it('are resolved early or on time 99.x% of the time, with a few late, open, suspended, withdrawn', () => {
    const timing = all.map((d) => classify(cal, facts(d), '2026-11-20'));
    const resolved = timing.filter((c) => c.state === 'resolved');
    const late = resolved.filter((c) => c.state === 'resolved' && c.timing === 'late').length;
    expect(late).toBeGreaterThan(0);
    expect(1 - late / resolved.length).toBeGreaterThan(0.99);
    expect(resolved.length / all.length).toBeGreaterThan(0.97);
    expect(all.some((d) => d.status === 'processing')).toBe(true);
    expect(all.some((d) => d.status === 'suspended')).toBe(true);
    expect(all.some((d) => d.status === 'withdrawn')).toBe(true);
    expect(all.some((d) => d.status === 'resolved')).toBe(true); // not yet collected
    expect(share(all, (d) => d.suspensions.length > 0)).toBeGreaterThan(0.005);
    const rated = all.filter((d) => d.rating);
    expect(rated.length / all.length).toBeGreaterThan(0.1);
    expect(share(rated, (d) => d.rating === 'not_satisfied')).toBeLessThan(0.05);
    // Nothing is known after the export day.
    for (const d of all)
      for (const t of [d.resolvedAt, d.returnedAt, d.withdrawnAt])
        if (t) expect(cal.localDateOf(new Date(t)) <= '2026-11-20').toBe(true);
  });
});
