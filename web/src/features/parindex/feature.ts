/** The pages and navigation entries of the PAR Index (Chỉ số CCHC, issue 16; see web/src/app/feature.ts). */
import { IconChartBar, IconListCheck, IconTargetArrow } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const parindexFeature = {
  routes: [
    // The year's campaign (the section's landing page): stages, units' progress, the council; a unit's own card.
    page(
      '/par',
      lazyRouteComponent(
        withPageTexts('parindex', () => import('./campaign/CampaignPage')),
        'CampaignPage',
      ),
    ),
    // One unit's assessment: self scores with evidence, the rounds, the explanations, the totals.
    page(
      '/par/assessments/$id',
      lazyRouteComponent(
        withPageTexts('parindex', () => import('./assessment/AssessmentPage')),
        'AssessmentPage',
      ),
    ),
    // The criteria frameworks (every version), and one framework's tree.
    page(
      '/par/frameworks',
      lazyRouteComponent(
        withPageTexts('parindex', () => import('./frameworks/FrameworksPage')),
        'FrameworksPage',
      ),
    ),
    page(
      '/par/frameworks/$id',
      lazyRouteComponent(
        withPageTexts('parindex', () => import('./frameworks/FrameworkPage')),
        'FrameworkPage',
      ),
    ),
    // Results and rankings of a year.
    page(
      '/par/results',
      lazyRouteComponent(
        withPageTexts('parindex', () => import('./results/ResultsPage')),
        'ResultsPage',
      ),
    ),
  ] as const,
  nav: [
    { id: 'parindex', to: '/par', icon: IconTargetArrow, exact: true },
    { id: 'parindex.frameworks', to: '/par/frameworks', icon: IconListCheck, sub: true },
    { id: 'parindex.results', to: '/par/results', icon: IconChartBar, sub: true },
  ] satisfies NavEntry[],
};
