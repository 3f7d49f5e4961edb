import { describe, expect, it } from 'vitest';
import { findUnsafeString } from './input-guard.js';

describe('findUnsafeString: strings no field can use', () => {
  it('finds NUL and the other C0 control characters, naming the field', () => {
    expect(findUnsafeString({ email: 'a\u0000b' }, '')).toEqual({
      field: 'email',
      key: 'error.control_character',
    });
    expect(findUnsafeString({ a: { b: ['ok', 'x\u0001'] } }, '')).toEqual({
      field: 'a.b.1',
      key: 'error.control_character',
    });
    for (const ch of ['\u0000', '\u0007', '\u000B', '\u000C', '\u001B', '\u001F'])
      expect(findUnsafeString(`a${ch}`, 'body')?.key).toBe('error.control_character');
    expect(findUnsafeString({ ['k\u0000']: 'v' }, '')?.key).toBe('error.control_character');
  });

  it('lets text keep tabs and line breaks (and other characters, DEL and Unicode included)', () => {
    expect(findUnsafeString({ minutes: 'Dòng 1\r\nDòng 2\tcột', n: 3, ok: true, none: null }, '')).toBeNull();
    expect(findUnsafeString(['Sở Tư pháp', '\u007F', '😀', '\u202E'], '')).toBeNull();
  });

  it('finds dates outside 1800-01-01 – 2199-12-31, as dates or date-times', () => {
    expect(findUnsafeString({ asOf: '9999-12-31' }, '')).toEqual({
      field: 'asOf',
      key: 'error.date_out_of_range',
    });
    expect(findUnsafeString({ from: '0001-01-01' }, '')?.key).toBe('error.date_out_of_range');
    expect(findUnsafeString({ at: '1799-12-31T23:00:00Z' }, '')?.key).toBe('error.date_out_of_range');
    expect(findUnsafeString({ at: '2200-01-01' }, '')?.key).toBe('error.date_out_of_range');
    for (const ok of ['1800-01-01', '1900-01-01', '2025-07-01', '2199-12-31', '2025-07-01T10:00:00+07:00'])
      expect(findUnsafeString({ d: ok }, '')).toBeNull();
    // Text that merely starts with digits is not a date.
    expect(findUnsafeString({ numberSymbol: '0001-2025/QĐ' }, '')).toBeNull();
    expect(findUnsafeString({ title: '9999-12-31 là ngày cuối' }, '')).toBeNull();
  });
});
