/**
 * The contract of the plans API: yearly plans and units' own plans (`/api/plans…`), their tasks with derived
 * timing, links and the caller's actions (`/api/tasks/…`), progress updates, reviews and directions, the
 * unit leader's approval setting (`/api/units/:id/progress-approval`), KPIs and the as-of dashboard, and the
 * Excel import. The web takes its types from here (type-only imports), so the two cannot drift.
 */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { REFORM_AREAS, TASK_ACTIONS, TASK_STATUSES } from '../tasks/index.js';
import { actionIn, timingOut, workFileOut } from '../work/work.schemas.js';

const date = z.iso.date();
const dateTime = z.iso.datetime();

export { REFORM_AREAS, TASK_ACTIONS, TASK_STATUSES };
export type ReformArea = (typeof REFORM_AREAS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** 'committee': the Steering Committee's plan; 'unit': a department's or locality's own yearly plan. */
export const PLAN_OWNER_KINDS = ['committee', 'unit'] as const;
export type PlanOwnerKind = (typeof PLAN_OWNER_KINDS)[number];

/**
 * What a plan is for. 'reform': the owner's yearly PAR plan (kế hoạch CCHC năm) — a unit's own plan counts as
 * issued in the coverage and in the PAR Index's criterion only when it is this one; 'remediation': a unit's plan
 * made to hold the PAR Index's remediation work (kế hoạch khắc phục); 'improvement': a plan to improve a weak
 * dimension of a national index (kế hoạch cải thiện, the standings module).
 */
export const PLAN_PURPOSES = ['reform', 'remediation', 'improvement'] as const;
export type PlanPurpose = (typeof PLAN_PURPOSES)[number];

/** How a plan's completion is computed, declared per plan: share of verified tasks by count or by weight. */
export const COMPLETION_METHODS = ['count', 'weighted'] as const;
export type CompletionMethod = (typeof COMPLETION_METHODS)[number];

/** Where a task came from. */
export const TASK_SOURCES = [
  'plan',
  'conclusion',
  'directive',
  'inspection',
  'feedback',
  'par_index',
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** What a task's history holds besides workflow actions: progress updates, their review, directions. */
export const TASK_EVENT_ACTIONS = [
  ...TASK_ACTIONS,
  'progress',
  'approve_progress',
  'reject_progress',
  'direction',
] as const;
export type TaskEventAction = (typeof TASK_EVENT_ACTIONS)[number];

/** A progress update's visibility: published to the province, or still inside the unit. */
export const PROGRESS_STATES = ['published', 'pending', 'rejected'] as const;

// ---------------------------------------------------------------------------------------------------
// Requests

const year = z.number().int().min(2000).max(2100);

/** Open tasks of earlier years' plans that are overdue today (what the year's list would hide). */
export const carriedOverQuery = z.object({
  /** Tasks of plans before this year. */
  year: z.coerce.number().int().min(2000).max(2100),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const carriedOverOut = z
  .object({
    year: z.number().int(),
    asOf: date,
    /** How many there are (before the limit). */
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        planId: z.uuid(),
        planYear: z.number().int(),
        planTitle: z.string(),
        leadUnitId: z.uuid(),
        leadUnitName: z.string(),
        status: z.enum(TASK_STATUSES),
        dueDate: date.nullable(),
        timing: timingOut,
      }),
    ),
  })
  .meta({ id: 'PlanTasksCarriedOver' });
export type CarriedOverOut = z.infer<typeof carriedOverOut>;

export const plansQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ownerKind: z.enum(PLAN_OWNER_KINDS).optional(),
  purpose: z.enum(PLAN_PURPOSES).optional(),
});

export const planIn = z.object({
  year,
  ownerUnitId: z.uuid(),
  ownerKind: z.enum(PLAN_OWNER_KINDS).optional(),
  /** Default 'reform' (the owner's yearly PAR plan). */
  purpose: z.enum(PLAN_PURPOSES).optional(),
  title: z.string().trim().min(3).max(500),
  documentId: z.uuid().nullish(),
  method: z.enum(COMPLETION_METHODS).optional(),
  focusAreas: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
  evidenceOptional: z.boolean().optional(),
});
export type PlanIn = z.input<typeof planIn>;

