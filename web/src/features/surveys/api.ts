/**
 * The surveys' office API (`/api/surveys…`, issue 17): the year's surveys and the shipped templates, one survey with
 * its current version, targets and abilities, its edits (settings, definition, targets; each with the version read:
 * 409 when stale), opening and closing, respondent lists and reminders, results, flags, exports and posters. The
 * types are the server's own (type-only imports of its Zod schemas, erased from the bundle), so the pages and the
 * server cannot drift.
 */
import type { z } from 'zod';
import type {
  definitionIn,
  FlagsOut,
  InvitationImportOut,
  InvitationLinksOut,
  PostersOut,
  RemindOut,
  resultsQuery,
  ResultsOut,
  SampleSizeOut,
  SurveyDetailOut,
  SurveyListOut,
  SurveySummaryOut,
  surveyCreateIn,
  surveyUpdateIn,
  targetsIn,
  TargetOut,
  TemplateListOut,
  TemplateOut,
} from '../../../../server/modules/surveys/surveys.schemas';
import { api } from '../../lib/api';

export type SurveyList = SurveyListOut;
export type SurveySummary = SurveySummaryOut;
export type Survey = SurveyDetailOut;
export type SurveyStatus = Survey['status'];
export type SurveyKind = Survey['kind'];
export type Target = TargetOut;
export type TargetGroup = Target['targetGroup'];
export type Template = TemplateOut;
export type TemplateList = TemplateListOut;
export type Results = ResultsOut;
export type ResultGroup = Results['groups'][number];
export type ResultCell = ResultGroup['cells'][number];
export type ItemDistribution = Results['items'][number];
export type Flags = FlagsOut;
export type Flag = Flags['items'][number];
export type FlagKind = Flag['kind'];
export type Channel = Flag['channel'];
export type Posters = PostersOut;
export type Poster = Posters['items'][number];
export type InvitationImport = InvitationImportOut;
export type InvitationLinks = InvitationLinksOut;
export type InvitationLink = InvitationLinks['links'][number];
export type SampleSize = SampleSizeOut;
export type Problem = Survey['problems'][number];
export type Bilingual = Survey['recorded'];

/** The questionnaire as data (server/modules/surveys/rules/definition.ts), through the contract's types. */
export type SurveyDefinition = Survey['current']['definition'];
export type Section = SurveyDefinition['sections'][number];
export type SurveyItem = Section['items'][number];
export type ItemKind = SurveyItem['kind'];
export type Condition = NonNullable<SurveyItem['showIf']>;
export type LeafCondition = Extract<Condition, { item: string }>;
export type ConditionOperator = LeafCondition['op'];
export type Choice = Extract<SurveyItem, { kind: 'single' }>['choices'][number];
export type MatrixRow = Extract<SurveyItem, { kind: 'matrix' }>['rows'][number];
export type ScalePoint = NonNullable<SurveyDefinition['scales']>[string][number];
export type IndexConfig = Survey['current']['indices'][number];

export type SurveyCreate = z.input<typeof surveyCreateIn>;
export type SurveyUpdate = z.input<typeof surveyUpdateIn>;
export type DefinitionSave = z.input<typeof definitionIn>;
export type TargetsSave = z.input<typeof targetsIn>;
export type TargetInput = TargetsSave['targets'][number];
export type ResultsQuery = z.input<typeof resultsQuery>;
export type ResultsBy = NonNullable<ResultsQuery['by']>;

/** Every value of a union, in the order shown (a Record, so a value added on the server fails the type check). */
const ordered = <K extends string>(all: Record<K, number>) =>
  (Object.keys(all) as K[]).sort((a, b) => all[a] - all[b]);

