/**
 * The publication settings as rules — pure. A fresh province publishes nothing (issue 18: "nothing private by
 * default"); stored settings are read through `normaliseSettings`, which fills what an older row lacks and drops
 * what it does not know, so a stored row never breaks the portal. The licence defaults to CC BY 4.0, the licence
 * the Government's open-data portal (data.gov.vn) offers for open data [? the province may choose another].
 */
import type { DossierPeriodKind, PortalSection, PortalSettingsValues } from '../portal.schemas.js';

export const DEFAULT_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
} as const;

export const DEFAULT_PERIOD_KINDS: readonly DossierPeriodKind[] = ['year', 'quarter'];
const PERIOD_KINDS: readonly DossierPeriodKind[] = ['year', 'half', 'quarter', 'month'];

/** Nothing published; the publisher named after the province's Department of Home Affairs until it is set. */
export function defaultSettings(provinceName = ''): PortalSettingsValues {
  return {
    par: { published: false, campaignIds: [] },
    dossiers: { published: false, years: [], periodKinds: [...DEFAULT_PERIOD_KINDS] },
    plan: { published: false, years: [] },
    pilots: { published: false, years: [] },
    feedback: { published: false },
    openData: { published: false },
    licence: { ...DEFAULT_LICENCE },
    publisher: {
      name: provinceName ? `Sở Nội vụ ${placeOf(provinceName)}` : '',
      address: '',
      email: '',
      phone: '',
      website: '',
    },
  };
}

/** "UBND tỉnh Nghệ An" / "Tỉnh Nghệ An" → "tỉnh Nghệ An". */
export function placeOf(provinceName: string): string {
  const name = provinceName.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '').trim();
  return name.replace(/^(Tỉnh|Thành phố)(?=\s|$)/, (m) => m.toLowerCase());
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const bool = (v: unknown) => v === true;
const str = (v: unknown, fallback: string, max: number) =>
  typeof v === 'string' ? v.slice(0, max) : fallback;
const yearsOf = (v: unknown) =>
  Array.isArray(v)
    ? [...new Set(v.filter((y): y is number => Number.isInteger(y) && y >= 2000 && y <= 2199))].sort(
        (a, b) => b - a,
      )
    : [];
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored (or submitted) settings document made whole: unknown keys dropped, missing ones defaulted. */
export function normaliseSettings(raw: unknown, provinceName = ''): PortalSettingsValues {
  const d = defaultSettings(provinceName);
  if (!isRecord(raw)) return d;
  const part = (k: string) => (isRecord(raw[k]) ? raw[k] : {});
  const par = part('par');
  const dossiers = part('dossiers');
  const licence = part('licence');
  const publisher = part('publisher');
  const kinds = Array.isArray(dossiers.periodKinds)
    ? PERIOD_KINDS.filter((k) => (dossiers.periodKinds as unknown[]).includes(k))
    : d.dossiers.periodKinds;
  return {
    par: {
      published: bool(par.published),
      campaignIds: Array.isArray(par.campaignIds)
        ? [
            ...new Set(
              par.campaignIds.filter((id): id is string => typeof id === 'string' && uuidRe.test(id)),
            ),
          ]
        : [],
    },
    dossiers: {
      published: bool(dossiers.published),
      years: yearsOf(dossiers.years),
      periodKinds: kinds.includes('year') ? kinds : ['year', ...kinds],
    },
    plan: { published: bool(part('plan').published), years: yearsOf(part('plan').years) },
    pilots: { published: bool(part('pilots').published), years: yearsOf(part('pilots').years) },
    feedback: { published: bool(part('feedback').published) },
    openData: { published: bool(part('openData').published) },
    licence: {
      name: str(licence.name, d.licence.name, 120).trim() || d.licence.name,
      url: str(licence.url, d.licence.url, 500),
    },
    publisher: {
      name: str(publisher.name, d.publisher.name, 300),
      address: str(publisher.address, '', 500),
      email: str(publisher.email, '', 200),
      phone: str(publisher.phone, '', 40),
      website: str(publisher.website, '', 500),
    },
  };
}

/**
 * Which sections the public sees: a dataset is public when it is switched on and (for those with years or
 * campaigns) at least one is chosen. `parCampaignsPublished` is the chosen campaigns still at the stage
 * "published" (a campaign taken back is no longer public, whatever the settings say).
 */
export function publishedSections(
  s: PortalSettingsValues,
  parCampaignsPublished: number,
): Record<PortalSection, boolean> {
  return {
    par: s.par.published && parCampaignsPublished > 0,
    dossiers: s.dossiers.published && s.dossiers.years.length > 0,
    plan: s.plan.published && s.plan.years.length > 0,
    pilots: s.pilots.published && s.pilots.years.length > 0,
    feedback: s.feedback.published,
    openData: s.openData.published,
  };
}
