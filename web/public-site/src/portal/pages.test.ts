/**
 * The portal's pages rendered to static HTML with answers shaped by the server's schemas: each has one h1, its
 * tables have captions and scoped headers, the figures are in Vietnamese format, nothing internal (ids, enum
 * keys) is on screen, and a section the province has not published says so.
 */
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FixedLanguage } from '../lib/i18n-react';
import type { Lang } from '../lib/i18n';
import { PortalContext } from '../lib/portal';
import { portalApi } from '../lib/portal-api';
import type { PortalHomeOut } from '../lib/portal-types';
import { rememberJson } from '../lib/use-json';
import DossiersPage from './DossiersPage';
import HomePage from './HomePage';
import OpenDataPage from './OpenDataPage';
import ParIndexPage from './ParIndexPage';
import ParUnitPage from './ParUnitPage';
import PilotsPage from './PilotsPage';
import PlanPage from './PlanPage';
import {
  all,
  catalogue,
  dossiers,
  home,
  IDS,
  parUnit,
  parYear,
  pilots,
  plan,
  TAI_CHINH,
  TU_PHAP,
} from './test-fixtures';

rememberJson(portalApi.parYear(2025), undefined, parYear);
rememberJson(portalApi.parUnit(2025, TU_PHAP), undefined, parUnit);
rememberJson(portalApi.dossiers(), { year: 2026, period: 'q3' }, dossiers);
rememberJson(portalApi.plan(2026), undefined, plan);
rememberJson(portalApi.pilots(2026), undefined, pilots);
rememberJson(portalApi.openData(), undefined, catalogue);
rememberJson('/api/public/hotline/answers', { limit: 5, offset: 0 }, { items: [], total: 0 });

function render(page: ReactNode, { lang = 'vi' as Lang, portal = home as PortalHomeOut } = {}) {
  const value = { data: portal, previous: null, error: null, loading: false, retry: () => {} };
  return renderToStaticMarkup(
    h(FixedLanguage, { lang, children: h(PortalContext.Provider, { value }, page) }),
  );
}

const count = (html: string, re: RegExp) => [...html.matchAll(re)].length;
/** The text a reader sees: tags, hidden attributes and the SVG's markup gone. */
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ');

function checkPage(html: string) {
  expect(count(html, /<h1[\s>]/g)).toBe(1);
  const tables = count(html, /<table[\s>]/g);
  expect(count(html, /<caption[\s>]/g)).toBe(tables);
  // Every header cell says what it heads.
  expect(count(html, /<th(?![^>]*scope=)[\s>]/g)).toBe(0);
  const text = visible(html);
  for (const id of IDS) expect(text).not.toContain(id);
  for (const key of ['in_progress', 'department', 'commune', 'undefined', 'NaN', 'null'])
    expect(text).not.toContain(key);
}

