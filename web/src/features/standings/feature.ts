/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconChartLine } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const standingsFeature = {
  routes: [
    // The province in PAR Index, SIPAS and PAPI: each index's trend and dimensions, targets, improvements.
    page(
      '/standings',
      lazyRouteComponent(
        withPageTexts('standings', () => import('./StandingsPage')),
        'StandingsPage',
      ),
    ),
  ] as const,
  nav: [{ id: 'standings', to: '/standings', icon: IconChartLine }] satisfies NavEntry[],
};
