import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  type RouteComponent,
} from '@tanstack/react-router';
import { fetchSession, sessionQueryKey } from '../lib/session';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { queryClient } from './query-client';

const currentSession = () =>
  queryClient.ensureQueryData({ queryKey: sessionQueryKey, queryFn: fetchSession });
const safeRedirect = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;

/**
 * Every page is its own chunk, fetched when its route is first visited (features/<name>/… → assets/<Page>-<hash>.js);
 * the entry holds only React, the router, the query client, Mantine core, i18n and the application shell.
 * A chunk missing after a deploy reloads the page once (lazyRouteComponent), which fetches the new index.html.
 */
const LoginPage = lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage');
const HomePage = lazyRouteComponent(() => import('../features/home/HomePage'), 'HomePage');

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

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

/** Everything behind sign-in, inside the application shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    if (!(await currentSession()))
      throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const child = <P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    child('/', HomePage),
    child(
      '/profile',
      lazyRouteComponent(() => import('../features/auth/ProfilePage'), 'ProfilePage'),
    ),
    child(
      '/documents',
      lazyRouteComponent(() => import('../features/documents/DocumentsListPage'), 'DocumentsListPage'),
    ),
    child(
      '/documents/new',
      lazyRouteComponent(() => import('../features/documents/DocumentFormPage'), 'DocumentCreatePage'),
    ),
    child(
      '/documents/$documentId',
      lazyRouteComponent(() => import('../features/documents/DocumentDetailPage'), 'DocumentDetailPage'),
    ),
    child(
      '/documents/$documentId/edit',
      lazyRouteComponent(() => import('../features/documents/DocumentFormPage'), 'DocumentEditPage'),
    ),
    child(
      '/units',
      lazyRouteComponent(() => import('../features/units/UnitsPage'), 'UnitsPage'),
    ),
    child(
      '/units/unresolved',
      lazyRouteComponent(() => import('../features/units/UnresolvedPage'), 'UnresolvedPage'),
    ),
    child(
      '/units/events/new',
      lazyRouteComponent(() => import('../features/units/EventCreatePage'), 'EventCreatePage'),
    ),
    child(
      '/units/$unitId',
      lazyRouteComponent(() => import('../features/units/UnitDetailPage'), 'UnitDetailPage'),
    ),
    child(
      '/users',
      lazyRouteComponent(() => import('../features/users/UsersListPage'), 'UsersListPage'),
    ),
    child(
      '/users/new',
      lazyRouteComponent(() => import('../features/users/UserCreatePage'), 'UserCreatePage'),
    ),
    child(
      '/users/$userId',
      lazyRouteComponent(() => import('../features/users/UserDetailPage'), 'UserDetailPage'),
    ),
    child(
      '/audit',
      lazyRouteComponent(() => import('../features/audit/AuditPage'), 'AuditPage'),
    ),
    child(
      '/committees',
      lazyRouteComponent(() => import('../features/committees/CommitteesPage'), 'CommitteesPage'),
    ),
    child(
      '/meetings',
      lazyRouteComponent(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage'),
    ),
    child(
      '/meetings/new/$committeeId',
      lazyRouteComponent(() => import('../features/meetings/MeetingFormPage'), 'MeetingCreatePage'),
    ),
    child(
      '/meetings/$meetingId',
      lazyRouteComponent(() => import('../features/meetings/MeetingDetailPage'), 'MeetingDetailPage'),
    ),
    child(
      '/meetings/$meetingId/edit',
      lazyRouteComponent(() => import('../features/meetings/MeetingFormPage'), 'MeetingEditPage'),
    ),
    child(
      '/plans',
      lazyRouteComponent(() => import('../features/plans/PlansListPage'), 'PlansListPage'),
    ),
    child(
      '/plans/$planId',
      lazyRouteComponent(() => import('../features/plans/PlanDetailPage'), 'PlanDetailPage'),
    ),
    child(
      '/plans/$planId/dashboard',
      lazyRouteComponent(() => import('../features/plans/dashboard/DashboardPage'), 'DashboardPage'),
    ),
    child(
      '/pilots',
      lazyRouteComponent(() => import('../features/pilots/PilotsPage'), 'PilotsPage'),
    ),
    child(
      '/pilots/units/$pilotUnitId',
      lazyRouteComponent(() => import('../features/pilots/PilotUnitPage'), 'PilotUnitPage'),
    ),
    child(
      '/dossiers',
      lazyRouteComponent(() => import('../features/dossiers/DashboardPage'), 'DossiersDashboardPage'),
    ),
    child(
      '/dossiers/import',
      lazyRouteComponent(() => import('../features/dossiers/ImportPage'), 'ImportPage'),
    ),
    child(
      '/dossiers/mappings',
      lazyRouteComponent(() => import('../features/dossiers/MappingsPage'), 'MappingsPage'),
    ),
    child(
      '/dossiers/tokens',
      lazyRouteComponent(() => import('../features/dossiers/TokensPage'), 'TokensPage'),
    ),
    child(
      '/dossiers/settings',
      lazyRouteComponent(() => import('../features/dossiers/SettingsPage'), 'SettingsPage'),
    ),
    child(
      '/cockpit',
      lazyRouteComponent(() => import('../features/home/CockpitPage'), 'CockpitPage'),
    ),
    child(
      '/calendar',
      lazyRouteComponent(() => import('../features/calendar/CalendarPage'), 'CalendarPage'),
    ),
    child(
      '/notifications',
      lazyRouteComponent(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage'),
    ),
  ]),
]);

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
