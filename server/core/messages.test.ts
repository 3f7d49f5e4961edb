import { describe, expect, it } from 'vitest';
import '../modules/index.js'; // the modules' own messages join the catalogs
import { messageCatalogs, pickLocale, translate } from './messages.js';

describe('server messages', () => {
  it('every message exists in Vietnamese and English with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messageCatalogs.vi)) {
      expect(messageCatalogs.en[key], key).toBeTruthy();
      expect(placeholders(messageCatalogs.en[key]!), key).toEqual(placeholders(messageCatalogs.vi[key]!));
    }
  });
  it("a module's own messages are in the catalogs once its module list is loaded", () => {
    expect(Object.keys(messageCatalogs.vi)).toContain('dossiers.reason_required');
    expect(translate('en', 'tasks.invalid_transition')).toContain('not possible');
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
