import { describe, expect, it } from 'vitest';
import { filterBySearch, matchesSearch, searchKey, searchWords } from './search';

describe('searching names without accents', () => {
  it('folds tone marks, đ, case, punctuation and spaces', () => {
    expect(searchKey('Sở Tư pháp')).toBe('so tu phap');
    expect(searchKey('  ĐẶC KHU   Côn Đảo ')).toBe('dac khu con dao');
    expect(searchKey('UBND xã Nghi Lộc (cũ)')).toBe('ubnd xa nghi loc cu');
    expect(searchKey('Văn phòng UBND tỉnh — Nghệ An')).toBe('van phong ubnd tinh nghe an');
    // Decomposed input (as some phone keyboards send it) is the same text.
    expect(searchKey('Sở Tư pháp'.normalize('NFD'))).toBe('so tu phap');
  });

  it('finds a name by any of its words, accented or not, in any order', () => {
    expect(matchesSearch('Sở Tư pháp', 'so tu phap')).toBe(true);
    expect(matchesSearch('Sở Tư pháp', 'TƯ PHÁP')).toBe(true);
    expect(matchesSearch('Sở Tư pháp', 'phap tu')).toBe(true);
    expect(matchesSearch('Sở Tư pháp', 'tư')).toBe(true);
    expect(matchesSearch('Sở Tư pháp', 'so tai chinh')).toBe(false);
    expect(matchesSearch('Sở Tư pháp', '')).toBe(true);
    expect(matchesSearch('Sở Tư pháp', '  ')).toBe(true);
    expect(matchesSearch('Phường Trường Vinh', 'truong vinh')).toBe(true);
  });

  it('splits a query into its words', () => {
    expect(searchWords(' Sở  Tư-pháp ')).toEqual(['so', 'tu', 'phap']);
    expect(searchWords('')).toEqual([]);
  });

  it('keeps the matching items in their order', () => {
    const units = ['Sở Tài chính', 'Sở Tư pháp', 'UBND xã Tân Phú', 'Sở Tài nguyên và Môi trường'];
    expect(filterBySearch(units, 'so tai', (u) => u)).toEqual([
      'Sở Tài chính',
      'Sở Tài nguyên và Môi trường',
    ]);
    expect(filterBySearch(units, '', (u) => u)).toEqual(units);
    expect(filterBySearch(units, 'không có', (u) => u)).toEqual([]);
  });
});
