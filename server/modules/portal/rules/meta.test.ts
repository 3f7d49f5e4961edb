import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  metaTags,
  OG_IMAGE_PATH,
  parsePortalPath,
  portalMeta,
  portalPath,
  publishedRoute,
  withHead,
  type PortalRoute,
  type PortalSite,
} from './meta.js';

const UNIT = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ALL: PortalSite = {
  provinceName: 'Tỉnh Nghệ An',
  sections: { par: true, dossiers: true, plan: true, pilots: true, feedback: true, openData: true },
  years: { par: [2025, 2024], plan: [2026, 2025], pilots: [2026] },
  unitName: 'Sở Tư pháp',
};
const NONE: PortalSite = {
  provinceName: 'Tỉnh Nghệ An',
  sections: { par: false, dossiers: false, plan: false, pilots: false, feedback: false, openData: false },
  years: { par: [], plan: [], pilots: [] },
};

describe('parsePortalPath', () => {
  it.each([
    ['/cong-khai', { page: 'home' }],
    ['/cong-khai/', { page: 'home' }],
    ['/cong-khai?lang=en', { page: 'home' }],
    ['/cong-khai/chi-so-cchc', { page: 'par' }],
    ['/cong-khai/chi-so-cchc/2025', { page: 'par', year: 2025 }],
    ['/cong-khai/chi-so-cchc/2025/', { page: 'par', year: 2025 }],
    [`/cong-khai/chi-so-cchc/2025/${UNIT}`, { page: 'par', year: 2025, unitId: UNIT }],
    [`/cong-khai/chi-so-cchc/2025/${UNIT.toUpperCase()}`, { page: 'par', year: 2025, unitId: UNIT }],
    ['/cong-khai/chi-so-cchc/2025/not-a-unit', { page: 'par', year: 2025 }],
    ['/cong-khai/chi-so-cchc/abc', { page: 'par' }],
    ['/cong-khai/chi-so-cchc/1999', { page: 'par' }],
    ['/cong-khai/ho-so', { page: 'dossiers' }],
    ['/cong-khai/ho-so?year=2026&period=q1', { page: 'dossiers' }],
    ['/cong-khai/ke-hoach', { page: 'plan' }],
    ['/cong-khai/ke-hoach/2026', { page: 'plan', year: 2026 }],
    ['/cong-khai/ke-hoach/2026/x', { page: 'plan' }],
    ['/cong-khai/mo-hinh-diem', { page: 'pilots' }],
    ['/cong-khai/mo-hinh-diem/2026#top', { page: 'pilots', year: 2026 }],
    ['/cong-khai/du-lieu-mo', { page: 'openData' }],
    ['/cong-khai/khong-co', { page: 'home' }],
    ['/cong-khai/a/b/c/d', { page: 'home' }],
  ] as const)('%s', (url, route) => {
    expect(parsePortalPath(url)).toEqual(route);
  });
  it.each(['/', '/phan-anh', '/cong-khaix', '/api/public/portal'])('%s is not the portal', (url) => {
    expect(parsePortalPath(url)).toBeNull();
  });
  it('round-trips with portalPath', () => {
    const routes: PortalRoute[] = [
      { page: 'home' },
      { page: 'par' },
      { page: 'par', year: 2025 },
      { page: 'par', year: 2025, unitId: UNIT },
      { page: 'dossiers' },
      { page: 'plan' },
      { page: 'plan', year: 2026 },
      { page: 'pilots', year: 2026 },
      { page: 'openData' },
    ];
    for (const r of routes) expect(parsePortalPath(portalPath(r))).toEqual(r);
  });
});

describe('publishedRoute', () => {
  it('keeps a published page', () => {
    expect(publishedRoute({ page: 'par', year: 2025, unitId: UNIT }, ALL)).toEqual({
      page: 'par',
      year: 2025,
      unitId: UNIT,
    });
    expect(publishedRoute({ page: 'plan', year: 2026 }, ALL)).toEqual({ page: 'plan', year: 2026 });
  });
  it('falls back to the home for a section not published, to the section for a year not published', () => {
    for (const r of [
      { page: 'par', year: 2025 },
      { page: 'dossiers' },
      { page: 'plan' },
      { page: 'pilots', year: 2026 },
      { page: 'openData' },
    ] as PortalRoute[])
      expect(publishedRoute(r, NONE)).toEqual({ page: 'home' });
    expect(publishedRoute({ page: 'par', year: 2020 }, ALL)).toEqual({ page: 'par' });
    expect(publishedRoute({ page: 'plan', year: 2020 }, ALL)).toEqual({ page: 'plan' });
    expect(publishedRoute({ page: 'pilots', year: 2020 }, ALL)).toEqual({ page: 'pilots' });
    expect(publishedRoute({ page: 'par', year: 2025, unitId: UNIT }, { ...ALL, unitName: null })).toEqual({
      page: 'par',
      year: 2025,
    });
  });
});

