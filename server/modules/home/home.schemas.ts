/**
 * The landing page's contract (`GET /api/home`, `GET /api/home/cockpit`): which panels a signed-in user
 * sees — computed from their roles on the server, the web never repeats the rule — and the panel data
 * that is not a work queue (the queues themselves come from `/api/work/queue`).
 */
import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { pilotItemsForUnitsOut } from '../pilots/pilots.schemas.js';
import { inspectionSummaryOut } from '../inspections/inspections.schemas.js';
import { CAMPAIGN_STAGES } from '../parindex/campaigns.schemas.js';
import { summaryOut } from '../dashboard/dashboard.schemas.js';
import { timingOut } from '../work/work.schemas.js';

const date = z.iso.date();

/**
 * owed: what my units owe (focal points, unit leaders); review: what awaits my verification (standing
 * agency, administrators); following: the units I follow (committee leaders, members); province: the
 * province's key figures; admin: system health and pending set-up; hotline: the feedback to triage, review and
 * chase (hotline officers); inspections: my inspections running and coming up, remediation to verify, overdue
 * recommendations (inspectors, the standing agency); parindex: the year's PAR Index campaign, the units awaiting
 * the council and the latest results (appraisers, the standing agency); coming: a capability of my role
 * that is not in chidao yet (appraisers, inspectors, hotline officers).
 */
export const PANELS = [
  'admin',
  'hotline',
  'inspections',
  'parindex',
  'owed',
  'review',
  'following',
  'province',
  'coming',
] as const;
export type Panel = (typeof PANELS)[number];

/** Capabilities announced to the roles that will use them, before their module exists. */
export const COMING = ['par_index', 'inspection'] as const;
export type Coming = (typeof COMING)[number];

/** A figure's ratio as computed by its module: numerator, denominator and the fraction (0–1, null if 0/0). */
const ratioOut = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });

const planFiguresOut = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  total: z.number().int(),
  verified: z.number().int(),
  overdue: z.number().int(),
  /** Completion under the plan's declared method, in percent (null without tasks). */
  completionPct: z.number().nullable(),
  /** The page that explains the figures (the plan's dashboard). */
  link: z.string(),
});

export const provinceOut = z.object({
  asOf: date,
  year: z.number().int(),
  /** This year's committee plan (null when the province has none yet: the web says so). */
  plan: planFiguresOut.nullable(),
  /** When there is no plan this year: the latest earlier one, for reference. */
  latestPlan: planFiguresOut.nullable(),
  plansLink: z.string(),
  /** Pilot direction of the latest programme year (null when there is none). */
  pilots: z
    .object({
      year: z.number().int(),
      total: z.number().int(),
      overdue: z.number().int(),
      verified: z.number().int(),
      link: z.string(),
    })
    .nullable(),
  /** Administrative-procedure dossiers of the year to date (null when the caller may not read them). */
  dossiers: z
    .object({
      from: date,
      to: date,
      toProcess: z.number(),
      received: z.number(),
      onTimeRate: ratioOut,
      onlineRate: ratioOut,
      link: z.string(),
    })
    .nullable(),
});
export type ProvinceOut = z.infer<typeof provinceOut>;

/** One thing an administrator should set up or fix: a sentence (the web's, by `id` and `params`) and a link. */
export const SETUP_ITEMS = [
  'migrations_pending',
  'jobs_failed',
  'worker_stalled',
  'imports_failed',
  'calendar_unconfirmed',
  'no_province_committee',
  'users_without_grants',
  'units_without_focal_point',
  'stale_links',
  'unit_history_missing',
  'departments_missing',
  'smtp_missing',
] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

export const setupItemOut = z.object({
  id: z.enum(SETUP_ITEMS),
  /** Urgent problems first (`problem`), then set-up still to do (`todo`). */
  severity: z.enum(['problem', 'todo']),
  count: z.number().int().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The page where it is fixed (null when it is fixed outside the application, e.g. a command). */
  link: z.string().nullable(),
});
export type SetupItemOut = z.infer<typeof setupItemOut>;

export const adminOut = z.object({
  health: z.object({
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      migrations: z.object({ expected: z.number(), applied: z.number(), latest: z.string().nullable() }),
      upToDate: z.boolean(),
    }),
    worker: z.object({
      /** 0 = the background worker is switched off. */
      intervalSeconds: z.number(),
      pending: z.number().int(),
      failed: z.number().int(),
      /** When the oldest pending job was due (a time long past means the worker is not running). */
      nextRunAt: z.string().nullable(),
      stalled: z.boolean(),
      lastFailureAt: z.string().nullable(),
    }),
    imports: z.object({ failed: z.number().int(), lastFailedAt: z.string().nullable() }),
    mail: z.object({ configured: z.boolean() }),
  }),
  setup: z.array(setupItemOut),
});
export type AdminOut = z.infer<typeof adminOut>;

const inspectionsPanelRecommendation = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  number: z.number().int(),
  text: z.string(),
  unitName: z.string(),
  dueDate: date,
  status: z.string(),
  link: z.string(),
});

