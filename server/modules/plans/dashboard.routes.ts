import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { TASK_STATUSES } from '../tasks/index.js';
import { dashboardTasks, DIMENSIONS, METRICS, planDashboard, type Dimension } from './dashboard.service.js';

const metric = z.object({ value: z.number(), taskIds: z.array(z.string()) }).meta({ id: 'KpiMetric' });
const pctMetric = z
  .object({
    value: z.number().nullable(),
    method: z.enum(['count', 'weighted']),
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
const kpis = z
  .object({
    total: metric,
    notStarted: metric,
    inProgress: metric,
    reportedDone: metric,
    returned: metric,
    verified: metric,
    cancelled: metric,
    verifiedOnTime: metric,
    overdue: metric,
    completionPct: pctMetric,
  })
  .meta({ id: 'Kpis' });

const dashboardOut = z
  .object({
    plan: z.object({ id: z.uuid(), title: z.string(), year: z.number(), ownerUnitId: z.uuid() }),
    asOf: z.string(),
    today: z.string(),
    restate: z.boolean(),
    method: z.object({ kind: z.enum(['count', 'weighted']), unweightedTaskIds: z.array(z.string()) }),
    memberBasis: z.literal('directed_or_followed'),
    committee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    overall: kpis,
    byArea: z.array(z.object({ key: z.string(), kpis })).nullable(),
    byUnit: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          fullName: z.string(),
          inForce: z.boolean(),
          restatedFrom: z.array(z.object({ unitId: z.string(), name: z.string(), weight: z.number() })),
          shares: z.record(z.string(), z.number()),
          kpis,
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
          kpis,
        }),
      )
      .nullable(),
    trend: z
      .array(
        z.object({
          month: z.string(),
          on: z.string(),
          verified: metric,
          verifiedOnTime: metric,
          overdue: metric,
          completionPct: pctMetric,
        }),
      )
      .nullable(),
    pilots: z
      .array(
        z.object({
          programmeId: z.uuid(),
          committeeName: z.string(),
          year: z.number(),
          overall: kpis,
          units: z.array(z.object({ pilotUnitId: z.uuid(), unitId: z.uuid(), unitName: z.string(), kpis })),
        }),
      )
      .nullable()
      .describe('Pilot programmes of the committee and year (groupBy=pilot); ids are pilot item ids'),
  })
  .meta({ id: 'PlanDashboard' });

const drillOut = z
  .object({
    asOf: z.string(),
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
        restatedUnits: z.array(z.object({ unitId: z.string(), name: z.string(), weight: z.number() })),
        existed: z.boolean(),
        status: z.enum(TASK_STATUSES).nullable(),
        dueDate: z.string().nullable(),
        originalDueDate: z.string().nullable(),
        extended: z.boolean(),
        reportedOn: z.string().nullable(),
        verifiedOn: z.string().nullable(),
        weight: z.number().nullable(),
        timing: z
          .object({
            state: z.string(),
            daysOverdue: z.number(),
            daysLeft: z.number().nullable(),
            effectiveDueDate: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanDashboardTasks' });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const common = {
  asOf: z.iso.date().optional().describe('YYYY-MM-DD, today by default; not after today'),
  restate: bool
    .optional()
    .describe("true: lead units restated onto today's units; false (default): as they were"),
};

export async function dashboardRoutes(app: App) {
  app.get(
    '/plans/:id/dashboard',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: "A plan's progress dashboard as of a date, every number with its tasks",
        description:
          'KPIs overall and by reform area, lead unit (as of the date, or restated onto today’s units), directing committee member (tasks they direct or of the units they follow) and month (trend from the status events), under the plan’s declared completion method.',
        params: idParams,
        querystring: z.object({
          ...common,
          groupBy: z
            .string()
            .regex(/^[a-z]+(,[a-z]+)*$/)
            .refine((v) => v.split(',').every((d) => (DIMENSIONS as readonly string[]).includes(d)), {
              message: `Use ${DIMENSIONS.join(', ')}`,
            })
            .optional()
            .describe(`Comma-separated: ${DIMENSIONS.join(', ')} (default: all but pilot)`),
        }),
        response: { 200: dashboardOut, ...errorResponses },
      },
    },
    async (request) =>
      planDashboard(signedIn(request), request.params.id, {
        asOf: request.query.asOf,
        restate: request.query.restate,
        groupBy: request.query.groupBy?.split(',') as Dimension[] | undefined,
      }),
  );

  app.get(
    '/plans/:id/dashboard/tasks',
    {
      config: { access: SESSION },
      schema: {
        tags: ['plans'],
        summary: 'The tasks behind one number of the dashboard, as they stood on the as-of date',
        description:
          'Either `ids` (comma-separated task ids of the plan) or a number of the dashboard: `dimension` (overall, area, unit, member, trend, pilot), `group` (its key: area, unit id, membership id, YYYY-MM, or for pilots `programmeId[:pilotUnitId]`) and `metric`.',
        params: idParams,
        querystring: z.object({
          ...common,
          ids: z
            .string()
            .transform((v) => v.split(',').filter(Boolean))
            .pipe(z.array(z.uuid()).max(1000))
            .optional(),
          dimension: z.enum(['overall', ...DIMENSIONS]).optional(),
          group: z.string().max(100).optional(),
          metric: z.enum(METRICS).optional(),
        }),
        response: { 200: drillOut, ...errorResponses },
      },
    },
    async (request) => dashboardTasks(signedIn(request), request.params.id, request.query),
  );
}
