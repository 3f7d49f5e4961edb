import { describe, expect, it } from 'vitest';
import {
  byDateDesc,
  categoryKeyFrom,
  draftFrom,
  isShippedDefault,
  missingFields,
  placeRuleProblems,
  rulesFromDraft,
  versionState,
} from './settingsModel';
import type { RuleVersion, SlaRules } from './types';

const RULES: SlaRules = {
  version: 'chidao-default-2026',
  basis: [{ vi: 'Nghị định 20/2008/NĐ-CP', en: 'Decree 20/2008/NĐ-CP' }],
  forwardWithinWorkingDays: 5,
  triageWithinWorkingDays: 2,
  statusUpdateEveryWorkingDays: 7,
  answer: { default: 10, byClassification: { within_authority: 10, behaviour: 15 } },
  dueSoonWorkingDays: 2,
  maxExtensionWorkingDays: 10,
};

describe('a new category’s key', () => {
  const KEY = /^[a-z][a-z0-9_]{1,39}$/;

  it('comes from the Vietnamese name without accents', () => {
    expect(categoryKeyFrom('An ninh, trật tự', [])).toBe('an_ninh_trat_tu');
    expect(categoryKeyFrom('Đường bộ — giao thông', [])).toBe('duong_bo_giao_thong');
    expect(categoryKeyFrom('  Thái độ của cán bộ!  ', [])).toBe('thai_do_cua_can_bo');
  });

  it('is never one already taken', () => {
    expect(categoryKeyFrom('Đất đai', ['dat_dai'])).toBe('dat_dai_2');
    expect(categoryKeyFrom('Đất đai', ['dat_dai', 'dat_dai_2'])).toBe('dat_dai_3');
  });

  it('always satisfies the server’s rule, whatever the name', () => {
    const long = 'Quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo cấp tỉnh';
    for (const name of ['', '!!!', '123 lĩnh vực', 'Ê', long, 'a'.repeat(80)]) {
      const key = categoryKeyFrom(name, []);
      expect(key, name).toMatch(KEY);
      const again = categoryKeyFrom(name, [key]);
      expect(again, name).toMatch(KEY);
      expect(again).not.toBe(key);
    }
    expect(categoryKeyFrom('123 lĩnh vực', [])).toBe('lv_123_linh_vuc');
    expect(categoryKeyFrom(long, []).length).toBeLessThanOrEqual(40);
  });
});

describe('a rule version as a draft', () => {
  it('starts from the version in force and gives back the same rules', () => {
    const draft = draftFrom(
      { ...RULES, answer: { ...RULES.answer, byCategory: { dat_dai: 20 } } },
      '2027-01-01',
    );
    expect(draft.byCategory).toEqual([{ key: 'dat_dai', days: 20 }]);
    expect(draft.version).toBe('');
    expect(missingFields(draft)).toEqual(['version']);
    const sent = rulesFromDraft({ ...draft, version: ' Quy chế 2027 ', note: ' QĐ 12/2026 ' });
    expect(sent).toEqual({
      validFrom: '2027-01-01',
      note: 'QĐ 12/2026',
      rules: {
        ...RULES,
        version: 'Quy chế 2027',
        answer: { ...RULES.answer, byCategory: { dat_dai: 20 } },
      },
    });
  });

  it('leaves out the numbers left empty that have a default, and names the ones a version needs', () => {
    const draft = {
      ...draftFrom(RULES, null),
      version: 'v2',
      withinAuthority: '' as const,
      behaviour: '' as const,
    };
    expect(rulesFromDraft(draft).rules.answer).toEqual({ default: 10 });
    expect(
      missingFields({
        ...draft,
        triageWithinWorkingDays: '',
        byCategory: [
          { key: 'dat_dai', days: 12 },
          { key: null, days: 3 },
        ],
      }),
    ).toEqual(['validFrom', 'triageWithinWorkingDays', 'byCategory.1']);
  });
});

