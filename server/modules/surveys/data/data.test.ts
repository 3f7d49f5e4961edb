import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionHash, normaliseAnswers, type NormalisedAnswers } from '../rules/answers.js';
import {
  checkDefinition,
  flattenItems,
  resolveScale,
  SATISFACTION_SCALE,
  scaleCells,
  type MatrixItem,
  type MultipleItem,
  type SingleItem,
  type SurveyItem,
} from '../rules/definition.js';
import { checkIndexConfig, computeIndices, type IndexResponse } from '../rules/indices.js';
import { SHIPPED_SURVEYS, SHIPPED_SURVEYS_FOLDER, shippedSurvey, type ShippedSurvey } from './index.js';

const get = (key: string): ShippedSurvey => {
  const s = shippedSurvey(key);
  if (!s) throw new Error(`no shipped survey ${key}`);
  return s;
};
const sipas = get('sipas');
const ddci = get('ddci-department');
const par = get('par-survey');
const items = (s: ShippedSurvey): SurveyItem[] => flattenItems(s.definition).map((p) => p.item);
const item = <T extends SurveyItem>(s: ShippedSurvey, code: string): T =>
  items(s).find((i) => i.code === code) as T;

/** Every bilingual text in a value (objects with exactly vi and en), with where it is. */
function texts(value: unknown, at = ''): [string, { vi: string; en: string }][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  if (keys.length === 2 && keys[0] === 'en' && keys[1] === 'vi')
    return [[at, o as { vi: string; en: string }]];
  return Object.entries(o).flatMap(([k, v]) => texts(v, `${at}.${k}`));
}

describe('the shipped survey templates (server/modules/surveys/data)', () => {
  it('are three, one JSON file each', () => {
    expect(SHIPPED_SURVEYS.map((s) => [s.key, s.kind])).toEqual([
      ['sipas', 'satisfaction'],
      ['ddci-department', 'business'],
      ['par-survey', 'par_index'],
    ]);
    const files = fs.readdirSync(SHIPPED_SURVEYS_FOLDER).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['ddci-department.json', 'par-survey.json', 'sipas.json']);
    expect(shippedSurvey('nope')).toBeUndefined();
  });

  describe.each(SHIPPED_SURVEYS.map((s) => [s.key, s] as const))('%s', (_key, s) => {
    it('passes checkDefinition', () => {
      expect(checkDefinition(s.definition)).toEqual([]);
    });
    it('its index configs fit it (checkIndexConfig), with unique keys and a cited source', () => {
      for (const config of s.indices) expect(checkIndexConfig(config, s.definition)).toEqual([]);
      expect(new Set(s.indices.map((c) => c.key)).size).toBe(s.indices.length);
      for (const config of s.indices) expect(config.source.length).toBeGreaterThan(50);
    });
    it('is marked as based on its source, not confirmed; the legal basis says so', () => {
      expect(s.confirmed).toBe(false);
      expect(s.legalBasis).toMatch(/[Dd]ựa theo|bản soạn|bản mẫu|bản cài đặt/);
      for (const config of s.indices) for (const index of config.indices) expect(index.confirmed).toBe(false);
    });
    it('every text has Vietnamese and English, neither blank', () => {
      const all = texts(s);
      expect(all.length).toBeGreaterThan(30);
      for (const [at, t] of all) {
        expect(t.vi.trim(), at).not.toBe('');
        expect(t.en.trim(), at).not.toBe('');
      }
    });
    it('every scale is the 5-point one with its labels; matrices offer "không ý kiến"', () => {
      for (const i of items(s))
        if (i.kind === 'matrix' || i.kind === 'likert5') {
          expect(resolveScale(s.definition, i.scale)).not.toBeNull();
          if (i.kind === 'matrix') expect(i.allowNa).toBe(true);
        }
    });
    it('its canonical text (the version hash input) is stable and reads back as the definition', () => {
      const text = definitionHash(s.definition);
      expect(definitionHash(structuredClone(s.definition))).toBe(text);
      expect(JSON.parse(text)).toEqual(s.definition);
    });
  });
});