describe('the portal’s pages', () => {
  it('home: big figures with their window, the leading units, a link to each section', () => {
    const html = render(h(HomePage));
    checkPage(html);
    expect(html).toContain('Tỉnh Nghệ An: công khai kết quả cải cách hành chính');
    expect(html).toContain('Năm 2026 đến 07/12/2026');
    expect(html).toContain('123.456');
    expect(html).toContain('98,5%');
    expect(html).toContain('41,3%');
    expect(html).toContain('Sở Tài chính');
    expect(html).toContain(`/cong-khai/chi-so-cchc/2025/${TAI_CHINH}`);
    expect(html).toContain('data-testid="portal-home"');
    for (const path of [
      '/cong-khai/ho-so',
      '/cong-khai/ke-hoach',
      '/cong-khai/mo-hinh-diem',
      '/cong-khai/du-lieu-mo',
    ])
      expect(html).toContain(`href="${path}"`);
  });

  it('home: what is not published is not shown', () => {
    const none = {
      par: false,
      dossiers: false,
      plan: false,
      pilots: false,
      feedback: false,
      openData: false,
    };
    const html = render(h(HomePage), { portal: { ...home, sections: { ...none, plan: true } } });
    checkPage(html);
    expect(html).toContain('41,3%');
    expect(html).not.toContain('123.456');
    expect(html).not.toContain('Sở Tài chính');
    expect(html).not.toContain('href="/cong-khai/ho-so"');
    expect(html).toContain('href="/cong-khai/ke-hoach"');
  });

  it('PAR Index: the newest year, the first group, the ranking with its changes and the chart', () => {
    const html = render(h(ParIndexPage, { year: null, search: '' }));
    checkPage(html);
    expect(html).toContain('Chỉ số cải cách hành chính năm 2025');
    expect(html).toContain('Xếp hạng Chỉ số CCHC năm 2025 — Sở, ban, ngành');
    expect(html).toContain('88,81');
    expect(html).toContain('▲ 2,31');
    expect(html).toContain('tăng 2,31');
    expect(html).toContain('giảm 0,8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('UBND xã Anh Sơn');
  });

  it('PAR Index: the group and the search of the address', () => {
    const commune = render(h(ParIndexPage, { year: 2025, search: '?group=commune' }));
    expect(commune).toContain('UBND xã Anh Sơn');
    expect(commune).not.toContain('Sở Tư pháp');
    const found = render(h(ParIndexPage, { year: 2025, search: '?q=so+tu+phap' }));
    expect(found).toContain('Sở Tư pháp');
    expect(found).not.toContain('Sở Tài chính</a>');
    expect(found).toContain('Đang hiện 1 trên 2.');
    const english = render(h(ParIndexPage, { year: 2025, search: '' }), { lang: 'en' });
    expect(english).toContain('PAR Index 2025 ranking — Departments');
  });

  it('PAR Index: a year not published says so', () => {
    const html = render(h(ParIndexPage, { year: 2019, search: '' }));
    checkPage(html);
    expect(html).toContain('Số liệu năm 2019 chưa được công bố');
  });

  it('PAR Index: a unit with its fields and criteria', () => {
    const html = render(h(ParUnitPage, { year: 2025, unitId: TU_PHAP, search: '' }));
    checkPage(html);
    expect(html).toContain('Sở Tư pháp — Chỉ số CCHC năm 2025');
    expect(html).toContain('Hạng 2/2');
    expect(html).toContain('85,2%');
    expect(html).toContain('Kế hoạch CCHC');
    expect(html).toContain('87,5%');
  });

  it('dossiers: the period’s figures explained, the table sorted by what was received', () => {
    const html = render(h(DossiersPage, { search: '?year=2026&period=q3' }));
    checkPage(html);
    expect(html).toContain('Từ 01/07/2026 đến 30/09/2026');
    expect(html).toContain('Quyết định 766/QĐ-TTg');
    expect(html).toContain('3,4 ngày làm việc');
    expect(html).toContain('Chưa có số liệu');
    expect(html).toContain('Hồ sơ thủ tục hành chính theo đơn vị, Quý III năm 2026');
    expect(html).toContain('aria-sort="descending"');
    expect(html.indexOf('1.234')).toBeLessThan(html.indexOf('>56<'));
  });

  it('plan: the completion bar, tasks under their areas with status chips', () => {
    const html = render(h(PlanPage, { year: null, search: '' }));
    checkPage(html);
    expect(html).toContain('Kế hoạch cải cách hành chính năm 2026');
    expect(html).toContain('Hoàn thành 1/2 nhiệm vụ');
    expect(html).toContain('chip--overdue');
    expect(html).toContain('Quá hạn');
    expect(html).toContain('Hạn: 30/11/2026');
    const filtered = render(h(PlanPage, { year: 2026, search: '?status=done' }));
    expect(filtered).not.toContain('Kiểm tra công tác CCHC');
    expect(filtered).toContain('Không có nhiệm vụ nào phù hợp.');
  });

  it('pilots: each unit with its items and results', () => {
    const html = render(h(PilotsPage, { year: 2026, search: '' }));
    checkPage(html);
    expect(html).toContain('Mô hình điểm cải cách hành chính năm 2026');
    expect(html).toContain('Đạt 100% từ tháng 9/2026.');
    expect(html).toContain('Hoàn thành ngày 01/10/2026');
  });

  it('open data: each dataset with its columns, licence and real download links', () => {
    const html = render(h(OpenDataPage));
    checkPage(html);
    expect(html).toContain('href="/api/open-data/par-results.csv"');
    expect(html).toContain('href="/api/open-data/par-results.json"');
    expect(html).toContain('CC BY 4.0');
    expect(html).toContain('1.234 dòng');
    expect(html).toContain('Tên đơn vị');
    expect(html).toContain('Văn bản');
  });

  it('a section not published says so instead of its data', () => {
    const hidden = { ...home, sections: { ...all, plan: false, openData: false } };
    for (const page of [h(PlanPage, { year: 2026, search: '' }), h(OpenDataPage)]) {
      const html = render(page, { portal: hidden });
      checkPage(html);
      expect(html).toContain('Mục này chưa được công bố');
    }
  });
});
