/** The landing page's API (`/api/home`, `/api/home/cockpit`; contract in server/modules/home/home.schemas.ts). */
import { api } from '../../lib/api';
import type { Role } from '../../lib/types';
import type { WorkTiming } from '../../components/workflow/work';

export type Panel = 'admin' | 'owed' | 'review' | 'following' | 'province' | 'coming';
export type Ratio = { numerator: number; denominator: number; value: number | null };

export type PlanFigures = {
  id: string;
  title: string;
  year: number;
  total: number;
  verified: number;
  overdue: number;
  completionPct: number | null;
  link: string;
};

export type Province = {
  asOf: string;
  year: number;
  plan: PlanFigures | null;
  latestPlan: PlanFigures | null;
  plansLink: string;
  pilots: { year: number; total: number; overdue: number; verified: number; link: string } | null;
  dossiers: {
    from: string;
    to: string;
    toProcess: number;
    received: number;
    onTimeRate: Ratio;
    onlineRate: Ratio;
    link: string;
  } | null;
};

export type SetupItem = {
  id:
    | 'migrations_pending'
    | 'jobs_failed'
    | 'worker_stalled'
    | 'imports_failed'
    | 'calendar_unconfirmed'
    | 'no_province_committee'
    | 'users_without_grants'
    | 'units_without_focal_point'
    | 'smtp_missing';
  severity: 'problem' | 'todo';
  count: number | null;
  params: Record<string, string | number>;
  link: string | null;
};

export type AdminPanel = {
  health: {
    database: {
      engine: 'pglite' | 'postgres';
      migrations: { expected: number; applied: number; latest: string | null };
      upToDate: boolean;
    };
    worker: {
      intervalSeconds: number;
      pending: number;
      failed: number;
      nextRunAt: string | null;
      stalled: boolean;
      lastFailureAt: string | null;
    };
    imports: { failed: number; lastFailedAt: string | null };
    mail: { configured: boolean };
  };
  setup: SetupItem[];
};

export type Home = {
  asOf: string;
  panels: Panel[];
  units: { id: string; name: string; roles: Role[] }[];
  province: Province | null;
  admin: AdminPanel | null;
  coming: {
    capability: 'par_index' | 'inspection' | 'hotline';
    links: { section: string; link: string }[];
  }[];
};

export type CockpitTask = {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  leadUnitId: string;
  plan: { id: string; title: string; year: number };
  timing: WorkTiming;
};
export type CockpitPilotItem = {
  id: string;
  title: string;
  status: string;
  dueDate: string;
  unitId: string;
  unitName: string;
  pilotUnitId: string;
  year: number;
  timing: WorkTiming;
};
export type Cockpit = {
  asOf: string;
  units: {
    unitId: string;
    unitName: string;
    committeeName: string;
    total: number;
    overdue: string[];
    verified: string[];
  }[];
  tasks: CockpitTask[];
  pilotItems: CockpitPilotItem[];
  recentProgress: {
    id: string;
    taskId: string;
    note: string | null;
    percent: number | null;
    at: string;
    on: string;
    actorName: string | null;
    unitName: string;
    task: { title: string; leadUnitId: string; planId: string };
  }[];
  nextReport: {
    key: string;
    label: { vi: string; en: string };
    due: string;
    window: { from: string; to: string };
  } | null;
  feedback: { available: boolean; items: never[] };
};

export const homeKeys = {
  home: ['home'] as const,
  cockpit: ['home', 'cockpit'] as const,
};

export const getHome = () => api.get<Home>('/api/home');
export const getCockpit = () => api.get<Cockpit>('/api/home/cockpit');
