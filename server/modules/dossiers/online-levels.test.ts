/** Online public-service levels (NĐ 42/2022/NĐ-CP), the legacy levels 1–4, publication and the rate split. */
import { describe, expect, it } from 'vitest';
import {
  countCatalogue,
  ONLINE_LEVEL_RULES,
  onlineRateByLevel,
  parseOnlineLevel,
  parsePublished,
} from './online-levels.js';

describe('reading a level (NĐ 42/2022; legacy NĐ 43/2011 levels mapped)', () => {
  it('reads the words of NĐ 42/2022 with or without tone marks', () => {
    expect(parseOnlineLevel('Toàn trình')).toBe('full');
    expect(parseOnlineLevel('DVC trực tuyến toàn trình')).toBe('full');
    expect(parseOnlineLevel('mot phan')).toBe('partial');
    expect(parseOnlineLevel('Dịch vụ công trực tuyến một phần')).toBe('partial');
    expect(parseOnlineLevel('Không')).toBe('none');
    expect(parseOnlineLevel('full')).toBe('full');
  });
  it('maps the legacy levels: 4 → toàn trình, 3 → một phần, 1–2 → not an online service', () => {
    expect(parseOnlineLevel('4')).toBe('full');
    expect(parseOnlineLevel('Mức độ 4')).toBe('full');
    expect(parseOnlineLevel('mức 3')).toBe('partial');
    expect(parseOnlineLevel('Mức độ 2')).toBe('none');
    expect(parseOnlineLevel('1')).toBe('none');
    expect(ONLINE_LEVEL_RULES.legacy).toEqual({ 1: 'none', 2: 'none', 3: 'partial', 4: 'full' });
  });
  it('a mapping is data: another version changes the reading, not the code', () => {
    const strict = {
      ...ONLINE_LEVEL_RULES,
      version: 'x',
      legacy: { ...ONLINE_LEVEL_RULES.legacy, 3: 'none' as const },
    };
    expect(parseOnlineLevel('Mức độ 3', strict)).toBe('none');
  });
  it('says nothing for an empty or unknown text', () => {
    expect(parseOnlineLevel('')).toBeNull();
    expect(parseOnlineLevel(null)).toBeNull();
    expect(parseOnlineLevel('mức độ 5')).toBeNull();
  });
});

describe('publication', () => {
  it('yes / no / not recorded; anything else is refused', () => {
    expect(parsePublished('Có')).toBe(true);
    expect(parsePublished('Đã công khai')).toBe(true);
    expect(parsePublished('x')).toBe(true);
    expect(parsePublished('Không')).toBe(false);
    expect(parsePublished('Chưa công khai')).toBe(false);
    expect(parsePublished('')).toBeNull();
    expect(parsePublished(undefined)).toBeNull();
    expect(parsePublished('có lẽ')).toBe('invalid');
  });
  it('counts the catalogue by level, an unknown publication apart', () => {
    expect(
      countCatalogue([
        { onlineCapability: 'full', published: true },
        { onlineCapability: 'full', published: null },
        { onlineCapability: 'partial', published: false },
        { onlineCapability: 'partial', published: true },
        { onlineCapability: 'none', published: true },
      ]),
    ).toEqual([
      { level: 'none', procedures: 1, published: 1, notPublished: 0, unknown: 0 },
      { level: 'partial', procedures: 2, published: 1, notPublished: 1, unknown: 0 },
      { level: 'full', procedures: 2, published: 1, notPublished: 0, unknown: 1 },
    ]);
  });
});

describe('the online rate split by level', () => {
  const flows = [
    { level: 'full' as const, received: 600, receivedOnline: 420, procedureIds: ['p1', 'p2'] },
    { level: 'full' as const, received: 400, receivedOnline: 300, procedureIds: ['p1'] },
    { level: 'partial' as const, received: 1000, receivedOnline: 150, procedureIds: ['p3'] },
    { level: 'none' as const, received: 500, receivedOnline: 0, procedureIds: ['p4'] },
  ];
  const by = Object.fromEntries(onlineRateByLevel(flows).map((r) => [r.level, r]));
  it('each level: received online ÷ received, for its procedures; a procedure of several units once', () => {
    expect(by.full!.onlineRate).toEqual({ numerator: 720, denominator: 1000, value: 0.72 });
    expect(by.full!.proceduresWithDossiers).toBe(2);
    expect(by.partial!.onlineRate.value).toBe(0.15);
    expect(by.none!.onlineRate.value).toBe(0);
  });
  it('"online" is một phần + toàn trình together (the old "mức độ 3–4" rate of the reports)', () => {
    expect(by.online!.onlineRate).toEqual({ numerator: 870, denominator: 2000, value: 0.435 });
    expect(by.online!.proceduresWithDossiers).toBe(3);
  });
  it('the levels add up to the overall rate', () => {
    const levels = [by.none!, by.partial!, by.full!];
    expect(levels.reduce((n, l) => n + l.received, 0)).toBe(2500);
    expect(levels.reduce((n, l) => n + l.receivedOnline, 0)).toBe(870);
  });
  it("a split unit's weighted share counts as weighted; no dossiers → no rate", () => {
    const out = Object.fromEntries(
      onlineRateByLevel([{ level: 'full', received: 2.5, receivedOnline: 1, procedureIds: ['p'] }]).map(
        (r) => [r.level, r],
      ),
    );
    expect(out.full!.onlineRate.value).toBeCloseTo(0.4);
    expect(out.none!.onlineRate.value).toBeNull();
    expect(onlineRateByLevel([]).every((r) => r.onlineRate.value === null)).toBe(true);
  });
});
