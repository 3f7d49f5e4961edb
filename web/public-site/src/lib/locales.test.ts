import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { vi } from '../locales/vi';
import { interpolate, pickLanguage, placeholders, searchWithLang, translator } from './i18n';

describe('locales', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(vi[key]) });
  });

  it('have no empty text and no leftover i18next syntax', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\{\{|\}\}/);
    }
  });
});

describe('pickLanguage', () => {
  it('prefers ?lang=, then the stored choice, then Vietnamese', () => {
    expect(pickLanguage('?lang=en', null)).toBe('en');
    expect(pickLanguage('?lang=EN', 'vi')).toBe('en');
    expect(pickLanguage('?lang=vi', 'en')).toBe('vi');
    expect(pickLanguage('', 'en')).toBe('en');
    expect(pickLanguage('?lang=fr', 'en')).toBe('en');
    expect(pickLanguage('?lang=fr', null)).toBe('vi');
    expect(pickLanguage('', 'garbage')).toBe('vi');
    expect(pickLanguage('', undefined)).toBe('vi');
  });
});

describe('interpolate / translator', () => {
  it('fills named placeholders and leaves unknown ones', () => {
    expect(interpolate('Còn {n} ngày, {x}', { n: 3 })).toBe('Còn 3 ngày, {x}');
    expect(interpolate('{a}{a}', { a: 'b' })).toBe('bb');
    expect(interpolate('không có', undefined)).toBe('không có');
  });

  it('translates in each language', () => {
    expect(translator('vi')('track.notFound')).toBe('Không tìm thấy phản ánh với mã này');
    expect(translator('en')('receipt.triageDue', { date: '05/03/2026' })).toBe(
      'It will be classified and assigned by 05/03/2026.',
    );
    expect(translator('vi')('receipt.triageDue', { date: '05/03/2026' })).toBe(
      'Sẽ được phân loại, chuyển xử lý trước ngày 05/03/2026.',
    );
  });
});

describe('searchWithLang', () => {
  it('adds lang=en and removes it for Vietnamese, keeping the rest', () => {
    expect(searchWithLang('', 'en')).toBe('?lang=en');
    expect(searchWithLang('?key=abc', 'en')).toBe('?key=abc&lang=en');
    expect(searchWithLang('?key=abc&lang=en', 'vi')).toBe('?key=abc');
    expect(searchWithLang('?lang=en', 'vi')).toBe('');
  });
});
