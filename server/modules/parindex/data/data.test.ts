import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMPUTE_SOURCES,
  type Criterion,
  type FrameworkTree,
  type ScoredItem,
} from '../rules/framework-types.js';
import { checkFramework, scoredItems, surveyMaxPoints, treeCounts } from '../rules/framework.js';
import { rowsToTree, treeToRows } from '../rules/framework-sheet.js';
import {
  SHIPPED_FRAMEWORKS,
  SHIPPED_FRAMEWORKS_FOLDER,
  shippedFramework,
  type ShippedFramework,
} from './index.js';

const get = (key: string): ShippedFramework => {
  const s = shippedFramework(key);
  if (!s) throw new Error(`no shipped framework ${key}`);
  return s;
};
const department = get('department-nghean');
const commune = get('commune-nghean');
const items = (tree: FrameworkTree): ScoredItem[] => scoredItems(tree).map((p) => p.item);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.001);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** QĐ 3323/QĐ-UBND (Nghệ An, 2023), departments: [criteria, sub-criteria] per field (domain notes §4). */
const QD3323: readonly [number, number][] = [
  [8, 12],
  [6, 9],
  [7, 18],
  [5, 11],
  [8, 13],
  [5, 12],
  [9, 14],
];

describe('the shipped frameworks (server/modules/parindex/data)', () => {
  it('are the two sets, one JSON file each, for departments and communes', () => {
    expect(SHIPPED_FRAMEWORKS.map((s) => [s.key, s.unitGroup])).toEqual([
      ['department-nghean', 'department'],
      ['commune-nghean', 'commune'],
    ]);
    const files = fs.readdirSync(SHIPPED_FRAMEWORKS_FOLDER).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['commune-nghean.json', 'department-nghean.json']);
    expect(department.firstYear).toBe(2023);
    expect(commune.firstYear).toBe(2025);
  });

  it('the department set has the structure of QĐ 3323/QĐ-UBND: 7 fields, 48 criteria, 89 sub-criteria', () => {
    expect(treeCounts(department.tree)).toEqual({ fields: 7, criteria: 48, subCriteria: 89 });
    expect(
      department.tree.fields.map((f) => [f.criteria.length, sum(f.criteria.map((c) => c.subs.length))]),
    ).toEqual(QD3323);
    expect(department.tree.fields.map((f) => f.name.vi)).toEqual([
      'Công tác chỉ đạo, điều hành cải cách hành chính',
      'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (cải cách thể chế)',
      'Cải cách thủ tục hành chính',
      'Cải cách tổ chức bộ máy hành chính nhà nước',
      'Cải cách chế độ công vụ',
      'Cải cách tài chính công',
      'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
    ]);
    expect(department.legalBasis).toContain('3323/QĐ-UBND');
  });

  it('the commune set has 7 fields, 35–45 criteria and 70–85 sub-criteria', () => {
    const c = treeCounts(commune.tree);
    expect(c.fields).toBe(7);
    expect(c.criteria).toBeGreaterThanOrEqual(35);
    expect(c.criteria).toBeLessThanOrEqual(45);
    expect(c.subCriteria).toBeGreaterThanOrEqual(70);
    expect(c.subCriteria).toBeLessThanOrEqual(85);
  });

  describe.each(SHIPPED_FRAMEWORKS.map((s) => [s.key, s] as const))('%s', (_key, set) => {
    const { tree } = set;

    it('passes checkFramework with its grade bands', () => {
      expect(checkFramework(tree, set.gradeBands)).toEqual([]);
    });

    it('goes through the workbook rows (XLSX export, then import) unchanged', () => {
      const back = rowsToTree(treeToRows(tree, set.gradeBands, set.rescaleWithoutSurvey));
      expect(back.problems).toEqual([]);
      expect(back.tree).toEqual(tree);
      expect(back.gradeBands).toEqual(set.gradeBands);
      expect(back.rescaleWithoutSurvey).toBe(set.rescaleWithoutSurvey);
    });

    it('totals 100 points: fields = Σ criteria = Σ scored items', () => {
      close(sum(tree.fields.map((f) => f.maxPoints)), 100);
      for (const f of tree.fields) {
        close(sum(f.criteria.map((c) => c.maxPoints)), f.maxPoints);
        for (const c of f.criteria)
          if (c.subs.length) close(sum(c.subs.map((s) => s.maxPoints)), c.maxPoints);
      }
      close(sum(items(tree).map((i) => i.maxPoints)), 100);
    });

    it('every code is unique and starts with its parent’s', () => {
      const codes: string[] = [];
      tree.fields.forEach((f, fi) => {
        expect(f.code).toBe(String(fi + 1));
        codes.push(f.code);
        f.criteria.forEach((c, ci) => {
          expect(c.code).toBe(`${f.code}.${ci + 1}`);
          codes.push(c.code);
          c.subs.forEach((s, si) => {
            expect(s.code).toBe(`${c.code}.${si + 1}`);
            codes.push(s.code);
          });
        });
      });
      expect(tree.bonus.map((b) => b.code)).toEqual(tree.bonus.map((_, i) => `B${i + 1}`));
      expect(tree.penalty.map((p) => p.code)).toEqual(tree.penalty.map((_, i) => `P${i + 1}`));
      codes.push(...tree.bonus.map((b) => b.code), ...tree.penalty.map((p) => p.code));
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('every item is named in Vietnamese (with diacritics) and English; every scored item has guidance and evidence in both', () => {
      const named = [
        ...tree.fields,
        ...tree.fields.flatMap((f) => f.criteria),
        ...items(tree),
        ...tree.bonus,
        ...tree.penalty,
      ];
      for (const x of named) {
        expect(x.name.vi.trim(), x.code).not.toBe('');
        expect(x.name.en.trim(), x.code).not.toBe('');
        expect(x.name.vi, x.code).not.toBe(x.name.en);
      }
      // Written with its diacritics, not in stripped ASCII.
      for (const f of tree.fields) expect(f.name.vi).toMatch(/\P{ASCII}/u);
      for (const x of [...items(tree), ...tree.bonus, ...tree.penalty])
        for (const t of [x.guidance, x.evidence]) {
          expect(t?.vi.trim(), x.code).toBeTruthy();
          expect(t?.en.trim(), x.code).toBeTruthy();
        }
    });

    it('points are this installation’s assumption: every scored item says confirmed: false', () => {
      for (const i of items(tree)) expect(i.confirmed, i.code).toBe(false);
    });

    it('a criterion is either scored itself (no sub-criteria, with a method) or through at least two sub-criteria', () => {
      const criteria: Criterion[] = tree.fields.flatMap((f) => f.criteria);
      for (const c of criteria) {
        if (c.subs.length === 0) expect(c.method, c.code).toBeDefined();
        else {
          expect(c.subs.length, c.code).toBeGreaterThanOrEqual(2);
          expect(c.method, c.code).toBeUndefined();
        }
      }
    });

    it('computed items name a known source and a formula; they cover every source once', () => {
      const computed = items(tree).filter((i) => i.method === 'computed');
      expect(computed.length).toBeGreaterThanOrEqual(7);
      expect(computed.length).toBeLessThanOrEqual(9);
      for (const i of computed) {
        expect(COMPUTE_SOURCES, i.code).toContain(i.source);
        expect(i.formula, i.code).toBeDefined();
      }
      expect(new Set(computed.map((i) => i.source))).toEqual(new Set(COMPUTE_SOURCES));
      // Only computed items carry a source, a formula or a no-data rule.
      for (const i of items(tree).filter((x) => x.method !== 'computed')) {
        expect(i.source, i.code).toBeUndefined();
        expect(i.formula, i.code).toBeUndefined();
        expect(i.whenNoData, i.code).toBeUndefined();
      }
    });

    it('the computed points a formula gives are whole steps of the item (no 1,125 a council could not enter)', () => {
      for (const i of items(tree).filter((x) => x.method === 'computed')) {
        const f = i.formula!;
        const shares = f.type === 'bands' ? f.bands.map((b) => b.share) : [1];
        const step = i.step ?? 0.25;
        for (const share of shares) {
          const q = (share * i.maxPoints) / step;
          expect(Math.abs(q - Math.round(q)), `${i.code} share ${share}`).toBeLessThan(1e-9);
        }
      }
    });

    it('survey items exist, about 10 points, so rescaling without the survey matters', () => {
      const survey = surveyMaxPoints(tree);
      expect(survey).toBeGreaterThanOrEqual(5);
      expect(survey).toBeLessThanOrEqual(15);
      expect(set.rescaleWithoutSurvey).toBe(true);
    });

    it('bonus and penalty items have caps, and their totals are capped', () => {
      expect(tree.bonus.length).toBeGreaterThan(0);
      expect(tree.penalty.length).toBeGreaterThan(0);
      for (const a of [...tree.bonus, ...tree.penalty]) expect(a.cap, a.code).toBeGreaterThan(0);
      expect(tree.bonusCap).toBe(3);
      expect(tree.penaltyCap).toBe(5);
      expect(sum(tree.bonus.map((b) => b.cap))).toBeGreaterThanOrEqual(tree.bonusCap);
      expect(sum(tree.penalty.map((p) => p.cap))).toBeGreaterThanOrEqual(tree.penaltyCap);
    });

    it('grades Tốt ≥ 90, Khá ≥ 80, Trung bình ≥ 70, Yếu ≥ 0', () => {
      expect(set.gradeBands.map((b) => [b.code, b.name.vi, b.minPercent])).toEqual([
        ['tot', 'Tốt', 90],
        ['kha', 'Khá', 80],
        ['trung_binh', 'Trung bình', 70],
        ['yeu', 'Yếu', 0],
      ]);
    });
  });
});