describe('the versions', () => {
  const v = (id: string, validFrom: string, note = ''): RuleVersion => ({
    id,
    validFrom,
    note,
    rules: { ...RULES, version: id },
  });

  it('latest first; in force, upcoming or replaced', () => {
    const list = byDateDesc([v('a', '2000-01-01'), v('c', '2027-01-01'), v('b', '2026-03-01')]);
    expect(list.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    const today = '2026-11-20';
    expect(list.map((x) => versionState(x, 'b', today))).toEqual(['upcoming', 'in_force', 'replaced']);
  });

  it('the shipped defaults are told apart from a province’s own version', () => {
    expect(isShippedDefault({ note: 'chidao', rules: RULES })).toBe(true);
    expect(isShippedDefault({ note: '', rules: RULES })).toBe(false);
    expect(isShippedDefault({ note: 'chidao', rules: { ...RULES, version: '2026-01' } })).toBe(false);
  });
});

describe('the server’s problems on the fields', () => {
  // The rules' own check (server/modules/hotline/rules/sla.ts `validateSlaRules`): the path and its message,
  // already in the reader's words.
  const rules = (path: string, message: string) => ({ field: `rules.${path}`, message });

  it('each problem of the rules goes to its field as the server says it', () => {
    const law =
      'Nhập số nguyên từ 1 đến 5: luật định chuyển trong 5 ngày làm việc (Nghị định 20/2008/NĐ-CP).';
    const range = 'Nhập số nguyên từ 1 đến 250 ngày làm việc.';
    const placed = placeRuleProblems(
      [
        rules('version', 'Vui lòng nhập thông tin này.'),
        rules('basis', 'Cần nêu ít nhất một căn cứ (văn bản quy định thời hạn).'),
        rules('forwardWithinWorkingDays', law),
        rules('answer.default', range),
        rules('answer.byClassification.behaviour', range),
        rules('answer.byCategory.dat_dai', range),
        rules('answer.byCategory', 'Chọn lĩnh vực cho thời hạn riêng.'),
        rules('answer.byClassification.not_accepted', 'Phản ánh không được tiếp nhận …'),
      ],
      'RULES_INVALID',
    );
    expect(Object.fromEntries(placed)).toEqual({
      version: { text: 'Vui lòng nhập thông tin này.' },
      basis: { text: 'Cần nêu ít nhất một căn cứ (văn bản quy định thời hạn).' },
      forwardWithinWorkingDays: { text: law },
      answerDefault: { text: range },
      behaviour: { text: range },
      'byCategory.dat_dai': { text: range },
      byCategory: { text: 'Chọn lĩnh vực cho thời hạn riêng.' },
      form: { text: 'Phản ánh không được tiếp nhận …' },
    });
  });

  it('the shape checks (Zod) by their path; the date’s and the note’s messages as the server says them', () => {
    const placed = placeRuleProblems([
      { field: 'rules.version', message: 'Too small: expected string to have >=1 characters' },
      { field: 'rules.basis.0.en', message: 'Invalid input' },
      { field: 'rules.answer.default', message: 'Invalid input: expected int' },
      { field: 'validFrom', message: 'Quy định mới áp dụng từ hôm nay trở đi.' },
      { field: 'rules.somethingNew', message: 'Unrecognized key' },
    ]);
    expect(Object.fromEntries(placed)).toEqual({
      version: { key: 'required' },
      basis: { key: 'invalid' },
      answerDefault: { key: 'invalid' },
      validFrom: { text: 'Quy định mới áp dụng từ hôm nay trở đi.' },
      form: { key: 'invalid' },
    });
  });

  it('the first problem of a field is the one shown', () => {
    const placed = placeRuleProblems(
      [
        rules('triageWithinWorkingDays', 'Nhập số nguyên từ 0 đến 250 ngày làm việc.'),
        rules('triageWithinWorkingDays', 'Thời hạn phân loại không được dài hơn …'),
      ],
      'RULES_INVALID',
    );
    expect(placed.get('triageWithinWorkingDays')).toEqual({
      text: 'Nhập số nguyên từ 0 đến 250 ngày làm việc.',
    });
  });
});
