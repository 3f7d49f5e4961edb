/**
 * The dossier rules (`/api/dossiers/settings`): traffic-light thresholds and QĐ 766 weights as versions in
 * force from a date — the server's own types (settings/dossiers-settings.schemas.ts).
 */
import type {
  SettingsInput,
  SettingsOut,
  SettingsVersionOut,
} from '../../../../server/modules/dossiers/settings/dossiers-settings.schemas';
import { api } from '../../lib/api';

export type {
  Qd766CriterionOut as Qd766Criterion,
  Qd766GroupOut as Qd766Group,
  SettingsInput as NewRulesVersion,
  SettingsOut as DossierSettings,
  SettingsVersionOut as RulesVersion,
  ThresholdRuleOut as ThresholdRule,
} from '../../../../server/modules/dossiers/settings/dossiers-settings.schemas';

export const settingsKeys = { all: ['dossiers', 'settings'] as const };

export const getSettings = () => api.get<SettingsOut>('/api/dossiers/settings');
export const addSettingsVersion = (body: SettingsInput) =>
  api.post<SettingsVersionOut>('/api/dossiers/settings', body);
