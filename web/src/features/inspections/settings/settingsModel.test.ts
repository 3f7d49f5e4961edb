import { describe, expect, it } from 'vitest';
import {
  checklistChanges,
  checklistDraftFrom,
  emptyItem,
  hasChanges,
  itemKeyFrom,
  itemsFromDraft,
  missingItemFields,
  missingRuleFields,
  moveItem,
  percentOf,
  placeChecklistProblems,
  placeInspectionRuleProblems,
  ruleShown,
  rulesDraftFrom,
  rulesFromDraft,
  shareOf,
} from './settingsModel';
import type { InspectionRules, Template } from './types';

const KEY = /^[a-z][a-z0-9_]{1,59}$/;

const TEMPLATE: Pick<Template, 'number' | 'items'> = {
  number: 3,
  items: [
    {
      key: 'yearly_plan_on_time',
      text: { vi: 'Ban hành kế hoạch CCHC năm đúng hạn', en: 'Yearly PAR plan issued on time' },
      guidance: { vi: 'Đối chiếu ngày ban hành', en: 'Compare the issue date' },
    },
    {
      key: 'plan_tasks_done',
      text: { vi: 'Hoàn thành nhiệm vụ đúng tiến độ', en: 'Tasks done on schedule' },
      guidance: { vi: '', en: '' },
    },
    {
      key: 'communication',
      text: { vi: 'Tuyên truyền về CCHC', en: 'PAR communication' },
      guidance: { vi: '', en: '' },
    },
  ],
};

const RULES: InspectionRules = {
  version: 'chidao-default-2026',
  basis: [{ vi: 'Kế hoạch CCHC năm của tỉnh', en: "The province's yearly PAR plan" }],
  recommendationWorkingDays: 20,
  dueSoonWorkingDays: 3,
  selfInspectionCoverage: 0.5,
  signals: {
    dossiersOnTimeBelow: 0.9,
    dossiersMinimum: 20,
    planCompletionBelow: 0.5,
    overdueRecommendationsAtLeast: 2,
  },
};

describe('a new item’s key', () => {
  it('comes from the Vietnamese text without accents, cut at a word', () => {
    expect(itemKeyFrom('Công khai thủ tục hành chính đúng hạn', [])).toBe(
      'cong_khai_thu_tuc_hanh_chinh_dung_han',
    );
    expect(itemKeyFrom('Đường dây nóng — tiếp nhận phản ánh', [])).toBe('duong_day_nong_tiep_nhan_phan_anh');
    const long = itemKeyFrom(
      'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn trong năm đánh giá',
      [],
    );
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(KEY);
    expect(long.endsWith('_')).toBe(false);
  });

  it('is always one the server accepts and never one already taken', () => {
    expect(itemKeyFrom('', [])).toBe('muc');
    expect(itemKeyFrom('50% đơn vị', [])).toBe('muc_50_don_vi');
    expect(itemKeyFrom('!!!', ['muc'])).toBe('muc_2');
    expect(itemKeyFrom('Tuyên truyền', ['tuyen_truyen', 'tuyen_truyen_2'])).toBe('tuyen_truyen_3');
    for (const text of ['a', 'Ư', '—', '1', 'Quy chế', 'x'.repeat(200)])
      expect(itemKeyFrom(text, [])).toMatch(KEY);
  });
});

