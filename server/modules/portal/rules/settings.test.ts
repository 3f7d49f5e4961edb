import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LICENCE,
  defaultSettings,
  normaliseSettings,
  placeOf,
  publishedSections,
} from './settings.js';

const ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('defaultSettings', () => {
  it('publishes nothing, under CC BY 4.0, naming the Department of Home Affairs', () => {
    const d = defaultSettings('Tỉnh Nghệ An');
    expect(d.par).toEqual({ published: false, campaignIds: [] });
    expect(d.dossiers).toEqual({ published: false, years: [], periodKinds: ['year', 'quarter'] });
    expect([d.plan.published, d.pilots.published, d.feedback.published, d.openData.published]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(d.licence).toEqual(DEFAULT_LICENCE);
    expect(d.licence.name).toBe('CC BY 4.0');
    expect(d.publisher.name).toBe('Sở Nội vụ tỉnh Nghệ An');
    expect(defaultSettings().publisher.name).toBe('');
    expect(Object.values(publishedSections(d, 3)).every((v) => !v)).toBe(true);
  });
});

describe('placeOf', () => {
  it.each([
    ['Tỉnh Nghệ An', 'tỉnh Nghệ An'],
    ['UBND tỉnh Nghệ An', 'tỉnh Nghệ An'],
    ['Ủy ban nhân dân Thành phố Huế', 'thành phố Huế'],
    ['Nghệ An', 'Nghệ An'],
  ])('%s → %s', (a, b) => {
    expect(placeOf(a)).toBe(b);
  });
});

describe('normaliseSettings', () => {
  it('gives the defaults for nothing or nonsense', () => {
    for (const raw of [null, undefined, 42, 'x', [], { par: 'yes' }])
      expect(normaliseSettings(raw, 'Tỉnh Nghệ An')).toEqual(defaultSettings('Tỉnh Nghệ An'));
  });
  it('keeps what it knows, drops what it does not, and cleans the lists', () => {
    const s = normaliseSettings({
      par: { published: true, campaignIds: [ID, ID, 'not-a-uuid', 7] },
      dossiers: {
        published: true,
        years: [2024, 2026, 2024, 1999, 2200, 2025.5, '2023'],
        periodKinds: ['month', 'week', 'half'],
      },
      plan: { published: 'true', years: [2026] },
      pilots: { published: true },
      feedback: { published: true },
      openData: { published: true, extra: 1 },
      licence: { name: '  ', url: 'https://example.org/licence' },
      publisher: { name: 'Văn phòng Sở Nội vụ', email: 'vp@example.vn', phone: 5 },
      unknown: { published: true },
    });
    expect(s.par).toEqual({ published: true, campaignIds: [ID] });
    expect(s.dossiers).toEqual({
      published: true,
      years: [2026, 2024],
      periodKinds: ['year', 'half', 'month'],
    });
    expect(s.plan).toEqual({ published: false, years: [2026] });
    expect(s.pilots).toEqual({ published: true, years: [] });
    expect(s.openData).toEqual({ published: true });
    expect(s.licence).toEqual({ name: 'CC BY 4.0', url: 'https://example.org/licence' });
    expect(s.publisher).toEqual({
      name: 'Văn phòng Sở Nội vụ',
      address: '',
      email: 'vp@example.vn',
      phone: '',
      website: '',
    });
    expect(s).not.toHaveProperty('unknown');
  });
  it('keeps the year among the periods when they are given without it', () => {
    expect(normaliseSettings({ dossiers: { periodKinds: [] } }).dossiers.periodKinds).toEqual(['year']);
    expect(
      normaliseSettings({ dossiers: { periodKinds: ['quarter', 'year'] } }).dossiers.periodKinds,
    ).toEqual(['year', 'quarter']);
  });
  it('is idempotent', () => {
    const once = normaliseSettings({
      par: { published: true, campaignIds: [ID] },
      plan: { published: true, years: [2025] },
    });
    expect(normaliseSettings(once)).toEqual(once);
  });
});

describe('publishedSections', () => {
  const on = normaliseSettings({
    par: { published: true, campaignIds: [ID] },
    dossiers: { published: true, years: [2026] },
    plan: { published: true, years: [2026] },
    pilots: { published: true, years: [2026] },
    feedback: { published: true },
    openData: { published: true },
  });
  it('shows a dataset switched on with something chosen', () => {
    expect(publishedSections(on, 1)).toEqual({
      par: true,
      dossiers: true,
      plan: true,
      pilots: true,
      feedback: true,
      openData: true,
    });
  });
  it('hides the PAR Index when none of its chosen campaigns is still published', () => {
    expect(publishedSections(on, 0).par).toBe(false);
  });
  it('hides a dataset switched on without any year', () => {
    const none = normaliseSettings({
      ...on,
      dossiers: { published: true, years: [] },
      plan: { published: true, years: [] },
      pilots: { published: true, years: [] },
    });
    expect(publishedSections(none, 1)).toMatchObject({ dossiers: false, plan: false, pilots: false });
  });
  it('hides a dataset switched off whatever is chosen', () => {
    const off = normaliseSettings({
      ...on,
      plan: { published: false, years: [2026] },
      feedback: { published: false },
    });
    expect(publishedSections(off, 1)).toMatchObject({ plan: false, feedback: false, par: true });
  });
});
