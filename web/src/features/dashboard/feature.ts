/** The pages and navigation entries of the province dashboard (issue 18; see web/src/app/feature.ts). */
import { IconGauge } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const dashboardFeature = {
  routes: [
    // How the province is doing and where it is stuck: the key figures of a reporting window, overdue work by unit.
    page(
      '/province',
      lazyRouteComponent(
        withPageTexts('dashboard', () => import('./ProvincePage')),
        'ProvincePage',
      ),
    ),
    // The records behind a count of the dashboard, each opening its own page.
    page(
      '/province/drill',
      lazyRouteComponent(
        withPageTexts('dashboard', () => import('./DrillPage')),
        'DrillPage',
      ),
    ),
  ] as const,
  nav: [{ id: 'province', to: '/province', icon: IconGauge }] satisfies NavEntry[],
};
