// The one Drizzle schema: every module's tables, for drizzle-kit and for typed queries.
export * from '../modules/units/units.table.js';
export * from '../modules/users/users.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../modules/access/access.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/files/files.table.js';
export * from '../modules/documents/documents.table.js';
export * from '../modules/units/lineage.table.js';
export * from '../modules/calendar/calendar.table.js';
export * from '../modules/periods/periods.table.js';
export * from '../modules/committees/committees.table.js';
export * from '../modules/plans/plans.table.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/plans/exchange.table.js';
export * from '../modules/meetings/meetings.table.js';
export * from '../modules/pilots/pilots.table.js';
export * from '../modules/dossiers/dossiers.table.js';
