/**
 * The addresses of the public portal's API (server/modules/portal, anonymous, `GET` only). Open data files are
 * plain links (`/api/open-data/<name>.csv|.json`) the catalogue gives.
 */
export const PORTAL_API = '/api/public/portal';
export const OPEN_DATA_API = '/api/open-data';

export const portalApi = {
  home: () => PORTAL_API,
  parYears: () => `${PORTAL_API}/par`,
  parYear: (year: number) => `${PORTAL_API}/par/${year}`,
  parUnit: (year: number, unitId: string) => `${PORTAL_API}/par/${year}/units/${encodeURIComponent(unitId)}`,
  /** `?year=&period=` */
  dossiers: () => `${PORTAL_API}/dossiers`,
  plan: (year: number) => `${PORTAL_API}/plan/${year}`,
  pilots: (year: number) => `${PORTAL_API}/pilots/${year}`,
  openData: () => OPEN_DATA_API,
};
