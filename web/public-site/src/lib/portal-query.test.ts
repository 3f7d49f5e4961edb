import { describe, expect, it } from 'vitest';
import { nextSort, parseSort, readParam, sortParam, withQuery } from './portal-query';

describe('filters in the address', () => {
  it('sets and removes parameters, keeping the others (the language)', () => {
    expect(withQuery('', { group: 'department', q: ' tư pháp ' })).toBe(
      '?group=department&q=t%C6%B0+ph%C3%A1p',
    );
    expect(withQuery('?lang=en&q=old', { q: '' })).toBe('?lang=en');
    expect(withQuery('?year=2025&period=q1', { year: 2026, period: null })).toBe('?year=2026');
    expect(withQuery('?lang=en', {})).toBe('?lang=en');
    expect(withQuery('', { q: undefined })).toBe('');
  });

  it('reads a parameter trimmed, empty when absent', () => {
    expect(readParam('?q=%20x%20', 'q')).toBe('x');
    expect(readParam('', 'q')).toBe('');
  });

  it('reads, writes and flips a sort', () => {
    const keys = ['unit', 'received'] as const;
    const fallback = { key: 'received' as const, dir: 'desc' as const };
    expect(parseSort('unit', keys, fallback)).toEqual({ key: 'unit', dir: 'asc' });
    expect(parseSort('-unit', keys, fallback)).toEqual({ key: 'unit', dir: 'desc' });
    expect(parseSort('nonsense', keys, fallback)).toEqual(fallback);
    expect(parseSort('', keys, fallback)).toEqual(fallback);
    expect(sortParam({ key: 'unit', dir: 'desc' }, fallback)).toBe('-unit');
    expect(sortParam({ key: 'unit', dir: 'asc' }, fallback)).toBe('unit');
    expect(sortParam(fallback, fallback)).toBeNull();
    expect(nextSort({ key: 'unit', dir: 'asc' }, 'unit')).toEqual({ key: 'unit', dir: 'desc' });
    expect(nextSort({ key: 'unit', dir: 'asc' }, 'received', 'desc')).toEqual({
      key: 'received',
      dir: 'desc',
    });
    // Every sort written is read back.
    for (const sort of [
      { key: 'unit', dir: 'asc' },
      { key: 'unit', dir: 'desc' },
      { key: 'received', dir: 'asc' },
    ] as const)
      expect(parseSort(sortParam(sort, fallback) ?? '', keys, fallback)).toEqual(sort);
  });
});
