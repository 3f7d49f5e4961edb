import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { vi } from '../locales/vi';
import {
  interpolate,
  pickLanguage,
  pickText,
  placeholders,
  searchWithLang,
  textLang,
  translator,
} from './i18n';

describe('locales', () => {
  it('have the same keys and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(vi[key]) });
  });

  it('have no empty text and no i18next syntax', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('name "what is recorded" as the form promises it', () => {
    expect(vi['intro.recorded']).toBe('Điều gì được ghi lại');
    expect(translator('vi')('form.progress', { current: 2, total: 5 })).toBe('Phần 2/5');
    expect(translator('en')('form.progress', { current: 2, total: 5 })).toBe('Part 2/5');
    expect(translator('vi')('send.retry')).toBe('Gửi lại');
    expect(translator('vi')('done.alreadyTitle')).toBe('Bạn đã gửi phiếu này');
  });
});

describe('language helpers', () => {
  it('prefer ?lang=, then the stored choice, then Vietnamese', () => {
    expect(pickLanguage('?lang=en', null)).toBe('en');
    expect(pickLanguage('?lang=vi', 'en')).toBe('vi');
    expect(pickLanguage('', 'en')).toBe('en');
    expect(pickLanguage('?lang=fr', null)).toBe('vi');
  });

  it('fill placeholders and keep the query', () => {
    expect(interpolate('Còn {n} câu, {x}', { n: 3 })).toBe('Còn 3 câu, {x}');
    expect(searchWithLang('', 'en')).toBe('?lang=en');
    expect(searchWithLang('?lang=en', 'vi')).toBe('');
  });

  it("show a { vi, en } text in the reader's language, English falling back to Vietnamese", () => {
    expect(pickText({ vi: 'Nam', en: 'Male' }, 'en')).toBe('Male');
    expect(pickText({ vi: 'Nam', en: 'Male' }, 'vi')).toBe('Nam');
    expect(pickText({ vi: 'Nam', en: ' ' }, 'en')).toBe('Nam');
    expect(textLang({ vi: 'Nam', en: '' }, 'en')).toBe('vi');
    expect(textLang({ vi: 'Nam', en: 'Male' }, 'en')).toBe('en');
    expect(pickText(undefined, 'vi')).toBe('');
  });
});
