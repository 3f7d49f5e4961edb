import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import {
  answerDueDate,
  answerWorkingDays,
  DEFAULT_HOTLINE_SLA,
  extensionRoom,
  forwardDueDate,
  statusUpdateDueDate,
  timing,
  triageDueDate,
  describeSlaProblem,
  validateSlaRules,
  type HotlineSlaRules,
} from './sla.js';

// Golden days (domain notes §6): Tết 2026 off Sat 14/2 – Sun 22/2; 30/4–1/5 2025 off Wed 30/4 – Sun 4/5
// with the make-up working Saturday 26/4/2025.
const calendar = createCalendar();
const rules = DEFAULT_HOTLINE_SLA;
const answer = (
  receivedOn: string,
  classification: Parameters<typeof answerDueDate>[0]['classification'],
  more: { category?: string | null; extensions?: { workingDays: number }[] } = {},
  r: HotlineSlaRules = rules,
) =>
  answerDueDate(
    { receivedOn, classification, category: more.category ?? null, extensions: more.extensions ?? [] },
    r,
    calendar,
  );

describe('DEFAULT_HOTLINE_SLA', () => {
  it('is sound and cites Decree 20/2008 (law) and says which numbers are practice', () => {
    expect(validateSlaRules(rules)).toEqual([]);
    expect(rules.forwardWithinWorkingDays).toBe(5);
    expect(rules.statusUpdateEveryWorkingDays).toBe(7);
    expect(rules.answer.byClassification).toEqual({ within_authority: 10, behaviour: 15 });
    expect(rules.dueSoonWorkingDays).toBe(2);
    expect(rules.basis[0]!.vi).toContain('20/2008/NĐ-CP');
    expect(rules.basis[0]!.en).toContain('5 working days');
    expect(rules.basis[1]!.vi).toContain('thực tiễn');
  });
});

describe('answerDueDate', () => {
  it('within authority: 10 working days, across Tết 2026 (received Mon 2/2 → Mon 23/2)', () => {
    expect(answer('2026-02-02', 'within_authority')).toBe('2026-02-23');
  });
  it('about behaviour: 15 working days (received Mon 2/2/2026 → Mon 2/3)', () => {
    expect(answer('2026-02-02', 'behaviour')).toBe('2026-03-02');
  });
  it('counts from the day after receipt (BLDS 2015, Điều 147): received Fri 6/2/2026, 10 days → Fri 27/2', () => {
    expect(answer('2026-02-06', 'within_authority')).toBe('2026-02-27');
  });
  it('a receipt on a day off counts from the next working day: Sat 14/2/2026 (Tết) → from Mon 23/2', () => {
    expect(answer('2026-02-14', 'within_authority')).toBe('2026-03-09');
    expect(answer('2026-02-23', 'within_authority')).toBe('2026-03-09');
  });
  it('the make-up Saturday 26/4/2025 is a working day and 30/4–4/5/2025 are not', () => {
    // Received Fri 25/4/2025: 26/4, 28/4, 29/4, 5/5, 6/5 → forwarding due Tue 6/5.
    expect(answer('2025-04-25', 'outside_authority')).toBe('2025-05-06');
  });
  it("the category's number wins over the classification's, which wins over the default", () => {
    const r: HotlineSlaRules = {
      ...rules,
      answer: {
        default: 12,
        byClassification: { behaviour: 15 },
        byCategory: { dat_dai: 20, moi_truong: 5 },
      },
    };
    expect(answerWorkingDays('within_authority', null, r)).toBe(12);
    expect(answerWorkingDays('within_authority', 'giao_thong', r)).toBe(12);
    expect(answerWorkingDays('behaviour', null, r)).toBe(15);
    expect(answerWorkingDays('behaviour', 'dat_dai', r)).toBe(20);
    expect(answerWorkingDays('within_authority', 'moi_truong', r)).toBe(5);
    expect(answer('2026-03-02', 'within_authority', { category: 'moi_truong' }, r)).toBe('2026-03-09');
  });
  it('a case outside authority is due when it must be forwarded; one not accepted when it must be classified', () => {
    const r: HotlineSlaRules = { ...rules, answer: { default: 10, byCategory: { dat_dai: 20 } } };
    expect(answer('2026-02-02', 'outside_authority', { category: 'dat_dai' }, r)).toBe('2026-02-09');
    expect(answer('2026-02-02', 'not_accepted', { category: 'dat_dai' }, r)).toBe('2026-02-04');
    expect(answerWorkingDays('outside_authority', null, rules)).toBe(5);
    expect(answerWorkingDays('not_accepted', null, rules)).toBe(2);
  });
  it('adds extensions (received Mon 2/3/2026: 10 → Mon 16/3; +3 +2 → Mon 23/3)', () => {
    expect(answer('2026-03-02', 'within_authority')).toBe('2026-03-16');
    expect(
      answer('2026-03-02', 'within_authority', { extensions: [{ workingDays: 3 }, { workingDays: 2 }] }),
    ).toBe('2026-03-23');
    expect(answer('2026-03-02', 'within_authority', { extensions: [{ workingDays: 10 }] })).toBe(
      '2026-03-30',
    );
  });
  it('refuses extensions beyond the maximum, of cases not answered on the answer clock, and of no whole days', () => {
    expect(() =>
      answer('2026-03-02', 'within_authority', { extensions: [{ workingDays: 6 }, { workingDays: 5 }] }),
    ).toThrow(/exceed the 10 allowed/);
    expect(() => answer('2026-03-02', 'outside_authority', { extensions: [{ workingDays: 1 }] })).toThrow(
      /cannot be extended/,
    );
    expect(() => answer('2026-03-02', 'not_accepted', { extensions: [{ workingDays: 1 }] })).toThrow(
      RangeError,
    );
    for (const workingDays of [0, -1, 1.5, Number.NaN])
      expect(() => answer('2026-03-02', 'behaviour', { extensions: [{ workingDays }] })).toThrow(
        /whole number/,
      );
  });
});

