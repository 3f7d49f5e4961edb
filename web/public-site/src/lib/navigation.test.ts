import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { vi } from '../locales/vi';
import { isPublished, navItems } from './navigation';
import { matchRoute, pathFor } from './router';

const none = { par: false, dossiers: false, plan: false, pilots: false, feedback: false, openData: false };
const all = { par: true, dossiers: true, plan: true, pilots: true, feedback: true, openData: true };

describe('the portal’s navigation', () => {
  it('lists every section in order while the portal’s answer is unknown', () => {
    expect(navItems(null).map((i) => vi[i.label])).toEqual([
      'Trang chủ',
      'Chỉ số CCHC',
      'Hồ sơ TTHC',
      'Kế hoạch',
      'Mô hình điểm',
      'Phản ánh',
      'Dữ liệu mở',
    ]);
    expect(navItems(null).map((i) => en[i.label])).toEqual([
      'Home',
      'PAR Index',
      'Dossiers',
      'Plan',
      'Pilot units',
      'Feedback',
      'Open data',
    ]);
    expect(navItems(all)).toEqual(navItems(null));
  });

  it('leaves out what the province has not published; home and the hotline stay', () => {
    expect(navItems(none).map((i) => i.section)).toEqual(['home', 'hotline']);
    expect(navItems({ ...none, plan: true, openData: true }).map((i) => i.section)).toEqual([
      'home',
      'plan',
      'hotline',
      'openData',
    ]);
    expect(isPublished('dossiers', { ...none, dossiers: true })).toBe(true);
    expect(isPublished('dossiers', none)).toBe(false);
    expect(isPublished('hotline', none)).toBe(true);
  });

  it('links each entry to a page of its own section', () => {
    for (const item of navItems(null)) {
      const route = matchRoute(pathFor(item.route));
      expect(route.name === item.route.name, item.section).toBe(true);
    }
  });
});
