/**
 * The inspections' settings API: the checklist templates (`/api/inspection-checklists…`) and the rules
 * (`/api/inspection-rules`). Everyone in the inspections section reads them; the standing agency and
 * administrators change them (the answers' `abilities.manage` say which, so the page never repeats the rule).
 */
import { api } from '../../../lib/api';
import type {
  Area,
  RuleVersionCreate,
  RuleVersionCreated,
  Rules,
  Template,
  TemplateCreate,
  Templates,
  TemplateVersions,
} from './types';

export const inspectionSettingsKeys = {
  templates: ['inspections', 'settings', 'templates'] as const,
  versions: (area: Area) => ['inspections', 'settings', 'templates', area] as const,
  rules: ['inspections', 'settings', 'rules'] as const,
};

export const getTemplates = () => api.get<Templates>('/api/inspection-checklists');

export const getTemplateVersions = (area: Area) =>
  api.get<TemplateVersions>(`/api/inspection-checklists/${area}/versions`);

/** A new version of an area's template; `basedOn` is the version the edit started from (409 if replaced since). */
export const addTemplateVersion = (area: Area, input: TemplateCreate) =>
  api.post<Template>(`/api/inspection-checklists/${area}`, input);

export const getRules = () => api.get<Rules>('/api/inspection-rules');

export const addRuleVersion = (input: RuleVersionCreate) =>
  api.post<RuleVersionCreated>('/api/inspection-rules', input);
