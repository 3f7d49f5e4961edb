/**
 * The PAR Index frameworks' API (`/api/par/frameworks…`, issue 16): every version of the province's criteria sets,
 * the sets chidao ships, one version's tree, its edit (a version in use becomes the next one), its publication, the
 * workbook import and export. The types are the server's own (type-only imports of its Zod schemas, erased from the
 * bundle), so the pages and the server cannot drift.
 */
import type { z } from 'zod';
import type {
  adjustmentSchema,
  criterionSchema,
  fieldSchema,
  formulaSchema,
  frameworkCreateIn,
  FrameworkListOut,
  FrameworkOut,
  frameworkUpdateIn,
  gradeBandSchema,
  scoredItemSchema,
} from '../../../../../server/modules/parindex/frameworks.schemas';
import type {
  FrameworkSaveOut,
  FrameworkImportOut,
} from '../../../../../server/modules/parindex/frameworks.schemas';
import { api } from '../../../lib/api';

export type FrameworkList = FrameworkListOut;
export type FrameworkSummary = FrameworkList['frameworks'][number];
export type ShippedFramework = FrameworkList['shipped'][number];
export type Framework = FrameworkOut;
export type UnitGroup = FrameworkSummary['unitGroup'];
export type Tree = Framework['tree'];
export type Field = z.infer<typeof fieldSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type ScoredItem = z.infer<typeof scoredItemSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type GradeBand = z.infer<typeof gradeBandSchema>;
export type Formula = z.infer<typeof formulaSchema>;
export type Method = ScoredItem['method'];
export type ComputeSource = NonNullable<ScoredItem['source']>;
export type WhenNoData = NonNullable<ScoredItem['whenNoData']>;
export type FrameworkCreate = z.input<typeof frameworkCreateIn>;
export type FrameworkUpdate = z.input<typeof frameworkUpdateIn>;
export type FrameworkSave = FrameworkSaveOut;
export type FrameworkImport = FrameworkImportOut;

/** Every value of a union, in the order shown (a Record, so a value added on the server fails the type check). */
const ordered = <K extends string>(all: Record<K, number>) =>
  (Object.keys(all) as K[]).sort((a, b) => all[a] - all[b]);

/** The unit groups in the order the province lists them: departments, communes, the others. */
export const UNIT_GROUPS = ordered<UnitGroup>({ department: 0, commune: 1, other: 2 });
export const METHODS = ordered<Method>({ self: 0, computed: 1, survey: 2 });
export const COMPUTE_SOURCES = ordered<ComputeSource>({
  'plans.tasks_on_time': 0,
  'plans.own_plan_issued': 1,
  'reports.on_time': 2,
  'dossiers.on_time': 3,
  'dossiers.online': 4,
  'hotline.on_time': 5,
  'inspections.recommendations_on_time': 6,
});
export const FORMULA_TYPES = ordered<Formula['type']>({ linear: 0, bands: 1, all_or_nothing: 2 });
export const WHEN_NO_DATA = ordered<WhenNoData>({ full: 0, zero: 1, manual: 2 });

/** The locale key of a data source (`dossiers.on_time` → `dossiers_on_time`: i18next reads dots as nesting). */
export const sourceKey = (source: ComputeSource) => source.replace(/\./g, '_');

export const frameworkKeys = {
  all: ['par', 'frameworks'] as const,
  list: ['par', 'frameworks', 'list'] as const,
  siblings: (year: number, group: UnitGroup) => ['par', 'frameworks', 'list', year, group] as const,
  one: (id: string) => ['par', 'frameworks', 'one', id] as const,
};

export const listFrameworks = (query: { year?: number; group?: UnitGroup } = {}) =>
  api.get<FrameworkList>('/api/par/frameworks', { query });

export const getFramework = (id: string) => api.get<Framework>(`/api/par/frameworks/${id}`);

/** A new draft: from a shipped set, or a copy of a version (last year's, forward). */
export const createFramework = (input: FrameworkCreate) => api.post<Framework>('/api/par/frameworks', input);

/** The whole framework with the version read; `newVersion` says the edit became the next version. */
export const updateFramework = (id: string, input: FrameworkUpdate) =>
  api.put<FrameworkSave>(`/api/par/frameworks/${id}`, input);

export const publishFramework = (id: string, version: number) =>
  api.post<Framework>(`/api/par/frameworks/${id}/publish`, { version });

/**
 * A framework from a workbook (the field `file`), for a year and a group: 201 with the new draft, 200 when a version
 * with the same content exists (`created: false`); a 400 lists each row's problem (`details`).
 */
export const importFramework = (file: File, year: number, group: UnitGroup) =>
  api.upload<FrameworkImport>('/api/par/frameworks/import', file, undefined, { query: { year, group } });

/** The version as a workbook (a plain link: the browser downloads it with its Vietnamese name). */
export const frameworkXlsxHref = (id: string) => `/api/par/frameworks/${id}/export.xlsx`;
