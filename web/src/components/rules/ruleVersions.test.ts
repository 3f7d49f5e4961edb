import { describe, expect, it } from 'vitest';
import { byDateDesc, isShippedDefault, placeProblems, versionState } from './ruleVersions';

const v = (id: string, validFrom: string, note = '', version = 'v') => ({
  id,
  validFrom,
  note,
  rules: { version },
});

describe('rule versions', () => {
  it('are in force, upcoming or replaced, the latest date first', () => {
    const versions = [v('a', '2000-01-01'), v('c', '2027-01-01'), v('b', '2026-03-01')];
    expect(byDateDesc(versions).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(versions.map((x) => versionState(x, 'b', '2026-06-15'))).toEqual([
      'replaced',
      'upcoming',
      'in_force',
    ]);
  });

  it('name chidao’s own first version', () => {
    expect(isShippedDefault(v('a', '2000-01-01', 'chidao', 'chidao-default-2026'))).toBe(true);
    expect(isShippedDefault(v('a', '2000-01-01', 'chidao', 'Quy chế 2027'))).toBe(false);
    expect(isShippedDefault(v('a', '2000-01-01', 'Theo quy chế', 'chidao-x'))).toBe(false);
  });

  it('put the server’s problems on the form’s fields', () => {
    const fieldOf = (path: string) => (path === 'days' ? 'days' : path === 'version' ? 'version' : null);
    const details = [
      { field: 'validFrom', message: 'Từ hôm nay trở đi.' },
      { field: 'rules.days', message: 'Nhập số nguyên.' },
      { field: 'rules.days', message: 'second' },
      { field: 'rules.version', message: 'Too small' },
      { field: 'rules.other', message: 'x' },
    ];
    expect(Object.fromEntries(placeProblems(details, 'RULES_INVALID', fieldOf))).toEqual({
      validFrom: { text: 'Từ hôm nay trở đi.' },
      days: { text: 'Nhập số nguyên.' },
      version: { text: 'Too small' },
      form: { text: 'x' },
    });
    expect(Object.fromEntries(placeProblems(details, 'VALIDATION_FAILED', fieldOf))).toEqual({
      validFrom: { text: 'Từ hôm nay trở đi.' },
      days: { key: 'invalid' },
      version: { key: 'required' },
      form: { key: 'invalid' },
    });
  });
});
