/**
 * What a feature declares about itself, from its own folder (`web/src/features/<name>/feature.ts`): its pages
 * (each a lazy chunk) and its entries in the navigation. `web/src/features/index.ts` lists the features — a new
 * one is one line there; the router and the application shell read the list. Which entries a user sees is the
 * server's decision (the session's `navigation`, from each server module's sections).
 */
import type { Icon } from '@tabler/icons-react';
import { createRootRoute, createRoute, Outlet, redirect, type RouteComponent } from '@tanstack/react-router';
import { fetchSession, sessionQueryKey } from '../lib/session';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found';
import { queryClient } from './query-client';

export const currentSession = () =>
  queryClient.ensureQueryData({ queryKey: sessionQueryKey, queryFn: fetchSession });

export const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

/** Everything behind sign-in, inside the application shell. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    if (!(await currentSession()))
      throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

/** A page behind sign-in (its component a `lazyRouteComponent`, so the page is its own chunk). */
export const page = <P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

/** An entry of the navigation: the section id the server lists (`<section>` or `<section>.<page>`). */
export type NavEntry = {
  id: string;
  to: string;
  icon: Icon;
  /** Active only on exactly this path (the landing page). */
  exact?: boolean;
  /** A page inside a section: listed under it, indented. */
  sub?: boolean;
};
