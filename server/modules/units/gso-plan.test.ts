import { describe, expect, it } from 'vitest';
import { loadGsoData, loadGsoHistory } from './gso-data.js';
import {
  BEFORE_RECORDS,
  DISTRICT_BASIS,
  LAST_OLD_DAY,
  PROVINCE_BASIS,
  REFORM_DATE,
  planGsoImport,
  type GsoPlan,
} from './gso-plan.js';

const data = loadGsoData();
const country = planGsoImport(data);
const ngheAn = planGsoImport(data, { province: '40' });

const count = (plan: GsoPlan, kind: string, when: 'old' | 'new') =>
  plan.units.filter(
    (u) => u.kind === kind && (when === 'old' ? u.validFrom === BEFORE_RECORDS : u.validTo === null),
  ).length;

describe('the shipped data', () => {
  it('validates and holds both snapshots and the lineage', () => {
    expect(data.old.provinces).toHaveLength(63);
    expect(data.new.provinces).toHaveLength(34);
    expect(data.provinceMerges.provinces).toHaveLength(34);
    expect(data.communeLineage.communes).toHaveLength(3320);
  });
});

describe('planGsoImport, whole country', () => {
  it('counts 63/696/10,035 old units and 34/3,321 new ones (continuing provinces in both)', () => {
    expect(count(country, 'province', 'old')).toBe(63);
    expect(count(country, 'district', 'old')).toBe(696);
    expect(count(country, 'commune', 'old')).toBe(10_035);
    expect(count(country, 'province', 'new')).toBe(34);
    expect(count(country, 'commune', 'new')).toBe(3321);
    expect(country.stats.continuingProvinces).toBe(11);
    expect(country.units).toHaveLength(63 + 696 + 10_035 + 34 + 3321 - 11);
    expect(new Set(country.units.map((u) => u.key)).size).toBe(country.units.length);
  });

  it('keeps every listed predecessor: 10,012 resolved + 540 unresolved = 10,552', () => {
    const s = country.stats;
    expect(s.resolved).toBe(10_012);
    expect(s.unresolved).toBe(540);
    expect(s.listedPredecessors).toBe(10_552);
    expect(s.resolved + s.unresolved).toBe(s.listedPredecessors);
    // Resolved predecessors are links of either a merge or a split event.
    expect(s.mergeLinks + s.splitLinks).toBe(s.resolved);
    expect(s.splitEvents).toBe(361);
    // Unresolved rows: the free texts plus the one commune without lineage data.
    expect(s.communesWithoutLineage).toEqual(['07147']);
    expect(country.unresolved).toHaveLength(540 + 1);
    expect(s.orphanOldCommunes).toBe(438);
  });

  it('links only units of the plan, and every new unit is created by an event of the plan', () => {
    const keys = new Set(country.units.map((u) => u.key));
    const events = new Set(country.events.map((e) => e.key));
    for (const e of country.events) {
      expect(e.effectiveDate).toBe(REFORM_DATE);
      for (const l of e.links) {
        if (l.from) expect(keys.has(l.from)).toBe(true);
        if (l.to) expect(keys.has(l.to)).toBe(true);
        expect(l.weight).toBeNull();
      }
    }
    for (const u of country.units)
      if (u.validFrom === REFORM_DATE) expect(events.has(u.createdBy!)).toBe(true);
      else expect(u.createdBy).toBeNull();
  });

  it('an old commune is in one merge event or in its own split event, never both', () => {
    const merged = new Map<string, number>();
    for (const e of country.events.filter((x) => x.kind === 'merge'))
      for (const l of e.links)
        if (l.from?.startsWith('commune:')) merged.set(l.from, (merged.get(l.from) ?? 0) + 1);
    expect([...merged.values()].every((n) => n === 1)).toBe(true);
    for (const e of country.events.filter((x) => x.kind === 'split')) {
      expect(new Set(e.links.map((l) => l.from)).size).toBe(1);
      expect(e.links.length).toBeGreaterThanOrEqual(2);
      expect(merged.has(e.links[0]!.from!)).toBe(false);
    }
  });

  it('province 15 appears twice: Yên Bái until 30/6/2025, the new Lào Cai since 1/7/2025', () => {
    const p15 = country.units.filter((u) => u.kind === 'province' && u.code === '15');
    expect(p15.map((u) => [u.fullName, u.validFrom, u.validTo])).toEqual([
      ['Tỉnh Lào Cai', REFORM_DATE, null],
      ['Tỉnh Yên Bái', BEFORE_RECORDS, LAST_OLD_DAY],
    ]);
    const merge = country.events.find((e) => e.key === 'merge:province:15:2025-07-01')!;
    expect(merge.legalBasisText).toBe(PROVINCE_BASIS);
    expect(merge.links.map((l) => l.from).sort()).toEqual([
      'province:10:1900-01-01',
      'province:15:1900-01-01',
    ]);
  });

  it('a continuing province is one open unit with no event', () => {
    const hanoi = country.units.filter((u) => u.kind === 'province' && u.code === '01');
    expect(hanoi).toMatchObject([{ continues: true, validFrom: BEFORE_RECORDS, validTo: null }]);
    expect(
      country.events.some((e) => e.links.some((l) => l.from === hanoi[0]!.key || l.to === hanoi[0]!.key)),
    ).toBe(false);
  });

  it('the commune without lineage data is established with an unresolved note', () => {
    const e = country.events.find((x) => x.key === 'establish:commune:07147:2025-07-01')!;
    expect(e.links).toEqual([{ from: null, to: 'commune:07147:2025-07-01', weight: null }]);
    expect(country.unresolved.filter((u) => u.eventKey === e.key)).toHaveLength(1);
  });

  it('rejects an unknown province', () => {
    expect(() => planGsoImport(data, { province: '99' })).toThrow(/99/);
  });
});

