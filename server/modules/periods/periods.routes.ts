import { z } from 'zod';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { DEFAULT_RULES, describePeriod, periodOf, PERIOD_TYPES, periodsInYear } from './index.js';

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
      schema: {
        tags: ['periods'],
        summary: "A year's reporting periods of one type, with data windows, due dates and labels",
        querystring: z.object({
          type: z.enum(PERIOD_TYPES),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: z.object({ items: z.array(periodOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { type, year } = request.query;
      return { items: periodsInYear(type, year).map((p) => describePeriod(p, DEFAULT_RULES, ctx.locale)) };
    },
  );

  app.get(
    '/periods/of',
    {
      schema: {
        tags: ['periods'],
        summary: 'The period of a type whose data window contains a date',
        querystring: z.object({ type: z.enum(PERIOD_TYPES), date: z.iso.date() }),
        response: { 200: z.object({ period: periodOut.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const p = periodOf(request.query.type, request.query.date, DEFAULT_RULES);
      return { period: p ? describePeriod(p, DEFAULT_RULES, ctx.locale) : null };
    },
  );
}
