/**
 * The portal's navigation: one list for every page, in the order people look for things. A section the province
 * has not published is left out once the portal says so (until then, and if it cannot be asked, all are shown:
 * their pages say themselves when they are not published). The home page and the hotline are always there.
 */
import type { MessageKey } from '../locales/vi';
import type { PortalSections } from './portal-types';
import type { Route, Section } from './router';

export type NavItem = { section: Section; route: Route; label: MessageKey; description: MessageKey | null };

const ALL: readonly NavItem[] = [
  { section: 'home', route: { name: 'home' }, label: 'nav.home', description: null },
  {
    section: 'parIndex',
    route: { name: 'parIndex', year: null, unitId: null },
    label: 'nav.parIndex',
    description: 'home.link.parIndex',
  },
  {
    section: 'dossiers',
    route: { name: 'dossiers' },
    label: 'nav.dossiers',
    description: 'home.link.dossiers',
  },
  { section: 'plan', route: { name: 'plan', year: null }, label: 'nav.plan', description: 'home.link.plan' },
  {
    section: 'pilots',
    route: { name: 'pilots', year: null },
    label: 'nav.pilots',
    description: 'home.link.pilots',
  },
  { section: 'hotline', route: { name: 'submit' }, label: 'nav.hotline', description: 'home.link.hotline' },
  {
    section: 'openData',
    route: { name: 'openData' },
    label: 'nav.openData',
    description: 'home.link.openData',
  },
];

/** The portal setting that publishes a section (none: always public). */
export const SETTING_OF: Partial<Record<Section, keyof PortalSections>> = {
  parIndex: 'par',
  dossiers: 'dossiers',
  plan: 'plan',
  pilots: 'pilots',
  openData: 'openData',
};

/** Whether a section is published (true while the portal's answer is not known). */
export function isPublished(section: Section, sections: PortalSections | null | undefined): boolean {
  const setting = SETTING_OF[section];
  return !setting || !sections || sections[setting];
}

export function navItems(sections: PortalSections | null | undefined): NavItem[] {
  return ALL.filter((item) => isPublished(item.section, sections));
}