describe('portalMeta', () => {
  it('titles each page in Vietnamese, naming the province, the year and the unit', () => {
    expect(portalMeta({ page: 'home' }, ALL).title).toBe('Công khai CCHC — Tỉnh Nghệ An');
    expect(portalMeta({ page: 'par', year: 2025 }, ALL).title).toBe('Chỉ số CCHC năm 2025 — Tỉnh Nghệ An');
    expect(portalMeta({ page: 'par', year: 2025, unitId: UNIT }, ALL).title).toBe(
      'Sở Tư pháp — Chỉ số CCHC năm 2025',
    );
    expect(portalMeta({ page: 'plan', year: 2026 }, ALL).title).toBe('Kế hoạch CCHC năm 2026 — Tỉnh Nghệ An');
    expect(portalMeta({ page: 'pilots' }, ALL).title).toBe('Mô hình chỉ đạo điểm — Tỉnh Nghệ An');
    expect(portalMeta({ page: 'dossiers' }, ALL).description).toMatch(/766/);
    expect(portalMeta({ page: 'openData' }, ALL).title).toBe('Dữ liệu mở CCHC — Tỉnh Nghệ An');
  });
  it('speaks English on request', () => {
    const m = portalMeta({ page: 'par', year: 2025 }, ALL, 'en');
    expect(m.title).toBe('PAR Index 2025 — Tỉnh Nghệ An');
    expect(m.locale).toBe('en_US');
    expect(portalMeta({ page: 'home' }, ALL).locale).toBe('vi_VN');
  });
  it('says nothing of an unpublished page (the home’s head)', () => {
    const home = portalMeta({ page: 'home' }, NONE);
    for (const r of [
      { page: 'par', year: 2025, unitId: UNIT },
      { page: 'plan', year: 2026 },
    ] as PortalRoute[]) {
      const m = portalMeta(r, { ...NONE, unitName: 'Sở Tư pháp' });
      expect(m).toEqual(home);
      expect(m.title).not.toMatch(/Tư pháp|2026/);
    }
  });
  it('makes the image and canonical absolute when the public address is known, and no canonical otherwise', () => {
    const local = portalMeta({ page: 'plan', year: 2026 }, ALL);
    expect(local.canonical).toBeNull();
    expect(local.image).toBe(OG_IMAGE_PATH);
    const site = { ...ALL, publicUrl: 'https://cchc.nghean.gov.vn/' };
    const m = portalMeta({ page: 'plan', year: 2026 }, site);
    expect(m.canonical).toBe('https://cchc.nghean.gov.vn/cong-khai/ke-hoach/2026');
    expect(m.image).toBe('https://cchc.nghean.gov.vn/api/public/portal/og.png');
    // The canonical link is the published page (a year not published: the section).
    expect(portalMeta({ page: 'plan', year: 2001 }, site).canonical).toBe(
      'https://cchc.nghean.gov.vn/cong-khai/ke-hoach',
    );
  });
  it('names a province even when none is known', () => {
    expect(portalMeta({ page: 'home' }, { ...NONE, provinceName: '' }).title).toBe('Công khai CCHC — Tỉnh');
  });
});

describe('escapeHtml and metaTags', () => {
  it('escapes every special character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });
  it('writes title, description, Open Graph and Twitter tags, escaped', () => {
    const evil = { ...ALL, provinceName: '"><script>alert(1)</script>', publicUrl: 'https://x.vn' };
    const tags = metaTags(portalMeta({ page: 'home' }, evil));
    expect(tags).not.toContain('<script>');
    expect(tags).toContain('&quot;&gt;&lt;script&gt;');
    for (const t of [
      '<title>',
      'name="description"',
      'property="og:title"',
      'property="og:description"',
      'property="og:type" content="website"',
      'property="og:image" content="https://x.vn/api/public/portal/og.png"',
      'property="og:image:width" content="1200"',
      'property="og:image:height" content="630"',
      'property="og:locale" content="vi_VN"',
      'name="twitter:card" content="summary_large_image"',
      'name="twitter:image"',
      '<link rel="canonical" href="https://x.vn/cong-khai" />',
      'property="og:url" content="https://x.vn/cong-khai"',
    ])
      expect(tags).toContain(t);
    expect(metaTags(portalMeta({ page: 'home' }, ALL))).not.toContain('canonical');
  });
});

describe('withHead', () => {
  const built = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="Gửi phản ánh"
    />
    <meta property="og:title" content="old" />
    <link rel="canonical" href="/old" />
    <title>Phản ánh, kiến nghị</title>
  </head>
  <body><div id="root"></div></body>
</html>`;
  it('replaces the built title, description and social tags with the page’s, before </head>', () => {
    const html = withHead(built, metaTags(portalMeta({ page: 'plan', year: 2026 }, ALL)));
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Kế hoạch CCHC năm 2026 — Tỉnh Nghệ An</title>');
    expect(html).not.toContain('Gửi phản ánh');
    expect(html).not.toContain('content="old"');
    expect(html).not.toContain('/old');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html.indexOf('<title>')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<meta charset="UTF-8" />');
    expect(html).toContain('<div id="root"></div>');
  });
  it('puts the tags first in a page without a head', () => {
    expect(withHead('<p>x</p>', '<title>t</title>')).toBe('<title>t</title>\n<p>x</p>');
  });
});
