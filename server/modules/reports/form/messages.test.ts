import { describe, expect, it } from 'vitest';
import { checkForm } from './check-form.js';
import { evaluate } from './evaluate.js';
import type { FormulaErrorKey } from './formula.js';
import {
  describeProblem,
  formatFigure,
  REPORT_FORM_MESSAGES,
  sectionOfField,
  type Problem,
  type ProblemKey,
} from './messages.js';
import { calc, makeForm, num, pctField, rule, table, text, txt } from './test-fixtures.js';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the catalog', () => {
  it('has Vietnamese first, then English, both written, with the same placeholders', () => {
    for (const [key, text] of Object.entries(REPORT_FORM_MESSAGES)) {
      expect(Object.keys(text), key).toEqual(['vi', 'en']);
      expect(text.vi.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      expect(placeholders(text.vi), key).toEqual(placeholders(text.en));
    }
  });
  it('keys live under reports.* and never use the placeholders the platform fills itself', () => {
    for (const [key, text] of Object.entries(REPORT_FORM_MESSAGES)) {
      expect(key).toMatch(/^reports\.(formula|check|value|consolidate)\.[a-z_]+$/);
      for (const name of ['field', 'entity', 'kind', 'status', 'actions'])
        expect(text.vi.includes(`{${name}}`), `${key} uses {${name}}`).toBe(false);
    }
  });
  it('has a text for every formula error key', () => {
    const formulaKeys: Record<FormulaErrorKey, true> = {
      'reports.formula.empty': true,
      'reports.formula.too_long': true,
      'reports.formula.too_complex': true,
      'reports.formula.unexpected_char': true,
      'reports.formula.bad_number': true,
      'reports.formula.decimal_comma': true,
      'reports.formula.use_operator': true,
      'reports.formula.unexpected_token': true,
      'reports.formula.unexpected_end': true,
      'reports.formula.unclosed_paren': true,
      'reports.formula.unknown_function': true,
      'reports.formula.call_expected': true,
      'reports.formula.arity': true,
      'reports.formula.chained_comparison': true,
      'reports.formula.bad_reference': true,
    };
    for (const key of Object.keys(formulaKeys)) expect(REPORT_FORM_MESSAGES).toHaveProperty([key]);
    const catalogFormulaKeys = Object.keys(REPORT_FORM_MESSAGES).filter((k) =>
      k.startsWith('reports.formula.'),
    );
    expect(catalogFormulaKeys.sort()).toEqual(Object.keys(formulaKeys).sort());
  });
});

describe('figures are written the Vietnamese way in both languages (1.234,5)', () => {
  it('formats', () => {
    expect(formatFigure(1234.5)).toBe('1.234,5');
    expect(formatFigure(1234567)).toBe('1.234.567');
    expect(formatFigure(0.5)).toBe('0,5');
    expect(formatFigure(2025)).toBe('2025');
    expect(formatFigure(-12)).toBe('-12');
    expect(formatFigure(55.3571)).toBe('55,3571');
  });
  it('in a sentence', () => {
    const form = makeForm([num('n', { max: 10000 })]);
    const p = evaluate(form, { n: 12345.5 }).problems;
    expect(p.map((x) => describeProblem(x, 'vi', form))).toEqual([
      '«Số n»: phải là số nguyên (đang nhập 12.345,5).',
      '«Số n»: không được lớn hơn 10.000 (đang nhập 12.345,5).',
    ]);
    expect(describeProblem(p[1]!, 'en', form)).toBe(
      '“Number n”: must not be more than 10.000 (entered 12.345,5).',
    );
  });
});

describe('every problem reads as a full sentence, with no placeholder left', () => {
  const form = makeForm(
    [
      num('a', { min: 0 }),
      pctField('p', { aggregate: 'sum' }),
      text('t', { maxLength: 5, required: true }),
      table('tb', [{ key: 'c', type: 'number', required: true }], { minRows: 2 }),
      calc('k1', 'a + missing'),
      calc('k2', 'sum(t)'),
      calc('k3', 'a / 0'),
      calc('k4', 'k5'),
      calc('k5', 'k4'),
      calc('k6', 'a +'),
    ],
    [rule('r', 'a + 1'), rule('a', 'a >= 0')],
  );
  const samples: Problem[] = [
    ...checkForm(form),
    ...evaluate(form, { a: -1.5, t: 'quá dài', tb: [{ cells: {} }, { cells: { x: 1 } }], zzz: 1 }).problems,
  ];
  it.each(samples.map((p) => [p.key, p] as const))('%s', (_key, p) => {
    for (const locale of ['vi', 'en'] as const) {
      const s = describeProblem(p, locale, form);
      expect(s).not.toMatch(/\{\w+\}/);
      expect(s.length).toBeGreaterThan(10);
    }
  });
  it('covers many kinds of problems', () => {
    expect(new Set(samples.map((p) => p.key)).size).toBeGreaterThanOrEqual(12);
  });
  it('without the form, keys stand in for labels', () => {
    const p: Problem = { key: 'reports.value.required', field: 'received', params: {} };
    expect(describeProblem(p, 'vi')).toBe('«received»: chỉ tiêu bắt buộc, chưa được nhập.');
  });
  it('every key of the catalog can be described with empty params without throwing', () => {
    for (const key of Object.keys(REPORT_FORM_MESSAGES) as ProblemKey[])
      expect(() => describeProblem({ key, field: null, params: {} }, 'vi', form)).not.toThrow();
  });
});

describe('sectionOfField', () => {
  it('gives the subsection, or the section, of a field', () => {
    const form = makeForm([num('a')]);
    expect(sectionOfField(form, 'a')).toBe('main');
    expect(sectionOfField(form, 'zz')).toBeNull();
    expect(txt('x').vi).toBe('x');
  });
});