describe('SIPAS (2640/QĐ-BNV)', () => {
  const ELEMENTS = ['tiep_can', 'thu_tuc', 'cong_chuc', 'ket_qua', 'gop_y'];

  it('5 elements — access, procedure, civil servants, result, feedback — with 22 criteria (4 + 5 + 6 + 3 + 4)', () => {
    expect(sipas.definition.elements!.map((e) => [e.code, e.name.vi])).toEqual([
      ['tiep_can', 'Tiếp cận dịch vụ'],
      ['thu_tuc', 'Thủ tục hành chính'],
      ['cong_chuc', 'Sự phục vụ của công chức'],
      ['ket_qua', 'Kết quả giải quyết thủ tục hành chính'],
      ['gop_y', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'],
    ]);
    const cells = items(sipas)
      .filter((i) => i.kind === 'matrix')
      .flatMap(scaleCells);
    expect(cells).toHaveLength(22);
    expect(ELEMENTS.map((e) => cells.filter((c) => c.element === e).length)).toEqual([4, 5, 6, 3, 4]);
    expect(cells.map((c) => c.code)).toEqual([
      ...['1.1', '1.2', '1.3', '1.4'],
      ...['2.1', '2.2', '2.3', '2.4', '2.5'],
      ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.6'],
      ...['4.1', '4.2', '4.3'],
      ...['5.1', '5.2', '5.3', '5.4'],
    ]);
  });

  it('rated on the satisfaction scale: rất không hài lòng … rất hài lòng', () => {
    for (const code of ['yt1', 'yt2', 'yt3', 'yt4', 'yt5'])
      expect(resolveScale(sipas.definition, item<MatrixItem>(sipas, code).scale)).toEqual(SATISFACTION_SCALE);
  });

  it('the respondent’s profile: gender, age group, and the channel — trực tiếp, trực tuyến, bưu chính', () => {
    expect(item<SingleItem>(sipas, 'gioi_tinh').choices.map((c) => c.label.vi)).toEqual(['Nam', 'Nữ']);
    expect(item<SingleItem>(sipas, 'nhom_tuoi').choices).toHaveLength(6);
    expect(item<SingleItem>(sipas, 'kenh').choices.map((c) => c.code)).toEqual([
      'truc_tiep',
      'truc_tuyen',
      'buu_chinh',
    ]);
  });

  it('the expectations: up to three improvements, or none', () => {
    const m = item<MultipleItem>(sipas, 'mong_doi');
    expect([m.minSelections, m.maxSelections, m.required]).toEqual([1, 3, true]);
    expect(m.choices.filter((c) => c.exclusive).map((c) => c.code)).toEqual(['khong_co']);
  });

  it('the index: the share of satisfied answers per element, the SIPAS index their average', () => {
    const config = sipas.indices[0]!;
    expect(config.indices.slice(0, 5).map((i) => [i.key, i.formula, i.select])).toEqual(
      ELEMENTS.map((e) => [e, 'share_top2', { elements: [e] }]),
    );
    expect(config.overall).toMatchObject({ method: 'mean_of_indices', of: ELEMENTS });
    expect(config.minGroupSize).toBe(5);
  });

  const full = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
    doi_tuong: 'nguoi_dan',
    gioi_tinh: 'nu',
    nhom_tuoi: '35_44',
    kenh: 'truc_tiep',
    so_lan_di_lai: 2,
    tra_ket_qua: 'dung_hen',
    yt1: { '1.1': 4, '1.2': 4, '1.3': 3, '1.4': 'na' },
    yt2: { '2.1': 5, '2.2': 5, '2.3': 4, '2.4': 4, '2.5': 4 },
    yt3: { '3.1': 5, '3.2': 5, '3.3': 4, '3.4': 4, '3.5': 4, '3.6': 5 },
    yt4: { '4.1': 5, '4.2': 4, '4.3': 4 },
    da_gop_y: 'khong',
    hai_long_chung: 4,
    mong_doi: ['rut_ngan_thoi_gian'],
    ...patch,
  });

  it('a complete response is accepted; element 5 is asked only of those who gave feedback', () => {
    expect(normaliseAnswers(sipas.definition, full()).ok).toBe(true);
    const gave = normaliseAnswers(sipas.definition, full({ da_gop_y: 'co' }));
    expect(gave.ok).toBe(false);
    if (!gave.ok) expect(gave.problems.map((p) => [p.at, p.problem])).toEqual([['yt5', 'required']]);
  });

  it('the number of trips is asked only of those who came in person; the apology only when late', () => {
    const online = normaliseAnswers(sipas.definition, full({ kenh: 'truc_tuyen', xin_loi_tre_hen: 'co' }));
    expect(online.ok && [online.answers.so_lan_di_lai, online.dropped]).toEqual([
      undefined,
      ['so_lan_di_lai', 'xin_loi_tre_hen'],
    ]);
  });

  it('computes the SIPAS index over 100,000 responses in one pass (20 units, one of them too small to show)', () => {
    // A deterministic generator (mulberry32): each unit has its own leaning, each person their own mood.
    let seed = 17;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const matrices = (['yt1', 'yt2', 'yt3', 'yt4', 'yt5'] as const).map((code) =>
      item<MatrixItem>(sipas, code),
    );
    const responses: IndexResponse[] = [];
    const expected = new Map(ELEMENTS.map((e) => [e, { top: 0, valid: 0 }]));
    for (let k = 0; k < 100_000; k++) {
      const unit = k === 99_999 || k === 99_998 || k === 99_997 || k === 99_996 ? 'tiny' : `u${k % 20}`;
      const lean = unit === 'tiny' ? 0 : (Number(unit.slice(1)) % 5) * 0.15;
      const mood = random() * 0.4 + lean;
      const gave = random() < 0.2;
      const answers: NormalisedAnswers = {
        kenh: random() < 0.6 ? 'truc_tiep' : 'truc_tuyen',
        tra_ket_qua: random() < 0.9 ? 'dung_hen' : 'tre_hen',
        da_gop_y: gave ? 'co' : 'khong',
        hai_long_chung: (1 + Math.min(4, Math.floor((random() + mood) * 3))) as 1,
      };
      for (const m of matrices) {
        if (m.code === 'yt5' && !gave) continue;
        const rows: Record<string, 1 | 2 | 3 | 4 | 5 | 'na'> = {};
        for (const r of m.rows) {
          const x = random();
          const v = x < 0.03 ? 'na' : ((1 + Math.min(4, Math.floor((x + mood) * 3.2))) as 1 | 2 | 3 | 4 | 5);
          rows[r.code] = v;
          if (v !== 'na') {
            const e = expected.get(m.element!)!;
            e.valid++;
            if (v >= 4) e.top++;
          }
        }
        answers[m.code] = rows;
      }
      responses.push({ group: unit, answers });
    }
    const result = computeIndices(sipas.definition, sipas.indices[0]!, responses);
    expect(result.all.responses).toBe(100_000);
    const all = new Map(result.all.cells.map((c) => [c.key, c]));
    for (const e of ELEMENTS) {
      const { top, valid } = expected.get(e)!;
      expect(all.get(e)!.answers).toBe(valid);
      expect(all.get(e)!.value).toBeCloseTo((top / valid) * 100, 2);
      expect(all.get(e)!.ci!.high - all.get(e)!.ci!.low).toBeLessThan(1.5);
    }
    expect(all.get('gop_y')!.respondents).toBeGreaterThan(19_000);
    expect(all.get('gop_y')!.respondents).toBeLessThan(21_000);
    const mean = ELEMENTS.reduce((a, e) => a + (expected.get(e)!.top / expected.get(e)!.valid) * 100, 0) / 5;
    expect(all.get('sipas_chung')!.value).toBeCloseTo(mean, 2);
    expect(result.groups).toHaveLength(21);
    const tiny = result.groups.find((g) => g.group === 'tiny')!;
    expect(tiny.responses).toBe(4);
    expect(tiny.cells.every((c) => c.suppressed && c.value === null)).toBe(true);
    const shown = result.groups.filter((g) => g.group !== 'tiny');
    expect(shown.every((g) => g.cells.every((c) => !c.suppressed))).toBe(true);
    // Units leaning happier score higher: u4 (lean 0,6) above u0 (lean 0).
    const overall = (g: string) =>
      result.groups.find((x) => x.group === g)!.cells.find((c) => c.key === 'sipas_chung')!.value!;
    expect(overall('u4')).toBeGreaterThan(overall('u0'));
  });
});