export const SURVEY_STATUSES = ordered<SurveyStatus>({ draft: 0, open: 1, closed: 2 });
export const SURVEY_KINDS = ordered<SurveyKind>({ satisfaction: 0, business: 1, par_index: 2, custom: 3 });
export const TARGET_GROUPS = ordered<TargetGroup>({ citizen: 0, business: 1, official: 2, deputy: 3 });
export const CHANNELS = ordered<Channel>({ qr: 0, invitation: 1, link: 2 });
export const RESULTS_BY = ordered<ResultsBy>({ unit: 0, channel: 1, month: 2, all: 3 });
export const FLAG_KINDS = ordered<FlagKind>({ identical_answers: 0, straight_lining: 1, too_fast: 2 });
export const ITEM_KINDS = ordered<ItemKind>({
  single: 0,
  multiple: 1,
  likert5: 2,
  matrix: 3,
  number: 4,
  text: 5,
});
export const CONDITION_OPERATORS = ordered<ConditionOperator>({
  eq: 0,
  neq: 1,
  in: 2,
  gte: 3,
  lte: 4,
  answered: 5,
});

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (year: number) => ['surveys', 'list', year] as const,
  templates: ['surveys', 'templates'] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  results: (id: string, q: ResultsQuery) => ['surveys', 'one', id, 'results', q] as const,
  flags: (id: string) => ['surveys', 'one', id, 'flags'] as const,
  posters: (id: string) => ['surveys', 'one', id, 'posters'] as const,
  sampleSize: (population: number, margin: number) => ['surveys', 'sample-size', population, margin] as const,
};

export const listSurveys = (year: number) => api.get<SurveyList>('/api/surveys', { query: { year } });
export const listTemplates = () => api.get<TemplateList>('/api/surveys/templates');
export const getSurvey = (id: string) => api.get<Survey>(`/api/surveys/${id}`);

/** A new survey from a shipped template, or a copy of an earlier survey (its latest version and targets). */
export const createSurvey = (input: SurveyCreate) => api.post<Survey>('/api/surveys', input);
export const updateSurvey = (id: string, input: SurveyUpdate) =>
  api.patch<Survey>(`/api/surveys/${id}`, input);

/** The whole definition with the version read: a published or answered version makes the next one. */
export const saveDefinition = (id: string, input: DefinitionSave) =>
  api.put<Survey>(`/api/surveys/${id}/definition`, input);
/** The questionnaire as an XLSForm-like workbook (a plain link: the browser downloads it). */
export const definitionXlsxHref = (id: string) => `/api/surveys/${id}/definition.xlsx`;
/** A questionnaire from a workbook (field `file`); a 400 lists each row's problem (`details`). */
export const importDefinition = (id: string, file: File) =>
  api.upload<Survey>(`/api/surveys/${id}/definition.xlsx`, file);

export const saveTargets = (id: string, input: TargetsSave) =>
  api.put<Survey>(`/api/surveys/${id}/targets`, input);
export const getSampleSize = (population: number, margin: number) =>
  api.get<SampleSize>('/api/surveys/sample-size', { query: { population, margin } });

export const openSurvey = (id: string, version: number) =>
  api.post<Survey>(`/api/surveys/${id}/open`, { version });
export const closeSurvey = (id: string, version: number) =>
  api.post<Survey>(`/api/surveys/${id}/close`, { version });

/**
 * A respondent list (XLSX: Đơn vị, Nhóm, Họ tên, E-mail, Điện thoại / Zalo): all or nothing, idempotent; the
 * phone-only rows' links come back in the answer, this once.
 */
export const importInvitations = (id: string, file: File) =>
  api.upload<InvitationImport>(`/api/surveys/${id}/invitations`, file);
/** Fresh links for the phone-only invitations not used yet (the earlier ones stop working). */
export const reissueInvitationLinks = (id: string) =>
  api.post<InvitationLinks>(`/api/surveys/${id}/invitations/links`, {});
export const remindInvitations = (id: string) =>
  api.post<RemindOut>(`/api/surveys/${id}/invitations/remind`, {});

export const getResults = (id: string, query: ResultsQuery) =>
  api.get<Results>(`/api/surveys/${id}/results`, { query });
export const getFlags = (id: string) => api.get<Flags>(`/api/surveys/${id}/flags`);
/** The anonymised answers as a workbook (`abilities.export`). */
export const responsesXlsxHref = (id: string) => `/api/surveys/${id}/responses.xlsx`;
export const getPosters = (id: string) => api.get<Posters>(`/api/surveys/${id}/posters`);
