import { describe, expect, it } from 'vitest';
import { messageCatalogs, pickLocale, translate } from './messages.js';

describe('server messages', () => {
  it('every message exists in Vietnamese and English with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messageCatalogs.vi) as (keyof typeof messageCatalogs.vi)[]) {
      expect(messageCatalogs.en[key], key).toBeTruthy();
      expect(placeholders(messageCatalogs.en[key]), key).toEqual(placeholders(messageCatalogs.vi[key]));
    }
  });
  it('fills placeholders', () => {
    expect(translate('vi', 'password.too_short', { min: 10 })).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
  });
  it('Vietnamese is the default language', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('fr-FR,fr')).toBe('vi');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('vi-VN')).toBe('vi');
  });
});

describe('dates in messages', () => {
  it('are shown dd/mm/yyyy', () => {
    expect(
      translate('vi', 'lineage.unit_not_valid', { name: 'Sở Kế hoạch và Đầu tư', date: '2025-06-30' }),
    ).toBe(
      'Đơn vị Sở Kế hoạch và Đầu tư không có hiệu lực vào ngày 30/06/2025, nên không thể dùng trong sự kiện này.',
    );
  });
});