describe('DDCI-like business survey', () => {
  it('the 5 VCCI sub-indices for departments, a few items each', () => {
    expect(ddci.definition.elements!.map((e) => e.code)).toEqual([
      'thuc_thi_chinh_sach',
      'chat_luong_dich_vu',
      'minh_bach',
      'nang_dong',
      'chi_phi_khong_chinh_thuc',
    ]);
    const perElement = (code: string) =>
      items(ddci).flatMap((i): string[] =>
        i.kind === 'matrix'
          ? scaleCells(i)
              .filter((c) => c.element === code)
              .map((c) => c.code)
          : i.element === code
            ? [i.code]
            : [],
      ).length;
    for (const e of ddci.definition.elements!) expect(perElement(e.code)).toBeGreaterThanOrEqual(3);
  });

  it('businesses that did not deal with the department rate nothing', () => {
    const r = normaliseAnswers(ddci.definition, {
      loai_hinh: 'tnhh',
      quy_mo: '10_49',
      nganh: 'thuong_mai_dich_vu',
      lam_viec: 'khong',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.shown).not.toContain('cs1');
  });

  it('informal costs: the share of businesses saying "no"; the DDCI their average', () => {
    const config = ddci.indices[0]!;
    expect(config.indices.find((i) => i.key === 'chi_phi_khong_chinh_thuc')).toMatchObject({
      formula: 'share_choice',
      choices: ['khong'],
    });
    expect(config.overall).toMatchObject({ method: 'mean_of_indices' });
    expect(config.overall!.of).toHaveLength(5);
  });
});

describe('the PAR Index sociological survey', () => {
  /** The survey criteria of a shipped PAR framework (read from parindex's data files, not imported). */
  function surveyCriteria(framework: string): string[] {
    const file = path.join(SHIPPED_SURVEYS_FOLDER, '../../parindex/data', `${framework}.json`);
    const tree = (
      JSON.parse(fs.readFileSync(file, 'utf8')) as {
        tree: {
          fields: {
            criteria: { code: string; method?: string; subs: { code: string; method: string }[] }[];
          }[];
        };
      }
    ).tree;
    const codes: string[] = [];
    for (const f of tree.fields)
      for (const c of f.criteria)
        for (const i of c.subs.length ? c.subs : [c]) if (i.method === 'survey') codes.push(i.code);
    return codes;
  }

  it('items grouped by field (1, 3, 5, 7), each section one field', () => {
    expect(par.definition.elements!.map((e) => e.code)).toEqual(['1', '3', '5', '7']);
    expect(par.definition.sections.map((s) => s.code)).toEqual([
      'thong_tin',
      'linh_vuc_1',
      'linh_vuc_3',
      'linh_vuc_5',
      'linh_vuc_7',
      'y_kien',
    ]);
  });

  it('every criterion of the shipped PAR sets that takes its points from a survey is fed by one index, and only those', () => {
    for (const framework of ['department-nghean', 'commune-nghean']) {
      const fed = par.parCriteria!.filter((l) => l.framework === framework).map((l) => l.criterion);
      expect(fed.sort()).toEqual(surveyCriteria(framework).sort());
    }
  });

  it('each link names an index of its config, which selects the items carrying the criterion’s index key', () => {
    for (const link of par.parCriteria!) {
      const config = par.indices.find((c) => c.key === link.config)!;
      const index = config.indices.find((i) => i.key === link.index)!;
      expect(index.formula).toBe('share_top2');
      expect(index.select.indexKeys).toHaveLength(1);
    }
    const keys = new Set(
      items(par)
        .flatMap(scaleCells)
        .map((c) => c.indexKey),
    );
    expect([...keys].sort()).toEqual(['3.6.1', '3.6.2', '7.6.1', '7.6.2']);
  });

  it('online services and the website are rated only by those who used them', () => {
    const base = {
      doi_tuong: 'nguoi_dan',
      gioi_tinh: 'nam',
      nhom_tuoi: '25_34',
      kenh: 'truc_tiep',
      dung_dvc_truc_tuyen: 'khong',
      xem_trang_tin: 'khong',
      lv3_giai_quyet: {
        lv3_tiep_can: 4,
        lv3_cong_khai: 4,
        lv3_thai_do: 5,
        lv3_huong_dan: 4,
        lv3_dung_hen: 5,
        lv3_ket_qua: 5,
        lv3_gop_y: 'na',
      },
      lv5_nhung_nhieu: 'khong',
    };
    expect(normaliseAnswers(par.definition, base).ok).toBe(true);
    const used = normaliseAnswers(par.definition, { ...base, dung_dvc_truc_tuyen: 'co' });
    expect(!used.ok && used.problems.map((p) => p.at)).toEqual(['lv7_dich_vu_cong']);
  });
});