export const taskIn = z.object({
  title: z.string().trim().min(3).max(1000),
  description: z.string().max(5000).nullish(),
  reformArea: z.enum(REFORM_AREAS),
  leadUnitId: z.uuid(),
  supportingUnitIds: z.array(z.uuid()).max(100).optional(),
  directingMemberId: z.uuid().nullish(),
  startDate: date.nullish(),
  dueDate: date.nullish(),
  expectedOutput: z.string().max(2000).nullish(),
  focus: z.boolean().optional(),
  source: z.enum(TASK_SOURCES).optional(),
  sourceRef: z.string().max(300).nullish(),
  weight: z.number().positive().max(1000).nullish(),
  parentTaskId: z.uuid().nullish(),
});
export type TaskIn = z.input<typeof taskIn>;

/** A task's edit: its description fields (the due date moves only through `extend`; the source never). */
export const taskEditIn = taskIn
  .omit({ dueDate: true, source: true, sourceRef: true })
  .partial()
  .extend({ version: versionField });
export type TaskEditIn = z.input<typeof taskEditIn>;

/** A workflow action on a task (the work engine's action body, with the task workflow's actions). */
export const taskActionIn = actionIn.extend({ action: z.enum(TASK_ACTIONS) });
export type TaskActionIn = z.input<typeof taskActionIn>;

export const progressIn = z.object({
  note: z.string().trim().min(1).max(5000),
  percent: z.number().int().min(0).max(100).nullish(),
  fileIds: z.array(z.uuid()).max(20).optional(),
});
export type ProgressIn = z.input<typeof progressIn>;

export const progressReviewIn = z.object({
  action: z.enum(['approve_progress', 'reject_progress']),
  reason: z.string().trim().max(2000).nullish(),
});
export type ProgressReviewIn = z.input<typeof progressReviewIn>;

export const directionIn = z.object({ note: z.string().trim().min(1).max(5000) });
export type DirectionIn = z.input<typeof directionIn>;

export const dependencyIn = z.object({ dependsOnTaskId: z.uuid() });

export const approvalSettingIn = z.object({
  requireApproval: z.boolean(),
  /** The setting's version as read (0 when it was never set). */
  version: z.number().int().min(0),
});
export type ApprovalSettingIn = z.input<typeof approvalSettingIn>;

export const asOfQuery = z.object({ asOf: date.optional() });

export const unitCoverageQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  parentId: z.uuid().optional(),
});

// ---------------------------------------------------------------------------------------------------
// Plans

export const planOut = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    ownerUnitId: z.uuid(),
    /** The owner unit's full name ("Sở Tư pháp tỉnh Nghệ An"). */
    ownerName: z.string(),
    ownerKind: z.enum(PLAN_OWNER_KINDS),
    /** 'reform' (the owner's yearly PAR plan), 'remediation' (PAR Index remediation) or 'improvement' (a national index). */
    purpose: z.enum(PLAN_PURPOSES),
    title: z.string(),
    /** The register document that issued the plan. */
    documentId: z.uuid().nullable(),
    method: z.enum(COMPLETION_METHODS),
    focusAreas: z.array(z.string()),
    /** Whether a done report may come without an evidence file. */
    evidenceOptional: z.boolean(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Plan' });
export type PlanOut = z.infer<typeof planOut>;

/** One plan with what the caller may do with it (manage: add and edit tasks, link them, import). */
export const planDetailOut = planOut
  .extend({ abilities: z.object({ manage: z.boolean() }) })
  .meta({ id: 'PlanDetail' });
export type PlanDetailOut = z.infer<typeof planDetailOut>;

export const planListOut = z.object({
  items: z.array(planOut),
  /**
   * Every year that has a plan (whatever the filter), newest first, with how many plans of each kind: the
   * year list marks them, and the page opens on the latest one (not on a January with no plan yet).
   */
  years: z.array(z.object({ year: z.number().int(), committee: z.number().int(), unit: z.number().int() })),
  /**
   * What the caller may create (the plans policy: the committee's plan by the standing agency and
   * administrators; a unit's own plan also by its focal point or leader). The web shows "Tạo kế hoạch"
   * only then.
   */
  abilities: z.object({ createCommittee: z.boolean(), createUnit: z.boolean() }),
});
export type PlanListOut = z.infer<typeof planListOut>;

// ---------------------------------------------------------------------------------------------------
// Tasks

export const taskLinksOut = z.object({
  /** The tasks this one waits for (finish-to-start). */
  dependsOn: z.array(z.uuid()),
  /** The tasks that wait for this one. */
  dependedOnBy: z.array(z.uuid()),
  /** Prerequisites still owed: the task cannot be reported done yet. */
  blockedBy: z.array(z.uuid()),
  /** Its sub-tasks, cancelled ones left out: how many are reported done or verified, of how many. */
  subtasks: z.object({ finished: z.number().int(), total: z.number().int() }),
});
export type TaskLinksOut = z.infer<typeof taskLinksOut>;

/** A task as every route shows it: its fields, derived timing (never stored), links and the caller's actions. */
export const taskOut = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    parentTaskId: z.uuid().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    reformArea: z.enum(REFORM_AREAS),
    leadUnitId: z.uuid(),
    /** The lead unit's full name. */
    leadUnitName: z.string(),
    supportingUnitIds: z.array(z.uuid()),
    /** The committee membership that directs the task. */
    directingMemberId: z.uuid().nullable(),
    startDate: date.nullable(),
    /** The due date in force (moved by extensions). */
    dueDate: date.nullable(),
    /** The due date as first set (differs from `dueDate` once extended). */
    originalDueDate: date.nullable(),
    expectedOutput: z.string().nullable(),
    focus: z.boolean(),
    source: z.enum(TASK_SOURCES),
    sourceRef: z.string().nullable(),
    weight: z.number().nullable(),
    status: z.enum(TASK_STATUSES),
    /** The output of the latest done report. */
    output: z.string().nullable(),
    reportedOn: date.nullable(),
    verifiedOn: date.nullable(),
    /** The reason of the latest return, reopening, cancellation or extension. */
    lastReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
    timing: timingOut,
    /** The workflow actions the caller may take now (the web shows exactly these buttons). */
    allowedActions: z.array(z.enum(TASK_ACTIONS)),
    abilities: z.object({
      /** Post progress updates (the lead unit's staff and leader, the standing agency). */
      progress: z.boolean(),
      /** Give a direction (a committee leader, or the member following the lead unit). */
      direct: z.boolean(),
    }),
    links: taskLinksOut,
  })
  .meta({ id: 'PlanTask' });
