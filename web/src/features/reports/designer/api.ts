/**
 * The form designer's API (`/api/report-forms`, `/api/report-form-versions`, `/api/report-assignments`): the
 * types are the server's own (type-only imports of its Zod schemas), so the two cannot drift.
 */
import type {
  AssignmentCreateBody,
  AssignmentListOut,
  AssignmentOut,
  AssignmentUpdateBody,
  FormDefinition,
  FormListOut,
  FormVersionOut,
} from '../../../../../server/modules/reports/reports.schemas';
import { api } from '../../../lib/api';

export type { AssignmentOut as Assignment, FormDefinition, FormVersionOut as FormVersion };
export type FormList = FormListOut;
export type FormSummary = FormListOut['items'][number];
export type Problem = FormVersionOut['problems'][number];
export type AssignmentInput = AssignmentCreateBody;
export type PeriodType = AssignmentCreateBody['periodType'];
export type UnitKind = NonNullable<AssignmentCreateBody['unitKinds']>[number];

/** The period types of an assignment, in the order the forms offer them (checked against the server's type). */
export const PERIOD_TYPES = [
  'month',
  'quarter',
  'half',
  'nine_months',
  'year',
] as const satisfies readonly PeriodType[];

/** The kinds of unit an assignment may name (checked against the server's type). */
export const UNIT_KINDS = [
  'province',
  'department',
  'district',
  'commune',
  'management_board',
  'party_body',
  'mass_organisation',
  'other',
] as const satisfies readonly UnitKind[];

export const designerKeys = {
  all: ['reports', 'designer'] as const,
  forms: ['reports', 'designer', 'forms'] as const,
  version: (id: string) => ['reports', 'designer', 'version', id] as const,
  assignments: (ownerUnitId: string) => ['reports', 'designer', 'assignments', ownerUnitId] as const,
};

export const listForms = () => api.get<FormListOut>('/api/report-forms');
export const createForm = (definition: FormDefinition) =>
  api.post<FormVersionOut>('/api/report-forms', { definition });
export const createDraft = (formKey: string) =>
  api.post<FormVersionOut>(`/api/report-forms/${encodeURIComponent(formKey)}/drafts`);
export const getVersion = (id: string) => api.get<FormVersionOut>(`/api/report-form-versions/${id}`);
export const saveDraft = (id: string, version: number, definition: FormDefinition) =>
  api.put<FormVersionOut>(`/api/report-form-versions/${id}`, { version, definition });
export const publishDraft = (id: string, version: number) =>
  api.post<FormVersionOut>(`/api/report-form-versions/${id}/publish`, { version });
export const discardDraft = (id: string, version: number) =>
  api.delete(`/api/report-form-versions/${id}`, { query: { version } });

export const listAssignments = (ownerUnitId: string) =>
  api.get<AssignmentListOut>('/api/report-assignments', { query: { ownerUnitId } });
export const createAssignment = (input: AssignmentCreateBody) =>
  api.post<AssignmentOut>('/api/report-assignments', input);
export const updateAssignment = (id: string, input: AssignmentUpdateBody) =>
  api.patch<AssignmentOut>(`/api/report-assignments/${id}`, input);