export const homeOut = z.object({
  asOf: date,
  /** In the order the page shows them: the first answers the role's first question. */
  panels: z.array(z.enum(PANELS)),
  /** The units of my grants (names), each with the roles I hold over it. */
  units: z.array(z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.enum(ROLES)) })),
  province: provinceOut.nullable(),
  /**
   * With the province panel: the province dashboard's summary (issue 18) — the current quarter's key figures with
   * their change, the units where work is most overdue, the worst-moving figures — and the link to `/province`
   * (null when the caller reads no province's figures).
   */
  overview: summaryOut.nullable(),
  admin: adminOut.nullable(),
  /** The hotline's queues in figures, and the oldest cases to triage (hotline officers). */
  hotline: z
    .object({
      triage: z.number().int(),
      review: z.number().int(),
      overdue: z.number().int(),
      open: z.number().int(),
      toTriage: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          title: z.string(),
          channel: z.string(),
          receivedOn: date,
          triageDueDate: date,
          overdue: z.boolean(),
        }),
      ),
      link: z.string(),
    })
    .nullable(),
  /** Inspectors and the standing agency: the inspections running and coming up, remediation to verify, overdue. */
  inspections: z
    .object({
      current: z.array(inspectionSummaryOut),
      upcoming: z.array(inspectionSummaryOut),
      toVerify: z.array(inspectionsPanelRecommendation),
      overdue: z.array(inspectionsPanelRecommendation),
      counts: z.object({
        current: z.number().int(),
        upcoming: z.number().int(),
        toVerify: z.number().int(),
        overdue: z.number().int(),
      }),
      link: z.string(),
    })
    .nullable(),
  /** Appraisers and the standing agency: the newest PAR Index campaign, the latest results, next year's frameworks. */
  parindex: z
    .object({
      campaign: z
        .object({
          id: z.uuid(),
          year: z.number().int(),
          title: z.string(),
          stage: z.enum(CAMPAIGN_STAGES),
          deadline: date.nullable(),
          units: z.number().int(),
          awaitingCouncil: z.number().int(),
          councilRole: z.enum(['chair', 'member', 'secretary']).nullable(),
        })
        .nullable(),
      results: z
        .object({
          campaignId: z.uuid(),
          year: z.number().int(),
          top: z.array(
            z.object({
              group: z.string(),
              rank: z.number().int(),
              unitName: z.string(),
              percent: z.number(),
              grade: z.string(),
            }),
          ),
          below: z.number().int(),
          remediationBelow: z.number(),
        })
        .nullable(),
      nextYear: z.object({ year: z.number().int(), frameworks: z.number().int() }),
      office: z.boolean(),
      link: z.string(),
    })
    .nullable(),
  /** What my role will do in chidao once its module exists, and the pages I can use meanwhile. */
  coming: z.array(
    z.object({
      capability: z.enum(COMING),
      links: z.array(z.object({ section: z.string(), link: z.string() })),
    }),
  ),
});
export type HomeOut = z.infer<typeof homeOut>;

export const asOfQuery = z.object({ asOf: date.optional() });

const cockpitTaskOut = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  dueDate: date.nullable(),
  leadUnitId: z.uuid(),
  plan: z.object({ id: z.uuid(), title: z.string(), year: z.number().int() }),
  timing: timingOut,
});

/** The member cockpit: the same answer `GET /api/me/cockpit` of the plans module gave. */
export const cockpitOut = z.object({
  asOf: date,
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      committeeName: z.string(),
      total: z.number().int(),
      overdue: z.array(z.uuid()),
      verified: z.array(z.uuid()),
    }),
  ),
  tasks: z.array(cockpitTaskOut),
  /** The followed units' pilot items (../pilots), most urgent first. */
  pilotItems: z.array(pilotItemsForUnitsOut),
  recentProgress: z.array(
    z.object({
      id: z.uuid(),
      taskId: z.uuid(),
      note: z.string().nullable(),
      percent: z.number().nullable(),
      at: z.string(),
      on: z.string(),
      actorName: z.string().nullable(),
      unitName: z.string(),
      task: z.object({ title: z.string(), leadUnitId: z.uuid(), planId: z.uuid() }),
    }),
  ),
  nextReport: z
    .object({
      key: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
      due: date,
      window: z.object({ from: z.string(), to: z.string() }),
    })
    .nullable(),
  /** The reports I owe to a committee session as a member (open, not yet accepted), soonest first. */
  memberReports: z.array(
    z.object({ id: z.uuid(), meetingId: z.uuid().nullable(), dueDate: date, status: z.string() }),
  ),
  /** Citizens' feedback about the units followed, or handled by them (the hotline): open and recent. */
  feedback: z.object({
    available: z.boolean(),
    items: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        title: z.string(),
        status: z.string(),
        classification: z.string().nullable(),
        category: z.object({ vi: z.string(), en: z.string() }).nullable(),
        unitId: z.uuid(),
        unitName: z.string(),
        receivedOn: date,
        dueDate: date.nullable(),
        overdue: z.boolean(),
        satisfaction: z.enum(['satisfied', 'not_satisfied']).nullable(),
      }),
    ),
  }),
});
export type CockpitOut = z.infer<typeof cockpitOut>;
