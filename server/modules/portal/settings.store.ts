/** The stored publication settings of a province (one row; none = the defaults: nothing published). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PortalSettingsValues } from './portal.schemas.js';
import { portalSettings } from './portal.table.js';
import { normaliseSettings } from './rules/settings.js';

export type StoredSettings = {
  id: string | null;
  settings: PortalSettingsValues;
  /** The version an edit must send: 1 for the defaults never saved (the first save creates the row, version 2). */
  version: number;
  updatedAt: Date | null;
};

/** The settings of a province as stored, made whole; the defaults (version 1, never saved) without a row. */
export async function loadSettingsRow(
  db: Db,
  provinceId: string,
  provinceName: string,
): Promise<StoredSettings> {
  const [row] = await db.select().from(portalSettings).where(eq(portalSettings.provinceId, provinceId));
  if (!row) return { id: null, settings: normaliseSettings(null, provinceName), version: 1, updatedAt: null };
  return {
    id: row.id,
    settings: normaliseSettings(row.settings, provinceName),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