describe('extensionRoom', () => {
  it('is what is left of maxExtensionWorkingDays', () => {
    expect(extensionRoom([], rules)).toBe(10);
    expect(extensionRoom([{ workingDays: 3 }, { workingDays: 4 }], rules)).toBe(3);
    expect(extensionRoom([{ workingDays: 10 }], rules)).toBe(0);
    expect(extensionRoom([{ workingDays: 7 }], { ...rules, maxExtensionWorkingDays: 5 })).toBe(0);
    expect(() => extensionRoom([{ workingDays: 0 }], rules)).toThrow(RangeError);
  });
});

describe('forwardDueDate, triageDueDate, statusUpdateDueDate', () => {
  it('forward within 5 working days (Decree 20/2008): Mon 2/2/2026 → Mon 9/2; Thu 12/2 → Thu 26/2 across Tết', () => {
    expect(forwardDueDate({ receivedOn: '2026-02-02' }, rules, calendar)).toBe('2026-02-09');
    expect(forwardDueDate({ receivedOn: '2026-02-12' }, rules, calendar)).toBe('2026-02-26');
    expect(forwardDueDate({ receivedOn: '2026-02-15' }, rules, calendar)).toBe('2026-03-02');
  });
  it('classify within 2 working days: Mon 2/2/2026 → Wed 4/2; Fri 13/2 → Tue 24/2', () => {
    expect(triageDueDate({ receivedOn: '2026-02-02' }, rules, calendar)).toBe('2026-02-04');
    expect(triageDueDate({ receivedOn: '2026-02-13' }, rules, calendar)).toBe('2026-02-24');
  });
  it('a status update every 7 working days: from Mon 2/2/2026 → Wed 11/2; from Thu 12/2 → Mon 2/3', () => {
    expect(statusUpdateDueDate({ lastUpdateOn: '2026-02-02' }, rules, calendar)).toBe('2026-02-11');
    expect(statusUpdateDueDate({ lastUpdateOn: '2026-02-12' }, rules, calendar)).toBe('2026-03-02');
  });
});

describe('timing (derived, never stored)', () => {
  const at = (today: string, closedOn: string | null = null, dueDate = '2026-02-13') =>
    timing({ dueDate, closedOn, today }, rules, calendar);

  it('open: on time, due soon from 2 working days before, due soon on the due day', () => {
    expect(at('2026-02-10')).toEqual({ state: 'on_time', workingDaysLeft: 3, workingDaysOver: 0 });
    expect(at('2026-02-11')).toEqual({ state: 'due_soon', workingDaysLeft: 2, workingDaysOver: 0 });
    expect(at('2026-02-13')).toEqual({ state: 'due_soon', workingDaysLeft: 0, workingDaysOver: 0 });
  });
  it('open after the due date: overdue by working days (due Fri 13/2/2026, Mon 23/2 → 1; Tue 24/2 → 2)', () => {
    expect(at('2026-02-23')).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysOver: 1 });
    expect(at('2026-02-24')).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysOver: 2 });
  });
  it('the Saturday after a Friday deadline already counts 1 working day over (anything done now counts as Monday)', () => {
    expect(at('2026-02-14')).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysOver: 1 });
    expect(at('2026-02-22')).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysOver: 1 });
  });
  it('a due date on a day off moves to the next working day (BLDS 2015, Điều 148 khoản 5)', () => {
    expect(at('2026-02-23', null, '2026-02-17')).toEqual({
      state: 'due_soon',
      workingDaysLeft: 0,
      workingDaysOver: 0,
    });
    expect(at('2026-02-24', '2026-02-23', '2026-02-17')).toMatchObject({ state: 'closed_on_time' });
  });
  it('a weekend before a near due date counts no working days: Sat 7/2/2026, due Tue 10/2 → 2 left', () => {
    expect(at('2026-02-07', null, '2026-02-10')).toEqual({
      state: 'due_soon',
      workingDaysLeft: 2,
      workingDaysOver: 0,
    });
  });
  it('closed: on time up to the due day, late after it (a closing on a day off counts on the next working day)', () => {
    expect(at('2026-03-10', '2026-02-05')).toEqual({
      state: 'closed_on_time',
      workingDaysLeft: null,
      workingDaysOver: 0,
    });
    expect(at('2026-03-10', '2026-02-13')).toEqual({
      state: 'closed_on_time',
      workingDaysLeft: null,
      workingDaysOver: 0,
    });
    expect(at('2026-03-10', '2026-02-14')).toEqual({
      state: 'closed_late',
      workingDaysLeft: null,
      workingDaysOver: 1,
    });
    expect(at('2026-03-10', '2026-02-25')).toEqual({
      state: 'closed_late',
      workingDaysLeft: null,
      workingDaysOver: 3,
    });
  });
  it('due soon follows the rule: with dueSoonWorkingDays 0 only the due day is due soon', () => {
    const strict = { ...rules, dueSoonWorkingDays: 0 };
    expect(
      timing({ dueDate: '2026-02-13', closedOn: null, today: '2026-02-12' }, strict, calendar).state,
    ).toBe('on_time');
    expect(
      timing({ dueDate: '2026-02-13', closedOn: null, today: '2026-02-13' }, strict, calendar).state,
    ).toBe('due_soon');
  });
});

