/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import {
  IconChartBar,
  IconClipboardCheck,
  IconListSearch,
  IconSettings,
  IconShieldCheck,
} from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const inspectionsFeature = {
  routes: [
    // The year's plan, its team and progress, and the year's inspections (the section's landing page).
    page(
      '/inspections',
      lazyRouteComponent(() => import('./plans/PlansPage'), 'PlansPage'),
    ),
    // Surprise inspections: the hotline's escalations and the data signals.
    page(
      '/inspections/proposals',
      lazyRouteComponent(() => import('./plans/ProposalsPage'), 'ProposalsPage'),
    ),
    // The year's figures, each opening its list.
    page(
      '/inspections/figures',
      lazyRouteComponent(() => import('./figures/FiguresPage'), 'FiguresPage'),
    ),
    // The settings: each area's checklist template as versions, and the rules as dated versions.
    page(
      '/inspections/settings',
      lazyRouteComponent(() => import('./settings/InspectionSettingsPage'), 'InspectionSettingsPage'),
    ),
    // Self-inspections (tự kiểm tra CCHC): a unit's own year, or the province's view; one unit's page.
    page(
      '/inspections/self',
      lazyRouteComponent(() => import('./self/SelfInspectionsPage'), 'SelfInspectionsPage'),
    ),
    page(
      '/inspections/self/$unitId',
      lazyRouteComponent(() => import('./self/SelfInspectionsPage'), 'UnitSelfInspectionsPage'),
    ),
    // One inspection (header, checklist, steps, recommendations) and its conclusion.
    page(
      '/inspections/$id',
      lazyRouteComponent(() => import('./inspection/InspectionPage'), 'InspectionPage'),
    ),
    page(
      '/inspections/$id/conclusion',
      lazyRouteComponent(() => import('./conclusion/ConclusionPage'), 'ConclusionPage'),
    ),
  ] as const,
  nav: [
    { id: 'inspections', to: '/inspections', icon: IconShieldCheck },
    { id: 'inspections.proposals', to: '/inspections/proposals', icon: IconListSearch, sub: true },
    { id: 'inspections.figures', to: '/inspections/figures', icon: IconChartBar, sub: true },
    { id: 'inspections.settings', to: '/inspections/settings', icon: IconSettings, sub: true },
    { id: 'inspections.self', to: '/inspections/self', icon: IconClipboardCheck, sub: true },
  ] satisfies NavEntry[],
};
