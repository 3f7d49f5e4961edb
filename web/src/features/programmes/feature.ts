/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconTargetArrow } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const programmesFeature = {
  routes: [
    // The province's multi-year reform programmes: current and past, each with its targets' summary.
    page(
      '/programmes',
      lazyRouteComponent(
        withPageTexts('programmes', () => import('./ProgrammesPage')),
        'ProgrammesPage',
      ),
    ),
    // One programme: its document, period, goals, targets by year, the yearly plans under it, its review report.
    page(
      '/programmes/$programmeId',
      lazyRouteComponent(
        withPageTexts('programmes', () => import('./ProgrammePage')),
        'ProgrammePage',
      ),
    ),
  ] as const,
  nav: [{ id: 'programmes', to: '/programmes', icon: IconTargetArrow }] satisfies NavEntry[],
};
