/** The pages and navigation entries of this feature (see web/src/app/feature.ts). */
import { IconWorldShare } from '@tabler/icons-react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { page, type NavEntry } from '../../app/feature';
import { withPageTexts } from '../../lib/i18n';

export const portalFeature = {
  routes: [
    // What the public portal publishes (the standing agency chooses; the committee reads).
    page(
      '/portal',
      lazyRouteComponent(
        withPageTexts('portal', () => import('./PortalPage')),
        'PortalPage',
      ),
    ),
  ] as const,
  nav: [{ id: 'portal', to: '/portal', icon: IconWorldShare }] satisfies NavEntry[],
};
