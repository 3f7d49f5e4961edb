/**
 * The public portal's settings API (`/api/portal/settings`). The types are the server's own (type-only imports of
 * its Zod schemas, erased from the bundle), so the two cannot drift.
 */
import type { z } from 'zod';
import type { PortalSettingsOut, portalSettingsIn } from '../../../../server/modules/portal/portal.schemas';
import { api } from '../../lib/api';

export type PortalSettings = PortalSettingsOut;
export type PortalSettingsInput = z.input<typeof portalSettingsIn>;
export type PeriodKind = PortalSettings['dossiers']['periodKinds'][number];

export const portalKeys = { settings: ['portal', 'settings'] as const };

export const getPortalSettings = () => api.get<PortalSettings>('/api/portal/settings');
export const putPortalSettings = (input: PortalSettingsInput) =>
  api.put<PortalSettings>('/api/portal/settings', input);