export type TaskOut = z.infer<typeof taskOut>;

export const taskListOut = z.object({ items: z.array(taskOut) });
export type TaskListOut = z.infer<typeof taskListOut>;

/** One step of a task's history: a workflow action, a progress update, its review, or a direction. */
export const taskEventOut = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    action: z.enum(TASK_EVENT_ACTIONS),
    fromStatus: z.enum(TASK_STATUSES).nullable(),
    toStatus: z.enum(TASK_STATUSES).nullable(),
    /** The output, reason, update text or direction. */
    note: z.string().nullable(),
    percent: z.number().int().nullable(),
    /** The register document cited (cancellations, extensions). */
    documentId: z.uuid().nullable(),
    /** When it was recorded … */
    at: dateTime,
    /** … the day it took effect (lateness and KPIs count it) … */
    on: date,
    /** … and the day it was recorded (later than `on` when backfilled). */
    recordedOn: date,
    /** Who recorded it. */
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    fileIds: z.array(z.uuid()),
    /** The cited evidence files (those still stored), in citation order. */
    files: z.array(workFileOut),
    /** For progress updates: published, or still inside the unit (pending / rejected by its leader). */
    state: z.enum(PROGRESS_STATES).nullable(),
    /** Whether the caller (the lead unit's leader) may approve or reject this pending update. */
    canReview: z.boolean(),
    /** For approve_progress / reject_progress: the update reviewed. */
    reviewOf: z.uuid().nullable(),
  })
  .meta({ id: 'PlanTaskEvent' });
export type TaskEventOut = z.infer<typeof taskEventOut>;

export const taskEventListOut = z.object({ items: z.array(taskEventOut) });
export type TaskEventListOut = z.infer<typeof taskEventListOut>;

export const approvalSettingOut = z
  .object({
    unitId: z.uuid(),
    /** Staff progress updates wait for the unit leader's approval before the province sees them. */
    requireApproval: z.boolean(),
    /** 0 while never set. */
    version: z.number().int(),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'ProgressApprovalSetting' });
export type ApprovalSettingOut = z.infer<typeof approvalSettingOut>;

/** Which departments and localities under a parent issued their own yearly plan, as they stood that year. */
export const unitCoverageOut = z
  .object({
    year: z.number().int(),
    /** The day the units are taken as of: the year's last day, or today for the year under way. */
    asOf: date,
    parentId: z.uuid().nullable(),
    expected: z.number().int(),
    /** Ids of the units that issued theirs: the list behind the percentage. */
    issued: z.array(z.uuid()),
    percent: z.number().nullable(),
    units: z.array(
      z.object({
        unitId: z.uuid(),
        unitName: z.string(),
        /** The unit's kind key (department, district, commune, …). */
        kind: z.string(),
        plan: z.object({ id: z.uuid(), title: z.string(), documentId: z.uuid().nullable() }).nullable(),
        /**
         * The unit's other plans of the year — a remediation plan (PAR Index) or an improvement plan (a national
         * index): shown beside it, never counted as its yearly PAR plan.
         */
        otherPlans: z.array(
          z.object({ id: z.uuid(), title: z.string(), purpose: z.enum(['remediation', 'improvement']) }),
        ),
      }),
    ),
  })
  .meta({ id: 'UnitPlanCoverage' });
