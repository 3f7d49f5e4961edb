/**
 * The features of the web app. A new feature is one line here (its `feature.ts` declares its pages and
 * navigation entries: web/src/app/feature.ts); the router and the application shell read this list.
 */
import type { NavEntry } from '../app/feature';
import { homeFeature } from './home/feature';
import { dashboardFeature } from './dashboard/feature';
import { authFeature } from './auth/feature';
import { documentsFeature } from './documents/feature';
import { unitsFeature } from './units/feature';
import { usersFeature } from './users/feature';
import { auditFeature } from './audit/feature';
import { committeesFeature } from './committees/feature';
import { meetingsFeature } from './meetings/feature';
import { plansFeature } from './plans/feature';
import { pilotsFeature } from './pilots/feature';
import { dossiersFeature } from './dossiers/feature';
import { calendarFeature } from './calendar/feature';
import { notificationsFeature } from './notifications/feature';
import { reportsFeature } from './reports/feature';
import { hotlineFeature } from './hotline/feature';
import { inspectionsFeature } from './inspections/feature';
import { standingsFeature } from './standings/feature';
import { parindexFeature } from './parindex/feature';
import { surveysFeature } from './surveys/feature';
import { portalFeature } from './portal/feature';
import { programmesFeature } from './programmes/feature';

export const FEATURES = [
  homeFeature,
  dashboardFeature,
  authFeature,
  documentsFeature,
  unitsFeature,
  usersFeature,
  auditFeature,
  committeesFeature,
  meetingsFeature,
  plansFeature,
  pilotsFeature,
  dossiersFeature,
  calendarFeature,
  notificationsFeature,
  reportsFeature,
  inspectionsFeature,
  standingsFeature,
  parindexFeature,
  hotlineFeature,
  surveysFeature,
  portalFeature,
  programmesFeature,
] as const;

type Feature = (typeof FEATURES)[number];

/** Every feature's pages, for the router (one array whose element type is the union of all page routes). */
export const featureRoutes = FEATURES.flatMap((f) => [...f.routes]) as Feature['routes'][number][];

/** Every navigation entry (the server says which a user sees, and in which order). */
export const navEntries: readonly NavEntry[] = FEATURES.flatMap((f) => ('nav' in f ? f.nav : []));