describe('a checklist draft', () => {
  it('starts from the current version and goes back as the same items', () => {
    const draft = checklistDraftFrom(TEMPLATE);
    expect(draft.basedOn).toBe(3);
    expect(new Set(draft.items.map((i) => i.uid)).size).toBe(3);
    expect(itemsFromDraft(draft, TEMPLATE.items)).toEqual(TEMPLATE.items);
    expect(checklistChanges(TEMPLATE.items, draft)).toEqual({
      added: 0,
      removed: 0,
      edited: 0,
      reordered: false,
    });
    expect(hasChanges(checklistChanges(TEMPLATE.items, draft))).toBe(false);
  });

  it('gives new items keys of their own, trims the texts, keeps the order', () => {
    const draft = checklistDraftFrom(TEMPLATE);
    draft.items.push(
      { ...emptyItem(), textVi: ' Tuyên truyền về CCHC ', textEn: 'PAR communication, again ' },
      { ...emptyItem(), textVi: 'Tuyên truyền về CCHC', textEn: 'Once more' },
    );
    draft.items = moveItem(draft.items, 3, 0);
    const items = itemsFromDraft(draft, [...TEMPLATE.items, { key: 'tuyen_truyen_ve_cchc' }]);
    expect(items.map((i) => i.key)).toEqual([
      'tuyen_truyen_ve_cchc_2',
      'yearly_plan_on_time',
      'plan_tasks_done',
      'communication',
      'tuyen_truyen_ve_cchc_3',
    ]);
    expect(items[0]!.text).toEqual({ vi: 'Tuyên truyền về CCHC', en: 'PAR communication, again' });
    expect(items[0]!.guidance).toEqual({ vi: '', en: '' });
  });

  it('counts what an edit changes', () => {
    const draft = checklistDraftFrom(TEMPLATE);
    draft.items[1] = { ...draft.items[1]!, guidanceVi: 'Xem báo cáo tiến độ' };
    draft.items = draft.items.filter((i) => i.key !== 'communication');
    draft.items.push({ ...emptyItem(), textVi: 'Mới', textEn: 'New' });
    expect(checklistChanges(TEMPLATE.items, draft)).toEqual({
      added: 1,
      removed: 1,
      edited: 1,
      reordered: false,
    });
    const moved = checklistDraftFrom(TEMPLATE);
    moved.items = moveItem(moved.items, 0, 2);
    expect(checklistChanges(TEMPLATE.items, moved)).toEqual({
      added: 0,
      removed: 0,
      edited: 0,
      reordered: true,
    });
    // Whitespace alone is no change.
    const spaced = checklistDraftFrom(TEMPLATE);
    spaced.items[0] = { ...spaced.items[0]!, textVi: `${spaced.items[0]!.textVi}  ` };
    expect(hasChanges(checklistChanges(TEMPLATE.items, spaced))).toBe(false);
  });

  it('moves a line up and down within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('names the texts still empty by the server’s paths', () => {
    const draft = checklistDraftFrom(TEMPLATE);
    expect(missingItemFields(draft)).toEqual([]);
    draft.items.push({ ...emptyItem(), textVi: 'Mới' });
    draft.items[0] = { ...draft.items[0]!, textVi: '  ' };
    expect(missingItemFields(draft)).toEqual(['items.0.text.vi', 'items.3.text.en']);
    expect(missingItemFields({ basedOn: 1, items: [] })).toEqual(['items']);
  });

  it('puts the server’s problems on their fields, a key’s on its item', () => {
    const placed = placeChecklistProblems([
      { field: 'items.2.text.en', message: 'Cần nhập nội dung bằng tiếng Việt và tiếng Anh.' },
      { field: 'items.4.guidance.vi', message: 'Hướng dẫn dài tối đa 4000 ký tự.' },
      { field: 'items.5.key', message: 'Mã nội dung bị trùng.' },
      { field: 'items', message: 'Tối đa 60 nội dung.' },
      { field: 'note', message: 'Quá dài' },
      { field: 'body', message: 'Invalid' },
      { field: 'items.2.text.en', message: 'second' },
    ]);
    expect(Object.fromEntries(placed)).toEqual({
      'items.2.text.en': { text: 'Cần nhập nội dung bằng tiếng Việt và tiếng Anh.' },
      'items.4.guidance.vi': { text: 'Hướng dẫn dài tối đa 4000 ký tự.' },
      'items.5': { text: 'Mã nội dung bị trùng.' },
      items: { text: 'Tối đa 60 nội dung.' },
      note: { text: 'Quá dài' },
      form: { text: 'Invalid' },
    });
  });
});

