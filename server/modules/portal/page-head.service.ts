/**
 * The head of a public portal page as the server sends it (server/modules/system/public-site.ts): the page the path
 * names, limited to what is published, its title, description, Open Graph and Twitter tags and the canonical link
 * (./rules/meta.ts). A database that cannot answer (no province yet) gives the portal's generic head.
 */
import type { RequestContext } from '../../core/context.js';
import { portalPublicUrl } from './portal.service.js';
import { loadPortal, portalResults } from './public.service.js';
import { metaTags, parsePortalPath, portalMeta, withHead, type PortalSite } from './rules/meta.js';

const NOTHING: PortalSite['sections'] = {
  par: false,
  dossiers: false,
  plan: false,
  pilots: false,
  feedback: false,
  openData: false,
};

/** The tags of the page at `url` (a path under /cong-khai), in Vietnamese unless `?lang=en`. */
export async function portalPageHead(ctx: RequestContext, url: string): Promise<string> {
  const route = parsePortalPath(url) ?? { page: 'home' as const };
  const locale = /[?&]lang=en(&|$)/.test(url) ? 'en' : 'vi';
  const site: PortalSite = {
    provinceName: '',
    sections: NOTHING,
    years: { par: [], plan: [], pilots: [] },
    publicUrl: portalPublicUrl(),
  };
  try {
    const p = await loadPortal(ctx);
    site.provinceName = p.province.name;
    site.sections = p.sections;
    site.years = {
      par: p.sections.par ? p.campaigns.map((c) => c.year) : [],
      plan: p.sections.plan ? p.settings.plan.years : [],
      pilots: p.sections.pilots ? p.settings.pilots.years : [],
    };
    if (route.page === 'par' && route.unitId && route.year) {
      const campaign = p.campaigns.find((c) => c.year === route.year);
      const results = campaign ? await portalResults(ctx.db, campaign, p.province.id) : null;
      site.unitName = results?.rows.find((r) => r.unitId === route.unitId)?.unitName ?? null;
    }
  } catch {
    // No province yet: the generic head.
  }
  return metaTags(portalMeta(route, site, locale));
}

/** The built page with the head of the portal page at `url`. */
export async function portalPageHtml(ctx: RequestContext, url: string, html: string): Promise<string> {
  return withHead(html, await portalPageHead(ctx, url));
}
