import { loadModules, type ChidaoModule } from '../core/module.js';
/**
 * The modules of chidao, in the order their routes are registered. A new module is one line here (its
 * declaration, `server/modules/<name>/<name>.module.ts`, says the rest: server/core/module.ts); the app, the
 * navigation, the work engine, the messages and the demo read this list.
 */
import { accessModule } from './access/access.module.js';
import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { backupModule } from './backup/backup.module.js';
import { briefingModule } from './briefing/briefing.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { captchaModule } from './captcha/captcha.module.js';
import { committeesModule } from './committees/committees.module.js';
import { dashboardModule } from './dashboard/dashboard.module.js';
import { documentsModule } from './documents/documents.module.js';
import { dossiersModule } from './dossiers/dossiers.module.js';
import { homeModule } from './home/home.module.js';
import { hotlineModule } from './hotline/hotline.module.js';
import { inspectionsModule } from './inspections/inspections.module.js';
import { meetingsModule } from './meetings/meetings.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { parindexModule } from './parindex/parindex.module.js';
import { periodsModule } from './periods/periods.module.js';
import { pilotsModule } from './pilots/pilots.module.js';
import { plansModule } from './plans/plans.module.js';
import { portalModule } from './portal/portal.module.js';
import { programmesModule } from './programmes/programmes.module.js';
import { reportsModule } from './reports/reports.module.js';
import { standingsModule } from './standings/standings.module.js';
import { surveysModule } from './surveys/surveys.module.js';
import { systemModule } from './system/system.module.js';
import { tasksModule } from './tasks/tasks.module.js';
import { unitsModule } from './units/units.module.js';
import { usersModule } from './users/users.module.js';
import { workModule } from './work/work.module.js';

export const MODULES = [
  systemModule,
  authModule,
  usersModule,
  accessModule,
  unitsModule,
  auditModule,
  documentsModule,
  calendarModule,
  periodsModule,
  tasksModule,
  plansModule,
  committeesModule,
  notificationsModule,
  pilotsModule,
  meetingsModule,
  briefingModule,
  dossiersModule,
  reportsModule,
  captchaModule,
  hotlineModule,
  inspectionsModule,
  parindexModule,
  standingsModule,
  surveysModule,
  programmesModule,
  dashboardModule,
  portalModule,
  homeModule,
  workModule,
  backupModule,
] as const;

loadModules(MODULES as readonly ChidaoModule[]);
