/** The landing page's API (`/api/home`, `/api/home/cockpit`): the server's own types (its Zod schemas). */
import type {
  CockpitOut as Cockpit,
  HomeOut as Home,
  ProvinceOut as Province,
} from '../../../../server/modules/home/home.schemas';
import { api } from '../../lib/api';

export type {
  AdminOut as AdminPanel,
  CockpitOut as Cockpit,
  HomeOut as Home,
  Panel,
  ProvinceOut as Province,
  SetupItemOut as SetupItem,
} from '../../../../server/modules/home/home.schemas';
export type PlanFigures = NonNullable<Province['plan']>;
export type Overview = NonNullable<Home['overview']>;
export type Ratio = NonNullable<Province['dossiers']>['onTimeRate'];
export type CockpitTask = Cockpit['tasks'][number];
export type CockpitPilotItem = Cockpit['pilotItems'][number];

export const homeKeys = {
  home: ['home'] as const,
  cockpit: ['home', 'cockpit'] as const,
};

export const getHome = () => api.get<Home>('/api/home');
export const getCockpit = () => api.get<Cockpit>('/api/home/cockpit');
