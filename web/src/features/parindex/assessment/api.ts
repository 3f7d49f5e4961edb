/**
 * One unit's PAR Index assessment (`/api/par/assessments/:id…`): the page's read, each item's self score,
 * appraisal and explanation, the evidence; the status steps go through the work engine
 * (`/api/work/par_assessment/:id/actions`). The types are the server's own (type-only imports of its Zod schemas).
 */
import type { z } from 'zod';
import type {
  AssessmentOut,
  evidenceLinkIn,
  EvidenceOut,
  ScoreOut,
} from '../../../../../server/modules/parindex/assessments.schemas';
import type {
  ActionOut,
  UploadRulesOut,
  WorkEventListOut,
} from '../../../../../server/modules/work/work.schemas';
import type {
  ScoreSaveOut,
  EvidenceSaveOut,
} from '../../../../../server/modules/parindex/assessments.schemas';
import { api } from '../../../lib/api';

export type Assessment = AssessmentOut;
export type Score = ScoreOut;
export type Evidence = EvidenceOut;
export type Rollup = Assessment['totals']['self'];
export type Tree = Assessment['framework']['tree'];
export type Field = Tree['fields'][number];
export type Criterion = Field['criteria'][number];
export type SubItem = Criterion['subs'][number];
export type Adjustment = Tree['bonus'][number];
export type ScoreSaved = ScoreSaveOut;
export type EvidenceSaved = EvidenceSaveOut;
export type LinkInput = z.input<typeof evidenceLinkIn>;
export type LinkKind = LinkInput['linkKind'];
export type ActionResult = ActionOut;
export type EventList = WorkEventListOut;
export type UploadRules = UploadRulesOut;

export const KIND = 'par_assessment';

export const assessmentKeys = {
  one: (id: string) => ['parindex', 'assessment', id] as const,
  events: (id: string) => ['parindex', 'assessment', id, 'events'] as const,
  uploadRules: ['work', 'upload-rules'] as const,
};

const base = (id: string) => `/api/par/assessments/${id}`;
const scorePath = (id: string, code: string) => `${base(id)}/scores/${encodeURIComponent(code)}`;

export const getAssessment = (id: string) => api.get<Assessment>(base(id));

export const saveSelf = (
  id: string,
  code: string,
  input: { points: number | null; note: string; version: number },
) => api.put<ScoreSaved>(`${scorePath(id, code)}/self`, input);
export const saveAppraisal = (
  id: string,
  code: string,
  input: { round: 1 | 2; points: number; reason: string; version: number },
) => api.put<ScoreSaved>(`${scorePath(id, code)}/appraisal`, input);
export const saveExplanation = (id: string, code: string, input: { text: string; version: number }) =>
  api.put<ScoreSaved>(`${scorePath(id, code)}/explanation`, input);

/** An evidence file for an item; `replaces` makes it the next version of an earlier one (which is kept). */
export const uploadEvidence = (id: string, code: string, file: File, replaces?: string) =>
  api.upload<EvidenceSaved>(`${scorePath(id, code)}/evidence`, file, undefined, {
    query: { replaces },
  });
export const linkEvidence = (id: string, code: string, input: LinkInput) =>
  api.post<EvidenceSaved>(`${scorePath(id, code)}/links`, input);
export const withdrawEvidence = (id: string, evidenceId: string) =>
  api.post<EvidenceSaved>(`${base(id)}/evidence/${evidenceId}/withdraw`);
export const evidenceFileHref = (id: string, fileId: string) => `/api/work/${KIND}/${id}/files/${fileId}`;

/** A status step (submit, appraise_1, explain, appraise_2, finalise) through the work engine. */
export const actOnAssessment = (id: string, action: string, version: number) =>
  api.post<ActionResult>(`/api/work/${KIND}/${id}/actions`, { action, version });
export const assessmentEvents = (id: string) => api.get<EventList>(`/api/work/${KIND}/${id}/events`);
export const uploadRules = () => api.get<UploadRules>('/api/work/upload-rules');
