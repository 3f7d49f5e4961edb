import { integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PortalSettingsValues } from './portal.schemas.js';

/**
 * The public portal's publication settings (issue 18, item 3): one row per province, written by the standing
 * agency — which datasets are public (PAR Index campaigns, dossier figures and their periods, the committee's
 * plans, pilot units, the hotline's answers, open data), the licence and the publisher. No row: nothing is
 * published (the defaults, ./portal-settings.ts). Versioned; every change journalled.
 */
export const portalSettings = pgTable(
  'portal_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The province (its unit) the settings are for. */
    provinceId: uuid('province_id').notNull(),
    /** The settings (./portal.schemas.ts `portalSettingsValues`), read through `normaliseSettings`. */
    settings: jsonb('settings').$type<PortalSettingsValues>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('portal_settings_province_uq').on(t.provinceId)],
);