export type UnitCoverageOut = z.infer<typeof unitCoverageOut>;

// ---------------------------------------------------------------------------------------------------
// KPIs (each number with the ids of the tasks it counts)

export const metricOut = z
  .object({ value: z.number(), taskIds: z.array(z.string()) })
  .meta({ id: 'KpiMetric' });
export type MetricOut = z.infer<typeof metricOut>;

export const pctMetricOut = z
  .object({
    value: z.number().nullable(),
    method: z.enum(COMPLETION_METHODS),
    numerator: z.number(),
    denominator: z.number(),
    numeratorTaskIds: z.array(z.string()),
    taskIds: z.array(z.string()),
  })
  .meta({
    id: 'KpiPercentage',
    description:
      'Completion 0–100, unrounded (display rounds to two decimals), null when nothing is owed; numerator = verified, denominator = non-cancelled (by count or weight).',
  });
export type PctMetricOut = z.infer<typeof pctMetricOut>;

export const kpisOut = z
  .object({
    total: metricOut,
    notStarted: metricOut,
    inProgress: metricOut,
    reportedDone: metricOut,
    returned: metricOut,
    verified: metricOut,
    cancelled: metricOut,
    verifiedOnTime: metricOut,
    overdue: metricOut,
    completionPct: pctMetricOut,
  })
  .meta({ id: 'Kpis' });
export type KpisOut = z.infer<typeof kpisOut>;

/** A group's KPIs; `key` null = not assigned. */
const kpiGroupOut = z.object({ key: z.string().nullable(), kpis: kpisOut });

export const planKpisOut = z
  .object({
    method: z.enum(COMPLETION_METHODS),
    asOf: date,
    overall: kpisOut,
    /** By reform area (its key). */
    byReformArea: z.array(kpiGroupOut),
    /** By lead unit (its id). */
    byLeadUnit: z.array(kpiGroupOut),
  })
  .meta({ id: 'PlanKpis' });
export type PlanKpisOut = z.infer<typeof planKpisOut>;

// ---------------------------------------------------------------------------------------------------
// The dashboard

export const DIMENSIONS = ['area', 'unit', 'member', 'trend', 'pilot'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The numbers a drill-down can open: the KPIs' counts, the completion's numerator and its denominator. */
export const METRICS = [
  'total',
  'notStarted',
  'inProgress',
  'reportedDone',
  'returned',
  'verified',
  'cancelled',
  'verifiedOnTime',
  'overdue',
  /** The verified tasks of the completion rate's numerator. */
  'completion',
  /** The non-cancelled tasks of its denominator. */
  'owed',
] as const;
export type MetricKey = (typeof METRICS)[number];

/** A unit that carries a historical unit's facts (restatement), with its share. */
const restatedOut = z.object({ unitId: z.string(), name: z.string(), weight: z.number() });

export const dashboardOut = z
  .object({
    plan: z.object({ id: z.uuid(), title: z.string(), year: z.number(), ownerUnitId: z.uuid() }),
    asOf: date,
    today: date,
    restate: z.boolean(),
    method: z.object({ kind: z.enum(COMPLETION_METHODS), unweightedTaskIds: z.array(z.string()) }),
    memberBasis: z.literal('directed_or_followed'),
    committee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    overall: kpisOut,
    byArea: z.array(z.object({ key: z.string(), kpis: kpisOut })).nullable(),
    byUnit: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          fullName: z.string(),
          inForce: z.boolean(),
          restatedFrom: z.array(restatedOut),
          shares: z.record(z.string(), z.number()),
          kpis: kpisOut,
        }),
      )
      .nullable(),
    byMember: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          position: z.string(),
          office: z.string().nullable(),
          userId: z.string().nullable(),
          followedUnits: z.array(z.object({ unitId: z.string(), name: z.string() })),
          directedTaskIds: z.array(z.string()),
          kpis: kpisOut,
        }),
      )
      .nullable(),
    trend: z
      .array(
        z.object({
          /** YYYY-MM */
          month: z.string(),
          /** The month's last day (or the as-of day for the month under way). */
          on: date,
          verified: metricOut,
          verifiedOnTime: metricOut,
          overdue: metricOut,
          completionPct: pctMetricOut,
        }),
      )
      .nullable(),
    pilots: z
      .array(
        z.object({
          programmeId: z.uuid(),
          committeeName: z.string(),
          year: z.number(),
          overall: kpisOut,
          units: z.array(
            z.object({ pilotUnitId: z.uuid(), unitId: z.uuid(), unitName: z.string(), kpis: kpisOut }),
          ),
        }),
      )
      .nullable()
      .describe('Pilot programmes of the committee and year (groupBy=pilot); ids are pilot item ids'),
  })
  .meta({ id: 'PlanDashboard' });