describe('planGsoImport, Nghệ An (40)', () => {
  it('holds exactly old Nghệ An (continuing), its 20 districts and 412 communes, and 130 new communes', () => {
    expect(ngheAn.units.filter((u) => u.kind === 'province')).toMatchObject([
      { code: '40', continues: true, validFrom: BEFORE_RECORDS, validTo: null },
    ]);
    expect(count(ngheAn, 'district', 'old')).toBe(20);
    expect(count(ngheAn, 'commune', 'old')).toBe(412);
    expect(count(ngheAn, 'commune', 'new')).toBe(130);
    expect(ngheAn.stats).toMatchObject({
      resolved: 400,
      unresolved: 12,
      splitEvents: 0,
      orphanOldCommunes: 12,
    });
    expect(ngheAn.units.every((u) => u.kind !== 'commune' || u.parentKey !== null)).toBe(true);
  });

  it('Phường Thành Vinh (16681) was formed from six communes of old Thành phố Vinh (412)', () => {
    const e = ngheAn.events.find((x) => x.key === 'merge:commune:16681:2025-07-01')!;
    expect(e.legalBasisText).toBe(
      'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Nghệ An năm 2025',
    );
    const byKey = new Map(ngheAn.units.map((u) => [u.key, u]));
    const preds = e.links.map((l) => byKey.get(l.from!)!);
    expect(preds.map((u) => u.fullName).sort()).toEqual(
      [
        'Phường Cửa Nam',
        'Phường Đông Vĩnh',
        'Phường Hưng Bình',
        'Phường Lê Lợi',
        'Phường Quang Trung',
        'Xã Hưng Chính',
      ].sort(),
    );
    expect(preds.every((u) => u.parentKey === 'district:412:1900-01-01')).toBe(true);
    // The code is reused: old Phường Quang Trung and new Phường Thành Vinh are two units.
    expect(ngheAn.units.filter((u) => u.code === '16681').map((u) => u.fullName)).toEqual([
      'Phường Quang Trung',
      'Phường Thành Vinh',
    ]);
  });

  it('Huyện Diễn Châu exists until 30/6/2025 and is abolished', () => {
    const dc = ngheAn.units.find((u) => u.kind === 'district' && u.fullName === 'Huyện Diễn Châu')!;
    expect(dc).toMatchObject({
      validFrom: BEFORE_RECORDS,
      validTo: LAST_OLD_DAY,
      parentKey: 'province:40:1900-01-01',
    });
    const abolish = ngheAn.events.find((e) => e.key === `abolish:${dc.key}`)!;
    expect(abolish).toMatchObject({ kind: 'abolish', legalBasisText: DISTRICT_BASIS });
    expect(abolish.links).toEqual([{ from: dc.key, to: null, weight: null }]);
  });
});