describe('validateSlaRules', () => {
  const problemsOf = (change: Partial<HotlineSlaRules>) => validateSlaRules({ ...rules, ...change });

  it('refuses forwarding slower than the law allows (Decree 20/2008: 5 working days)', () => {
    expect(problemsOf({ forwardWithinWorkingDays: 6 })).toEqual([
      { path: 'forwardWithinWorkingDays', problem: 'forward_law', min: 1, max: 5 },
    ]);
    expect(problemsOf({ forwardWithinWorkingDays: 3, triageWithinWorkingDays: 1 })).toEqual([]);
    expect(problemsOf({ forwardWithinWorkingDays: 0 })).toHaveLength(1);
  });
  it('needs a version and a cited basis in both languages', () => {
    expect(problemsOf({ version: ' ' })).toEqual([{ path: 'version', problem: 'required' }]);
    expect(problemsOf({ basis: [] })).toEqual([{ path: 'basis', problem: 'basis_missing' }]);
    expect(problemsOf({ basis: [{ vi: 'Quy chế 12/2025', en: '' }] })).toEqual([
      { path: 'basis', problem: 'basis_bilingual' },
    ]);
  });
  it('needs whole, sane numbers of working days', () => {
    expect(problemsOf({ triageWithinWorkingDays: -1 })).toEqual([
      { path: 'triageWithinWorkingDays', problem: 'days_range', min: 0, max: 250 },
    ]);
    expect(problemsOf({ statusUpdateEveryWorkingDays: 0 })).toHaveLength(1);
    expect(problemsOf({ dueSoonWorkingDays: 1.5 })).toHaveLength(1);
    expect(problemsOf({ maxExtensionWorkingDays: 251 })).toHaveLength(1);
    expect(
      problemsOf({ maxExtensionWorkingDays: 0, dueSoonWorkingDays: 0, triageWithinWorkingDays: 0 }),
    ).toEqual([]);
    expect(problemsOf({ answer: { default: 0 } })).toEqual([
      { path: 'answer.default', problem: 'days_range', min: 1, max: 250 },
    ]);
  });
  it('classification comes before forwarding', () => {
    expect(problemsOf({ triageWithinWorkingDays: 6 })).toEqual([
      { path: 'triageWithinWorkingDays', problem: 'triage_after_forward' },
    ]);
  });
  it('answer times only for the classifications answered on that clock, and known categories', () => {
    expect(
      problemsOf({
        answer: {
          default: 10,
          byClassification: { outside_authority: 7, not_accepted: 3, behaviour: 0 },
          byCategory: { '': 5, dat_dai: 2.5, moi_truong: 20 },
        },
      }).map((p) => `${p.path}: ${p.problem}`),
    ).toEqual([
      'answer.byClassification.outside_authority: set_by_forwarding',
      'answer.byClassification.not_accepted: set_by_triage',
      'answer.byClassification.behaviour: days_range',
      'answer.byCategory: empty_category',
      'answer.byCategory.dat_dai: days_range',
    ]);
    expect(
      problemsOf({ answer: { default: 10, byClassification: { urgent: 3 } as Record<string, number> } }),
    ).toEqual([{ path: 'answer.byClassification.urgent', problem: 'unknown_classification' }]);
  });
  it('says each problem in English for the logs', () => {
    expect(problemsOf({ forwardWithinWorkingDays: 6 }).map(describeSlaProblem)).toEqual([
      'forwardWithinWorkingDays must be an integer from 1 to 5 (Decree 20/2008: within 5 working days)',
    ]);
  });
});
