import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { describePeriod, periodOf, PERIOD_TYPES, periodsInYear, periodWindow } from './index.js';
import {
  addRuleVersion,
  allRuleSets,
  retireRuleSet,
  rulesForReport,
  workdayHooks,
} from './periods.service.js';

const dateRange = z.object({ from: z.string(), to: z.string() });
const periodOut = z
  .object({
    key: z.string(),
    label: z.string(),
    span: dateRange,
    window: dateRange,
    windowLabel: z.string(),
    due: z.string(),
    rules: z.object({ id: z.string(), version: z.number(), basis: z.array(z.string()) }),
  })
  .meta({ id: 'ReportingPeriod' });

/**
 * Reporting periods under the default rule set (Decree 09/2019/NĐ-CP art. 12 data windows, due by the
 * 20th of the period's last month per 581/BNV-CCHC). Report types with their own rules come with the
 * reporting module, which stores its rule versions as configuration.
 */
export async function periodsRoutes(app: App) {
  app.get(
    '/periods',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary: "A year's reporting periods of one type, with data windows, due dates and labels",
        querystring: z.object({
          type: z.enum(PERIOD_TYPES),
          year: z.coerce.number().int().min(2000).max(2100),
          reportType: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(periodOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { type, year, reportType } = request.query;
      const items = [];
      const hooks = await workdayHooks(ctx.db);
      for (const p of periodsInYear(type, year)) {
        // Each period follows the rule version in force when its data window opens.
        const start = periodWindow(p, await rulesForReport(ctx.db, reportType, `${year}-01-01`)).from;
        items.push(describePeriod(p, await rulesForReport(ctx.db, reportType, start), ctx.locale, hooks));
      }
      return { items };
    },
  );

  app.get(
    '/periods/of',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary: 'The period of a type whose data window contains a date',
        querystring: z.object({
          type: z.enum(PERIOD_TYPES),
          date: z.iso.date(),
          reportType: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ period: periodOut.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const rules = await rulesForReport(ctx.db, request.query.reportType, request.query.date);
      const p = periodOf(request.query.type, request.query.date, rules);
      return { period: p ? describePeriod(p, rules, ctx.locale, await workdayHooks(ctx.db)) : null };
    },
  );

  const windowOverride = z.object({
    cutoffDay: z.number().int().min(1).max(28).optional(),
    dueDayOfLastMonth: z.number().int().min(1).max(31).optional(),
    dueMonthOffset: z.number().int().min(0).max(12).optional(),
    dueOffsetWorkingDays: z.number().int().min(0).max(120).nullish(),
  });
  const rulesIn = z.object({
    id: z.string().trim().min(1).max(60),
    reportType: z.string().trim().max(100).nullish(),
    validFrom: z.iso.date(),
    basis: z.array(z.string().trim().min(1).max(500)).min(1),
    cutoffDay: z.number().int().min(1).max(28),
    dueDayOfLastMonth: z.number().int().min(1).max(31),
    dueMonthOffset: z.number().int().min(0).max(12).optional(),
    dueOffsetWorkingDays: z.number().int().min(0).max(120).optional(),
    windows: z.partialRecord(z.enum(PERIOD_TYPES), windowOverride).optional(),
  });
  const rulesOut = rulesIn.extend({ version: z.number(), retired: z.boolean().optional() });

  app.get(
    '/periods/rules',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary: 'Every reporting rule version: the national defaults and the versions the province added',
        response: {
          200: z.object({ items: z.array(rulesOut) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      signedIn(request);
      return { items: (await allRuleSets(request.ctx.db)) as never };
    },
  );

  app.post(
    '/periods/rules',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary: 'Add a version of a reporting rule set (from a date; earlier periods keep their rules)',
        body: rulesIn,
        response: { 201: rulesOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send((await addRuleVersion(signedIn(request), request.body as never)) as never),
  );

  app.post(
    '/periods/rules/:id/retire',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary:
          'Retire a reporting rule set from a date (a new version that ends it; earlier periods keep it)',
        params: z.object({ id: z.string().trim().min(1).max(60) }),
        body: z.object({
          version: z.number().int().positive(),
          validFrom: z.iso.date().optional(),
          basis: z.array(z.string().trim().min(1).max(500)).optional(),
        }),
        response: { 201: rulesOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send((await retireRuleSet(signedIn(request), request.params.id, request.body)) as never),
  );
}