describe('planGsoImport with the history 2017 → 2025 (decision 0007)', () => {
  const history = loadGsoHistory();
  const withHistory = planGsoImport(data, { province: '40', history });
  const inForce = (u: { validFrom: string; validTo: string | null }, date: string) =>
    u.validFrom <= date && (u.validTo === null || u.validTo >= date);
  const districts = (date: string) =>
    withHistory.units.filter((u) => u.kind === 'district' && inForce(u, date));
  const eventsOf = (key: string) => withHistory.events.filter((e) => e.links.some((l) => l.from === key));

  it('Nghệ An has 21 district-level units on 1/6/2024 and 20 on 1/1/2025', () => {
    expect(districts('2024-06-01')).toHaveLength(21);
    expect(districts('2025-01-01')).toHaveLength(20);
    expect(districts('2019-01-01')).toHaveLength(21);
    // Communes: 480 in the 2017 list, 460 after the 2019–2020 mergers, 412 after 1/12/2024.
    const communes = (date: string) =>
      withHistory.units.filter((u) => u.kind === 'commune' && inForce(u, date)).length;
    expect([communes('2017-10-15'), communes('2023-01-01'), communes('2025-01-01')]).toEqual([480, 460, 412]);
  });

  it('Thị xã Cửa Lò: founding date unknown (attested since 15/10/2017), absorbed into Thành phố Vinh on 1/12/2024', () => {
    const cuaLo = withHistory.units.find((u) => u.kind === 'district' && u.code === '413')!;
    expect(cuaLo).toMatchObject({
      validFrom: BEFORE_RECORDS,
      knownSince: '2017-10-15',
      validTo: '2024-11-30',
      parentKey: 'province:40:1900-01-01',
    });
    const [end] = eventsOf(cuaLo.key);
    expect(end).toMatchObject({
      kind: 'absorb',
      effectiveDate: '2024-12-01',
      earliestDate: null,
      source: 'gso-history',
      links: [{ from: cuaLo.key, to: 'district:412:1900-01-01', weight: null }],
    });
    // Resolution 1243/NQ-UBTVQH15 of 24/10/2024 (the chidao supplement; the GSO lists give only a window).
    expect(end!.legalBasisText).toMatch(/^Nghị quyết 1243\/NQ-UBTVQH15 ngày 24\/10\/2024 .*tỉnh Nghệ An/);
  });

  it('the same resolution dates the commune changes of Nghệ An in that interval', () => {
    const nghiPhu = withHistory.units.find((u) => u.code === '16702' && u.validTo === LAST_OLD_DAY)!;
    expect(nghiPhu.versions.map((v) => [v.validFrom, v.validTo, v.fullName])).toEqual([
      [BEFORE_RECORDS, '2024-11-30', 'Xã Nghi Phú'],
      ['2024-12-01', LAST_OLD_DAY, 'Phường Nghi Phú'],
    ]);
    const rename = withHistory.events.find((e) => e.key === nghiPhu.versions[1]!.eventKey)!;
    expect(rename).toMatchObject({ kind: 'rename', effectiveDate: '2024-12-01', earliestDate: null });
    expect(rename.legalBasisText).toContain('1243/NQ-UBTVQH15');
  });

  it('a commune merged away in 2019/2020 ends inside its window, with its successor left for a person', () => {
    const queSon = withHistory.units.find((u) => u.kind === 'commune' && u.code === '16763')!;
    expect(queSon).toMatchObject({ knownSince: '2017-10-15', validTo: '2020-02-01' });
    const [end] = eventsOf(queSon.key);
    // Between 16/10/2017 and 2/2/2020: no usable source dates it or names its successor.
    expect(end).toMatchObject({ kind: 'abolish', effectiveDate: '2020-02-02', earliestDate: '2017-10-16' });
    expect(end!.legalBasisText).toBeNull();
    const open = withHistory.unresolved.filter((u) => u.predecessorKey === queSon.key);
    expect(open).toHaveLength(1);
    expect(open[0]!.successorKey).toBeNull();
    expect(open[0]!.sourceText).toContain('16/10/2017 – 02/02/2020');
  });

  it('no unit claims to be in force since 1900: every open start says since when it is attested', () => {
    const open = withHistory.units.filter((u) => u.validFrom === BEFORE_RECORDS);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((u) => u.knownSince === '2017-10-15')).toBe(true);
    // Without the history only the 30/6/2025 list attests them.
    expect(
      ngheAn.units.filter((u) => u.validFrom === BEFORE_RECORDS).every((u) => u.knownSince === '2025-06-30'),
    ).toBe(true);
  });

  it('re-codings keep the unit: one unit with two codes over time', () => {
    const recoded = withHistory.units.filter((u) => new Set(u.versions.map((v) => v.code)).size > 1);
    expect(recoded).toHaveLength(8);
    for (const u of recoded) expect(u.versions.at(-1)!.code).toBe(u.code);
  });

  it('keeps the 2025 event keys of the 2025-only import and the upgrade path of every old unit', () => {
    const plainKeys = new Set(ngheAn.events.map((e) => e.key));
    const historyKeys2025 = withHistory.events.filter((e) => e.source === 'gso-2025').map((e) => e.key);
    expect(new Set(historyKeys2025)).toEqual(plainKeys);
    for (const u of withHistory.units.filter((x) => x.validTo === LAST_OLD_DAY))
      expect(u.legacyKey ?? u.key).toBe(`${u.kind}:${u.code}:${BEFORE_RECORDS}`);
  });

  it('the whole country: 1,153 units ended before 2025, every unit key unique, every link inside the plan', () => {
    const all = planGsoImport(data, { history });
    expect(all.history).toMatchObject({ endedBefore2025: 1153, unresolved: 1130 });
    expect(new Set(all.units.map((u) => u.key)).size).toBe(all.units.length);
    expect(new Set(all.events.map((e) => e.key)).size).toBe(all.events.length);
  });
});