export type DashboardOut = z.infer<typeof dashboardOut>;

export const drillOut = z
  .object({
    asOf: date,
    restate: z.boolean(),
    count: z.number(),
    items: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        reformArea: z.string(),
        focus: z.boolean(),
        leadUnitId: z.uuid(),
        leadUnitName: z.string(),
        restatedUnits: z.array(restatedOut),
        /** Whether the task existed on the as-of day. */
        existed: z.boolean(),
        status: z.enum(TASK_STATUSES).nullable(),
        dueDate: date.nullable(),
        originalDueDate: date.nullable(),
        extended: z.boolean(),
        reportedOn: date.nullable(),
        verifiedOn: date.nullable(),
        weight: z.number().nullable(),
        timing: timingOut
          .pick({ state: true, daysOverdue: true, daysLeft: true, effectiveDueDate: true })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanDashboardTasks' });
export type DrillOut = z.infer<typeof drillOut>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const dashboardCommon = {
  asOf: date.optional().describe('YYYY-MM-DD, today by default; not after today'),
  restate: bool
    .optional()
    .describe("true: lead units restated onto today's units; false (default): as they were"),
};

export const dashboardQuery = z.object({
  ...dashboardCommon,
  groupBy: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/)
    .refine((v) => v.split(',').every((d) => (DIMENSIONS as readonly string[]).includes(d)), {
      message: `Use ${DIMENSIONS.join(', ')}`,
    })
    .optional()
    .describe(`Comma-separated: ${DIMENSIONS.join(', ')} (default: all but pilot)`),
});

export const drillQuery = z.object({
  ...dashboardCommon,
  ids: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).max(1000))
    .optional(),
  dimension: z.enum(['overall', ...DIMENSIONS]).optional(),
  group: z.string().max(100).optional(),
  metric: z.enum(METRICS).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Excel import

/** dryRun=true only validates and previews; nothing is written. */
export const importQuery = z.object({ dryRun: z.stringbool().optional() });

/** One refused cell of an import: the worksheet row (as Excel numbers it), the column and why. */
export const importRowErrorOut = z.object({
  row: z.number(),
  field: z.string(),
  column: z.string(),
  key: z.string(),
  message: z.string(),
});
export type ImportRowErrorOut = z.infer<typeof importRowErrorOut>;

/** An import that was written: the tasks it created. */
export const importBatchOut = z.object({
  importId: z.uuid(),
  planId: z.uuid(),
  fileName: z.string(),
  created: z.number(),
  taskIds: z.array(z.uuid()),
  at: dateTime,
});
export type ImportBatchOut = z.infer<typeof importBatchOut>;

/** The answer to an import: the batch, and whether it is the first result of the same file sent again. */
export const importResultOut = importBatchOut.extend({ replayed: z.boolean() });
export type ImportResultOut = z.infer<typeof importResultOut>;

/** A dry run: whether every row is valid, the refused cells, and the tasks as they would be created. */
export const importPreviewOut = z.object({
  dryRun: z.literal(true),
  valid: z.boolean(),
  total: z.number(),
  rows: z.array(importRowErrorOut),
  tasks: z.array(
    z.object({
      row: z.number(),
      title: z.string(),
      reformArea: z.string(),
      leadUnitId: z.uuid(),
      leadUnitName: z.string(),
      supportingUnitNames: z.array(z.string()),
      startDate: date.nullable(),
      dueDate: date.nullable(),
      focus: z.boolean(),
      weight: z.number().nullable(),
      /** The status it is imported in, with the dates of its history (a province starting mid-year). */
      status: z.enum(TASK_STATUSES),
      reportedOn: date.nullable(),
      verifiedOn: date.nullable(),
      progress: z.number().int().nullable(),
    }),
  ),
  /** The same file was imported before (a real import would answer that result). */
  alreadyImported: importBatchOut.nullable(),
});
export type ImportPreviewOut = z.infer<typeof importPreviewOut>;

export const importListOut = z.object({ items: z.array(importBatchOut) });
export type ImportListOut = z.infer<typeof importListOut>;
