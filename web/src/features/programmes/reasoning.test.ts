import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TargetYear } from './api';
import en from './page-locales/en.json';
import vi from './page-locales/vi.json';
import { formatMeasure, reasoning } from './reasoning';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'vi',
  resources: { vi: { translation: vi }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const vt = i18n.getFixedT('vi');
const et = i18n.getFixedT('en');

const year = (y: Partial<TargetYear>): TargetYear => ({
  year: 2025,
  status: 'achieved',
  value: 82.4,
  milestone: 80,
  margin: 2.4,
  tolerance: null,
  current: false,
  source: null,
  computed: null,
  manual: null,
  ...y,
});

describe('a year’s reasoning', () => {
  it('says the value against the milestone, Vietnamese number style', () => {
    expect(reasoning(vt, { measure: 'percent' }, year({}))).toBe('Đạt 82,4% so với mốc 80% năm 2025');
    expect(reasoning(et, { measure: 'percent' }, year({}))).toBe(
      'Achieved 82,4% against the 2025 milestone of 80%',
    );
  });
  it('names the gap and the tolerance of the current year, and where the value came from', () => {
    expect(
      reasoning(
        vt,
        { measure: 'percent' },
        year({
          year: 2026,
          status: 'at_risk',
          value: 57.5,
          milestone: 60,
          margin: -2.5,
          tolerance: 5,
          current: true,
          source: 'manual',
        }),
      ),
    ).toBe(
      'Năm 2026 (đến nay): 57,5%, chưa đạt mốc 60% (chênh 2,5%) — trong ngưỡng cảnh báo 5% (nhập tay, kèm minh chứng)',
    );
    expect(
      reasoning(
        vt,
        { measure: 'points' },
        year({ status: 'missed', value: 87.91, milestone: 89, margin: -1.09, source: 'computed' }),
      ),
    ).toBe(
      'Không đạt: 87,91 điểm so với mốc 89 điểm năm 2025 (chênh 1,09 điểm) (tính từ hồ sơ, dữ liệu trên hệ thống)',
    );
  });
  it('every status has a sentence in both languages', () => {
    for (const status of [
      'achieved',
      'missed',
      'on_track',
      'at_risk',
      'off_track',
      'no_data',
      'no_milestone',
      'upcoming',
    ] as const) {
      expect(reasoning(vt, { measure: 'count' }, year({ status }))).not.toContain('programmes.');
      expect(reasoning(et, { measure: 'count' }, year({ status }))).not.toContain('programmes.');
    }
  });
  it('values in each unit of measure', () => {
    expect(formatMeasure(vt, 12, 'rank')).toBe('hạng 12');
    expect(formatMeasure(vt, 3, 'days')).toBe('3 ngày');
    expect(formatMeasure(vt, 1234.5, 'count')).toBe('1.234,5');
    expect(formatMeasure(vt, null, 'percent')).toBe('—');
  });
});
