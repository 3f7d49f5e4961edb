/** The condition syntax of the questionnaire workbook's `relevant` column (./relevant.ts): read, written, refused. */
import { describe, expect, it } from 'vitest';
import type { Condition } from './definition.js';
import { conditionText, parseCondition } from './relevant.js';

describe('the condition syntax', () => {
  it.each<[string, Condition]>([
    ["${kenh} = 'truc_tiep'", { item: 'kenh', op: 'eq', value: 'truc_tiep' }],
    ['${hai_long_chung} >= 4', { item: 'hai_long_chung', op: 'gte', value: 4 }],
    ['${yt1/1.1} <= 2', { item: 'yt1', row: '1.1', op: 'lte', value: 2 }],
    ["${m} in ('a', 'b', 3)", { item: 'm', op: 'in', value: ['a', 'b', 3] }],
    ['not answered(${y})', { item: 'y', op: 'answered', value: false }],
    ['answered(${y})', { item: 'y', op: 'answered' }],
    [
      "${a} = 'x' and ${b} != 'it''s'",
      {
        all: [
          { item: 'a', op: 'eq', value: 'x' },
          { item: 'b', op: 'neq', value: "it's" },
        ],
      },
    ],
    ["all(${a} = 'x')", { all: [{ item: 'a', op: 'eq', value: 'x' }] }],
  ])('%s', (text, condition) => {
    expect(parseCondition(text)).toEqual({ ok: true, condition });
    expect(conditionText(condition)).toBe(text);
  });

  it('reads Vietnamese keywords, "and" binding tighter than "or", and parentheses', () => {
    const r = parseCondition('${a} = 1 hoặc ${b} = 2 và ${c} = 3');
    expect(r).toEqual({
      ok: true,
      condition: {
        any: [
          { item: 'a', op: 'eq', value: 1 },
          {
            all: [
              { item: 'b', op: 'eq', value: 2 },
              { item: 'c', op: 'eq', value: 3 },
            ],
          },
        ],
      },
    });
    const grouped = parseCondition('(${a} = 1 or ${b} = 2) and ${c} = 3');
    expect(grouped.ok && conditionText(grouped.condition)).toBe('(${a} = 1 or ${b} = 2) and ${c} = 3');
  });

  it.each(['${a} = ', '${a} > 3', "${a = 'x'", "${a} = 'x", '${a} = 1 ${b}', '', 'foo(${a})'])(
    'refuses %j with where and what, in both languages',
    (text) => {
      const r = parseCondition(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message.vi).toBeTruthy();
        expect(r.message.en).toBeTruthy();
      }
    },
  );
});
