/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconReportAnalytics } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';

export const reportsFeature = {
  routes: [
    page(
      '/reports',
      lazyRouteComponent(() => import('./RoundsPage'), 'RoundsPage'),
    ),
    page(
      '/reports/rounds/$roundId',
      lazyRouteComponent(() => import('./RoundPage'), 'RoundPage'),
    ),
    page(
      '/reports/rounds/$roundId/consolidation',
      lazyRouteComponent(() => import('./ConsolidationPage'), 'ConsolidationPage'),
    ),
    page(
      '/reports/$reportId',
      lazyRouteComponent(() => import('./ReportPage'), 'ReportPage'),
    ),
    // The form designer and the assignments (./designer, kept by its own pages).
    page(
      '/reports/forms',
      lazyRouteComponent(() => import('./designer/FormsPage'), 'FormsPage'),
    ),
    page(
      '/reports/forms/versions/$versionId',
      lazyRouteComponent(() => import('./designer/FormVersionPage'), 'FormVersionPage'),
    ),
    page(
      '/reports/assignments',
      lazyRouteComponent(() => import('./designer/AssignmentsPage'), 'AssignmentsPage'),
    ),
  ] as const,
  nav: [{ id: 'reports', to: '/reports', icon: IconReportAnalytics }] satisfies NavEntry[],
};
