/**
 * Self-inspections' API (`/api/self-inspections…`). The types are the server's own (type-only imports of its
 * Zod schemas), so the pages and the server cannot drift.
 */
import type {
  CoverageOut,
  MyUnitsOut,
  ProvinceCoverageOut,
  SelfInspectionBody,
  SelfInspectionListOut,
  SelfInspectionOut,
  SelfInspectionUpdateBody,
} from '../../../../../server/modules/inspections/self-inspections.schemas';
import { api, toQueryString } from '../../../lib/api';

export type MyUnits = MyUnitsOut;
export type Coverage = CoverageOut;
export type SubUnit = CoverageOut['subUnits'][number];
export type SelfInspection = SelfInspectionOut;
export type RecordList = SelfInspectionListOut;
export type Province = ProvinceCoverageOut;
export type ProvinceRow = ProvinceCoverageOut['items'][number];
export type InspectingKind = ProvinceRow['kind'];
export type CoverageStatus = ProvinceRow['status'];
export type Form = SelfInspectionOut['form'];
export type Area = SelfInspectionOut['areas'][number];
export type NewRecord = SelfInspectionBody;
export type RecordEdit = SelfInspectionUpdateBody;

/** The inspection forms and the content areas, in the order the forms offer them. */
export const FORMS: readonly Form[] = ['on_site', 'through_reports', 'combined'];
export const AREAS: readonly Area[] = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
];
export const KINDS: readonly InspectingKind[] = ['department', 'management_board', 'district', 'commune'];

export type ProvinceFilters = { year: number; kind: InspectingKind | null; notReached: boolean };

const provinceQuery = (f: ProvinceFilters) => ({
  year: f.year,
  kind: f.kind ?? undefined,
  notReached: f.notReached ? 'true' : undefined,
});

export const selfKeys = {
  all: ['self-inspections'] as const,
  mine: (year: number) => ['self-inspections', 'mine', year] as const,
  coverage: (unitId: string, year: number) => ['self-inspections', 'coverage', unitId, year] as const,
  list: (unitId: string, year: number) => ['self-inspections', 'list', unitId, year] as const,
  province: (f: ProvinceFilters) => ['self-inspections', 'province', f] as const,
};

export const getMyUnits = (year: number) =>
  api.get<MyUnits>('/api/self-inspections/units', { query: { year } });
export const getCoverage = (unitId: string, year: number) =>
  api.get<Coverage>('/api/self-inspections/coverage', { query: { unitId, year } });
export const listRecords = (unitId: string, year: number) =>
  api.get<RecordList>('/api/self-inspections', { query: { unitId, year } });
export const getProvince = (f: ProvinceFilters) =>
  api.get<Province>('/api/self-inspections/province', { query: provinceQuery(f) });
/** The Excel file of the same view (a plain link: the browser downloads it with its Vietnamese name). */
export const provinceXlsxHref = (f: ProvinceFilters) =>
  `/api/self-inspections/province.xlsx${toQueryString(provinceQuery(f))}`;

export const createRecord = (body: NewRecord) => api.post<SelfInspection>('/api/self-inspections', body);
export const updateRecord = (id: string, body: RecordEdit) =>
  api.put<SelfInspection>(`/api/self-inspections/${id}`, body);
export const deleteRecord = (id: string, version: number) =>
  api.delete(`/api/self-inspections/${id}`, { query: { version } });
