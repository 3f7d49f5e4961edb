/**
 * The head of each public portal page — pure: the page a path names, its `<title>`, description, Open Graph and
 * Twitter-card tags, and the canonical link when the public address is known (`CHIDAO_PUBLIC_URL`). Crawlers of
 * social networks do not run scripts, so the server writes these into the HTML it sends for the path
 * (server/modules/system/public-site.ts). A page of a section that is not published gets the home's head (nothing
 * about what is not public). Every value is escaped for an HTML attribute or text.
 */
import type { PortalSection } from '../portal.schemas.js';

export const PORTAL_PREFIX = '/cong-khai';
export const OG_IMAGE_PATH = '/api/public/portal/og.png';
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export type PortalRoute =
  | { page: 'home' }
  | { page: 'par'; year?: number; unitId?: string }
  | { page: 'dossiers' }
  | { page: 'plan'; year?: number }
  | { page: 'pilots'; year?: number }
  | { page: 'openData' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^(20\d\d|21\d\d)$/;

/** The page of a path under `/cong-khai` (query and trailing slash ignored); null for any other path. */
export function parsePortalPath(url: string): PortalRoute | null {
  const pathname = url.split(/[?#]/)[0]!.replace(/\/+$/, '');
  if (pathname === PORTAL_PREFIX) return { page: 'home' };
  if (!pathname.startsWith(`${PORTAL_PREFIX}/`)) return null;
  const parts = pathname.slice(PORTAL_PREFIX.length + 1).split('/');
  const [section, a, b, ...rest] = parts;
  if (rest.length) return { page: 'home' };
  const year = a !== undefined && YEAR.test(a) ? Number(a) : undefined;
  switch (section) {
    case 'chi-so-cchc':
      if (a === undefined) return { page: 'par' };
      if (year === undefined) return { page: 'par' };
      if (b === undefined) return { page: 'par', year };
      return UUID.test(b) ? { page: 'par', year, unitId: b.toLowerCase() } : { page: 'par', year };
    case 'ho-so':
      return { page: 'dossiers' };
    case 'ke-hoach':
      return b === undefined && year !== undefined ? { page: 'plan', year } : { page: 'plan' };
    case 'mo-hinh-diem':
      return b === undefined && year !== undefined ? { page: 'pilots', year } : { page: 'pilots' };
    case 'du-lieu-mo':
      return { page: 'openData' };
    default:
      return { page: 'home' };
  }
}

/** The path of a page (the inverse of `parsePortalPath`, for canonical links). */
export function portalPath(route: PortalRoute): string {
  switch (route.page) {
    case 'home':
      return PORTAL_PREFIX;
    case 'par':
      return `${PORTAL_PREFIX}/chi-so-cchc${route.year ? `/${route.year}${route.unitId ? `/${route.unitId}` : ''}` : ''}`;
    case 'dossiers':
      return `${PORTAL_PREFIX}/ho-so`;
    case 'plan':
      return `${PORTAL_PREFIX}/ke-hoach${route.year ? `/${route.year}` : ''}`;
    case 'pilots':
      return `${PORTAL_PREFIX}/mo-hinh-diem${route.year ? `/${route.year}` : ''}`;
    case 'openData':
      return `${PORTAL_PREFIX}/du-lieu-mo`;
  }
}

/** What the head needs to know of the portal (read by the caller from the published settings). */
export type PortalSite = {
  provinceName: string;
  sections: Record<PortalSection, boolean>;
  years: { par: readonly number[]; plan: readonly number[]; pilots: readonly number[] };
  /** The name of the unit a PAR page names, when it is in that year's published results. */
  unitName?: string | null;
  /** `CHIDAO_PUBLIC_URL` (no trailing slash), when set. */
  publicUrl?: string | undefined;
};

export type PageMeta = {
  title: string;
  description: string;
  /** Absolute when the public address is known, else null (no canonical link). */
  canonical: string | null;
  image: string;
  imageAlt: string;
  locale: 'vi_VN' | 'en_US';
  siteName: string;
};

type Locale = 'vi' | 'en';

/** The route as far as the published settings allow (an unpublished section or year → the home). */
export function publishedRoute(route: PortalRoute, site: PortalSite): PortalRoute {
  switch (route.page) {
    case 'par':
      if (!site.sections.par) return { page: 'home' };
      if (route.year !== undefined && !site.years.par.includes(route.year)) return { page: 'par' };
      if (route.unitId && !site.unitName) return { page: 'par', year: route.year! };
      return route;
    case 'dossiers':
      return site.sections.dossiers ? route : { page: 'home' };
    case 'plan':
      if (!site.sections.plan) return { page: 'home' };
      return route.year !== undefined && !site.years.plan.includes(route.year) ? { page: 'plan' } : route;
    case 'pilots':
      if (!site.sections.pilots) return { page: 'home' };
      return route.year !== undefined && !site.years.pilots.includes(route.year) ? { page: 'pilots' } : route;
    case 'openData':
      return site.sections.openData ? route : { page: 'home' };
    default:
      return route;
  }
}

/** The head of a page: title, description and the preview's image, in the page's language. */
export function portalMeta(route: PortalRoute, site: PortalSite, locale: Locale = 'vi'): PageMeta {
  const shown = publishedRoute(route, site);
  const province = site.provinceName || (locale === 'vi' ? 'Tỉnh' : 'Province');
  const vi = locale === 'vi';
  const siteName = vi ? `Công khai CCHC — ${province}` : `Public administration reform — ${province}`;
  let title: string;
  let description: string;
  switch (shown.page) {
    case 'par':
      if (shown.unitId && shown.year) {
        title = vi
          ? `${site.unitName} — Chỉ số CCHC năm ${shown.year}`
          : `${site.unitName} — PAR Index ${shown.year}`;
        description = vi
          ? `Kết quả Chỉ số cải cách hành chính năm ${shown.year} của ${site.unitName}: điểm từng lĩnh vực và tiêu chí.`
          : `The ${shown.year} PAR Index of ${site.unitName}: points by field and criterion.`;
      } else if (shown.year) {
        title = vi ? `Chỉ số CCHC năm ${shown.year} — ${province}` : `PAR Index ${shown.year} — ${province}`;
        description = vi
          ? `Xếp hạng Chỉ số cải cách hành chính năm ${shown.year} của các cơ quan, đơn vị thuộc ${province}.`
          : `The ${shown.year} PAR Index ranking of the agencies and localities of ${province}.`;
      } else {
        title = vi ? `Chỉ số CCHC — ${province}` : `PAR Index — ${province}`;
        description = vi
          ? `Kết quả Chỉ số cải cách hành chính các năm đã công bố của ${province}.`
          : `The published PAR Index results of ${province}, year by year.`;
      }
      break;
    case 'dossiers':
      title = vi ? `Giải quyết hồ sơ TTHC — ${province}` : `Administrative procedures — ${province}`;
      description = vi
        ? `Số hồ sơ tiếp nhận, tỷ lệ giải quyết đúng hạn và nộp trực tuyến theo từng cơ quan, đơn vị (QĐ 766/QĐ-TTg).`
        : `Dossiers received, on-time and online rates by agency (Decision 766/QĐ-TTg).`;
      break;
    case 'plan':
      title = shown.year
        ? vi
          ? `Kế hoạch CCHC năm ${shown.year} — ${province}`
          : `PAR plan ${shown.year} — ${province}`
        : vi
          ? `Kế hoạch CCHC — ${province}`
          : `PAR plan — ${province}`;
      description = vi
        ? `Nhiệm vụ cải cách hành chính của tỉnh${shown.year ? ` năm ${shown.year}` : ''}: đơn vị chủ trì, thời hạn và tiến độ hoàn thành.`
        : `The province's PAR tasks${shown.year ? ` for ${shown.year}` : ''}: lead units, deadlines and completion.`;
      break;
    case 'pilots':
      title = shown.year
        ? vi
          ? `Mô hình chỉ đạo điểm năm ${shown.year} — ${province}`
          : `Pilot units ${shown.year} — ${province}`
        : vi
          ? `Mô hình chỉ đạo điểm — ${province}`
          : `Pilot units — ${province}`;
      description = vi
        ? `Các đơn vị chỉ đạo điểm về cải cách hành chính, nội dung thực hiện và kết quả.`
        : `The pilot units of administrative reform, what each undertook and the results.`;
      break;
    case 'openData':
      title = vi ? `Dữ liệu mở CCHC — ${province}` : `PAR open data — ${province}`;
      description = vi
        ? `Tải dữ liệu mở về cải cách hành chính (CSV, JSON) kèm mô tả cột và giấy phép sử dụng.`
        : `Download open data on administrative reform (CSV, JSON) with column descriptions and licence.`;
      break;
    default:
      title = siteName;
      description = vi
        ? `Kết quả cải cách hành chính của ${province}: Chỉ số CCHC, giải quyết hồ sơ, kế hoạch, mô hình điểm và trả lời phản ánh.`
        : `Administrative reform in ${province}: PAR Index, dossiers, the plan, pilot units and answered feedback.`;
  }
  const base = site.publicUrl?.replace(/\/+$/, '') || null;
  return {
    title,
    description,
    canonical: base ? base + portalPath(shown) : null,
    image: (base ?? '') + OG_IMAGE_PATH,
    imageAlt: siteName,
    locale: vi ? 'vi_VN' : 'en_US',
    siteName,
  };
}

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!,
  );

/** The tags of the head, one a line. */
export function metaTags(m: PageMeta): string {
  const e = escapeHtml;
  const tags = [
    `<title>${e(m.title)}</title>`,
    `<meta name="description" content="${e(m.description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${e(m.siteName)}" />`,
    `<meta property="og:title" content="${e(m.title)}" />`,
    `<meta property="og:description" content="${e(m.description)}" />`,
    `<meta property="og:locale" content="${m.locale}" />`,
    `<meta property="og:image" content="${e(m.image)}" />`,
    `<meta property="og:image:type" content="image/png" />`,
    `<meta property="og:image:width" content="${OG_IMAGE_SIZE.width}" />`,
    `<meta property="og:image:height" content="${OG_IMAGE_SIZE.height}" />`,
    `<meta property="og:image:alt" content="${e(m.imageAlt)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${e(m.title)}" />`,
    `<meta name="twitter:description" content="${e(m.description)}" />`,
    `<meta name="twitter:image" content="${e(m.image)}" />`,
    `<meta name="twitter:image:alt" content="${e(m.imageAlt)}" />`,
  ];
  if (m.canonical) {
    tags.push(`<link rel="canonical" href="${e(m.canonical)}" />`);
    tags.push(`<meta property="og:url" content="${e(m.canonical)}" />`);
  }
  return tags.join('\n    ');
}

/**
 * The page's HTML with its head: the built page's own `<title>`, description and any social tags are replaced by
 * these (inserted before `</head>`); a page without a head gets them at its start.
 */
export function withHead(html: string, tags: string): string {
  const cleaned = html
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name=["']description["'][^>]*>\s*/gi, '')
    .replace(/<meta\s+(property|name)=["'](og|twitter):[^"']*["'][^>]*>\s*/gi, '')
    .replace(/<link\s+rel=["']canonical["'][^>]*>\s*/gi, '');
  const at = cleaned.search(/<\/head>/i);
  if (at < 0) return tags + '\n' + cleaned;
  return `${cleaned.slice(0, at)}  ${tags}\n  ${cleaned.slice(at)}`;
}
