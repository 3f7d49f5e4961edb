/** The pages and navigation entry of the surveys (Khảo sát, issue 17; see web/src/app/feature.ts). */
import { IconClipboardList } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const surveysFeature = {
  routes: [
    // The year's surveys (the section's landing page) and "Tạo khảo sát".
    page(
      '/surveys',
      lazyRouteComponent(
        withPageTexts('surveys', () => import('./SurveysPage')),
        'SurveysPage',
      ),
    ),
    // One survey: the questionnaire builder, targets and quotas, invitations, results.
    page(
      '/surveys/$id',
      lazyRouteComponent(
        withPageTexts('surveys', () => import('./SurveyPage')),
        'SurveyPage',
      ),
    ),
    // The printable QR posters, one A4 page per target.
    page(
      '/surveys/$id/posters',
      lazyRouteComponent(
        withPageTexts('surveys', () => import('./PostersPage')),
        'PostersPage',
      ),
    ),
  ] as const,
  nav: [{ id: 'surveys', to: '/surveys', icon: IconClipboardList }] satisfies NavEntry[],
};
