import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ProfilePage } from '../features/auth/ProfilePage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { CommitteesPage } from '../features/committees/CommitteesPage';
import { DocumentDetailPage } from '../features/documents/DocumentDetailPage';
import { DocumentEditPage, DocumentCreatePage } from '../features/documents/DocumentFormPage';
import { DocumentsListPage } from '../features/documents/DocumentsListPage';
import { DossiersDashboardPage } from '../features/dossiers/DashboardPage';
import { ImportPage as DossiersImportPage } from '../features/dossiers/ImportPage';
import { MappingsPage as DossiersMappingsPage } from '../features/dossiers/MappingsPage';
import { SettingsPage as DossiersSettingsPage } from '../features/dossiers/SettingsPage';
import { TokensPage as DossiersTokensPage } from '../features/dossiers/TokensPage';
import { CockpitPage } from '../features/home/CockpitPage';
import { HomePage } from '../features/home/HomePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { MeetingDetailPage } from '../features/meetings/MeetingDetailPage';
import { MeetingCreatePage, MeetingEditPage } from '../features/meetings/MeetingFormPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { DashboardPage } from '../features/plans/dashboard/DashboardPage';
import { PlanDetailPage } from '../features/plans/PlanDetailPage';
import { PlansListPage } from '../features/plans/PlansListPage';
import { PilotsPage } from '../features/pilots/PilotsPage';
import { PilotUnitPage } from '../features/pilots/PilotUnitPage';
import { EventCreatePage } from '../features/units/EventCreatePage';
import { UnitDetailPage } from '../features/units/UnitDetailPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { UnresolvedPage } from '../features/units/UnresolvedPage';
import { UserCreatePage } from '../features/users/UserCreatePage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersListPage } from '../features/users/UsersListPage';
import { fetchSession, sessionQueryKey } from '../lib/session';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { queryClient } from './query-client';

const currentSession = () =>
  queryClient.ensureQueryData({ queryKey: sessionQueryKey, queryFn: fetchSession });
const safeRedirect = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;

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

const child = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    child('/', HomePage),
    child('/profile', ProfilePage),
    child('/documents', DocumentsListPage),
    child('/documents/new', DocumentCreatePage),
    child('/documents/$documentId', DocumentDetailPage),
    child('/documents/$documentId/edit', DocumentEditPage),
    child('/units', UnitsPage),
    child('/units/unresolved', UnresolvedPage),
    child('/units/events/new', EventCreatePage),
    child('/units/$unitId', UnitDetailPage),
    child('/users', UsersListPage),
    child('/users/new', UserCreatePage),
    child('/users/$userId', UserDetailPage),
    child('/audit', AuditPage),
    child('/committees', CommitteesPage),
    child('/meetings', MeetingsPage),
    child('/meetings/new/$committeeId', MeetingCreatePage),
    child('/meetings/$meetingId', MeetingDetailPage),
    child('/meetings/$meetingId/edit', MeetingEditPage),
    child('/plans', PlansListPage),
    child('/plans/$planId', PlanDetailPage),
    child('/plans/$planId/dashboard', DashboardPage),
    child('/pilots', PilotsPage),
    child('/pilots/units/$pilotUnitId', PilotUnitPage),
    child('/dossiers', DossiersDashboardPage),
    child('/dossiers/import', DossiersImportPage),
    child('/dossiers/mappings', DossiersMappingsPage),
    child('/dossiers/tokens', DossiersTokensPage),
    child('/dossiers/settings', DossiersSettingsPage),
    child('/cockpit', CockpitPage),
    child('/calendar', CalendarPage),
    child('/notifications', NotificationsPage),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
