import { createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { featureRoutes } from '../features';
import { appRoute, currentSession, rootRoute } from './feature';

const safeRedirect = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;

/**
 * Every page is its own chunk, fetched when its route is first visited (features/<name>/… → assets/<Page>-<hash>.js);
 * the entry holds only React, the router, the query client, Mantine core, i18n and the application shell.
 * A chunk missing after a deploy reloads the page once (lazyRouteComponent), which fetches the new index.html.
 * Each feature declares its pages in its own `feature.ts`; `features/index.ts` lists the features.
 */
const LoginPage = lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage');

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ search }) => {
    if (await currentSession()) throw redirect({ href: search.redirect ?? '/' });
  },
  component: LoginPage,
});

const routeTree = rootRoute.addChildren([loginRoute, appRoute.addChildren(featureRoutes)]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

// The session check (beforeLoad) starts now, and the first page's code is fetched along with it, not after it.
void currentSession().catch(() => undefined);
for (const route of router.getMatchedRoutes(window.location.pathname)[0]) {
  void router.loadRouteChunk(route)?.catch(() => undefined);
}

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
