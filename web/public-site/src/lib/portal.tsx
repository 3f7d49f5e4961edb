/**
 * What every page of the site may need from `GET /api/public/portal/home`: the province, which sections it has
 * published (the navigation and the home page show only those) and the published years of each (a page without
 * a year in its address shows the newest). Loaded once per visit.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { portalApi } from './portal-api';
import type { PortalHomeOut } from './portal-types';
import { useJson, type Loaded } from './use-json';

export const PortalContext = createContext<Loaded<PortalHomeOut> | null>(null);

export function PortalProvider({ children }: { children: ReactNode }) {
  const home = useJson<PortalHomeOut>(portalApi.home());
  return <PortalContext.Provider value={home}>{children}</PortalContext.Provider>;
}

export function usePortal(): Loaded<PortalHomeOut> {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside PortalProvider');
  return value;
}
