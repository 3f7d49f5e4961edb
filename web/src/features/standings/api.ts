/**
 * The standings API (`/api/standings…`). The types are the server's own (type-only imports of its Zod schemas,
 * erased from the bundle), so the two cannot drift.
 */
import type { z } from 'zod';
import type {
  ImportOut,
  ImprovementListOut,
  ImprovementOut,
  OverviewOut,
  PlanOptionsOut,
  ResultOut,
  TargetOut,
  improvementIn,
  improvementTaskIn,
  resultIn,
  targetIn,
} from '../../../../server/modules/standings/standings.schemas';
import { api } from '../../lib/api';

export type Overview = OverviewOut;
export type IndexView = Overview['indices'][number];
export type DimensionRow = IndexView['rows'][number];
export type Cell = DimensionRow['cells'][number];
export type Result = ResultOut;
export type Target = TargetOut;
export type Improvement = ImprovementOut;
export type ImprovementList = ImprovementListOut;
export type ImportResult = ImportOut;
export type PlanOptions = PlanOptionsOut;
export type IndexCode = IndexView['code'];
export type WeakReason = Cell['weak'][number];
export type TargetStatus = NonNullable<Cell['targetStatus']>;
export type Change = NonNullable<Cell['change']>;

export type ResultInput = z.input<typeof resultIn>;
export type TargetInput = z.input<typeof targetIn>;
export type ImprovementInput = z.input<typeof improvementIn>;
export type ImprovementTaskInput = z.input<typeof improvementTaskIn>;

export const standingKeys = {
  all: ['standings'] as const,
  overview: (fromYear: number, toYear: number) => ['standings', 'overview', fromYear, toYear] as const,
  improvements: ['standings', 'improvements'] as const,
  planOptions: (leadUnitId: string, year: number) => ['standings', 'plan-options', leadUnitId, year] as const,
};

export const getOverview = (fromYear: number, toYear: number) =>
  api.get<Overview>('/api/standings', { query: { fromYear, toYear } });
export const putResult = (input: ResultInput) => api.put<Result>('/api/standings/results', input);
export const deleteResult = (id: string, version: number) =>
  api.delete(`/api/standings/results/${id}`, { query: { version } });
export const putTarget = (input: TargetInput) => api.put<Target>('/api/standings/targets', input);
export const deleteTarget = (id: string, version: number) =>
  api.delete(`/api/standings/targets/${id}`, { query: { version } });

/** The workbook of the years shown (prefilled: also the import template). */
export const exportHref = (fromYear: number, toYear: number) =>
  `/api/standings/export.xlsx?fromYear=${fromYear}&toYear=${toYear}`;
export const importResults = (file: File, options: { dryRun: boolean; sourceDocumentId?: string | null }) =>
  api.upload<ImportResult>('/api/standings/import', file, undefined, {
    query: { dryRun: options.dryRun, sourceDocumentId: options.sourceDocumentId ?? undefined },
  });

export const listImprovements = () => api.get<ImprovementList>('/api/standings/improvements');
export const createImprovement = (input: ImprovementInput) =>
  api.post<Improvement>('/api/standings/improvements', input);
export const updateImprovement = (id: string, input: { reason: string; version: number }) =>
  api.patch<Improvement>(`/api/standings/improvements/${id}`, input);
export const addImprovementTasks = (id: string, input: { tasks: ImprovementTaskInput[]; version: number }) =>
  api.post<Improvement>(`/api/standings/improvements/${id}/tasks`, input);
export const getPlanOptions = (leadUnitId: string, year: number) =>
  api.get<PlanOptions>('/api/standings/improvements/plan-options', { query: { leadUnitId, year } });

export const INDEX_CODES = ['par_index', 'sipas', 'papi'] as const satisfies readonly IndexCode[];
export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const satisfies readonly DimensionRow['area'][];
