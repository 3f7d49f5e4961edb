/**
 * The public portal's contract, read from the server's Zod schemas as types only (erased from the bundle): a
 * change on the server that the pages do not follow fails `tsc -p tsconfig.web.json`.
 */
export type {
  DossierFiguresOut,
  DossiersOut,
  OpenDataCatalogueOut,
  ParRankingRowOut,
  ParUnitOut,
  ParYearOut,
  ParYearsOut,
  PilotItemPublicOut,
  PilotsPublicOut,
  PlanPublicOut,
  PlanTaskPublicOut,
  PortalHomeOut,
  PublicTaskStatus,
} from '../../../../server/modules/portal/portal.schemas';
import type {
  DossiersOut,
  OpenDataCatalogueOut,
  ParYearOut,
  PlanPublicOut,
  PortalHomeOut,
} from '../../../../server/modules/portal/portal.schemas';

export type PortalSections = PortalHomeOut['sections'];
export type ParGroup = ParYearOut['groups'][number];
export type DossierUnitRow = DossiersOut['units'][number];
export type DossierPeriod = DossiersOut['periods'][number];
export type Completion = PlanPublicOut['figures'];
export type PlanArea = PlanPublicOut['byArea'][number];
export type OpenDataset = OpenDataCatalogueOut['datasets'][number];
export type OpenDataColumn = OpenDataset['columns'][number];
