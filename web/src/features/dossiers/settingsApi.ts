import { api } from '../../lib/api';
import type { LightKey } from './dashboardApi';

export type ThresholdRule = {
  key: LightKey;
  direction: 'higher' | 'lower';
  green: number;
  amber: number;
  source: string | null;
};

export type Qd766Criterion = {
  key: string;
  weight: number;
  confirmed: boolean;
  formulaConfirmed: boolean;
  source: 'dossiers' | 'external';
};
export type Qd766Group = { key: string; max: number; confirmed: boolean; criteria: Qd766Criterion[] };

/** One version of the dossier rules (version 0 = the defaults shipped with chidao). */
export type RulesVersion = {
  id: string | null;
  version: number;
  effectiveFrom: string;
  isDefault: boolean;
  thresholds: ThresholdRule[];
  qd766: { version: string; validFrom: string; basis: string; groups: Qd766Group[] };
  note: string | null;
  legalBasis: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string | null;
};

export type DossierSettings = {
  asOf: string;
  current: RulesVersion;
  latestVersion: number;
  history: RulesVersion[];
  defaults: RulesVersion;
  abilities: { create: boolean };
};

export type NewRulesVersion = {
  version: number;
  effectiveFrom: string;
  note: string;
  legalBasis: string | null;
  thresholds: { key: LightKey; green: number; amber: number; source: string | null }[];
  qd766: {
    groups: {
      key: string;
      max: number;
      confirmed: boolean;
      criteria: { key: string; weight: number; confirmed: boolean }[];
    }[];
  };
};

export const settingsKeys = { all: ['dossiers', 'settings'] as const };

export const getSettings = () => api.get<DossierSettings>('/api/dossiers/settings');
export const addSettingsVersion = (body: NewRulesVersion) =>
  api.post<RulesVersion>('/api/dossiers/settings', body);