describe('a rules draft', () => {
  it('shows shares as percentages and sends them back as shares', () => {
    expect(percentOf(0.9)).toBe(90);
    expect(percentOf(0.07)).toBe(7);
    expect(percentOf(0.925)).toBe(92.5);
    expect(shareOf(92.5)).toBe(0.925);
    expect(shareOf(7)).toBe(0.07);
    expect(ruleShown(RULES, 'dossiersOnTimeBelow')).toBe(90);
    expect(ruleShown(RULES, 'dossiersMinimum')).toBe(20);

    const draft = rulesDraftFrom(RULES, '2027-01-01');
    expect(draft).toMatchObject({
      validFrom: '2027-01-01',
      version: '',
      recommendationWorkingDays: 20,
      selfInspectionCoverage: 50,
      dossiersOnTimeBelow: 90,
      planCompletionBelow: 50,
      overdueRecommendationsAtLeast: 2,
    });
    expect(rulesFromDraft({ ...draft, version: ' 2027 ', note: ' Theo quy chế ' })).toEqual({
      validFrom: '2027-01-01',
      note: 'Theo quy chế',
      rules: { ...RULES, version: '2027' },
    });
    expect(
      rulesFromDraft({ ...draft, version: 'x', dossiersOnTimeBelow: 85, selfInspectionCoverage: 100 }).rules,
    ).toMatchObject({ selfInspectionCoverage: 1, signals: { dossiersOnTimeBelow: 0.85 } });
  });

  it('names the fields still empty', () => {
    const draft = rulesDraftFrom(RULES, null);
    expect(missingRuleFields(draft)).toEqual(['validFrom', 'version']);
    expect(
      missingRuleFields({
        ...draft,
        validFrom: '2027-01-01',
        version: 'v',
        dossiersMinimum: '',
        dueSoonWorkingDays: '',
      }),
    ).toEqual(['dueSoonWorkingDays', 'dossiersMinimum']);
  });

  it('puts the server’s problems on their fields, a share’s said as a percentage', () => {
    const placed = placeInspectionRuleProblems(
      [
        { field: 'rules.recommendationWorkingDays', message: 'Nhập số nguyên từ 1 đến 250 ngày làm việc.' },
        { field: 'rules.signals.dossiersOnTimeBelow', message: 'Nhập tỷ lệ lớn hơn 0 và không quá 1.' },
        { field: 'rules.signals.dossiersMinimum', message: 'Nhập số nguyên từ 1 đến 100000.' },
        { field: 'rules.basis', message: 'Cần nêu ít nhất một căn cứ.' },
        { field: 'validFrom', message: 'Phiên bản mới chỉ áp dụng từ hôm nay trở đi.' },
        { field: 'rules.somethingElse', message: 'x' },
      ],
      'RULES_INVALID',
    );
    expect(Object.fromEntries(placed)).toEqual({
      recommendationWorkingDays: { text: 'Nhập số nguyên từ 1 đến 250 ngày làm việc.' },
      dossiersOnTimeBelow: { key: 'percent' },
      dossiersMinimum: { text: 'Nhập số nguyên từ 1 đến 100000.' },
      basis: { text: 'Cần nêu ít nhất một căn cứ.' },
      validFrom: { text: 'Phiên bản mới chỉ áp dụng từ hôm nay trở đi.' },
      form: { text: 'x' },
    });
    // A value of the wrong shape (Zod, in English): said in the reader's words.
    expect(
      Object.fromEntries(
        placeInspectionRuleProblems([
          { field: 'rules.version', message: 'Too big' },
          { field: 'rules.dueSoonWorkingDays', message: 'Expected number' },
        ]),
      ),
    ).toEqual({ version: { key: 'required' }, dueSoonWorkingDays: { key: 'invalid' } });
  });
});
