import { SESSION } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { describePeriod, periodOf, periodsInYear, periodWindow } from './index.js';
import {
  addRuleVersion,
  allRuleSets,
  retireRuleSet,
  rulesForReport,
  workdayHooks,
} from './periods.service.js';
import {
  periodOfOut,
  periodOfQuery,
  periodsOut,
  periodsQuery,
  retireIn,
  ruleSetParams,
  rulesIn,
  rulesListOut,
  rulesOut,
} from './periods.schemas.js';

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
        querystring: periodsQuery,
        response: { 200: periodsOut, ...errorResponses },
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
        querystring: periodOfQuery,
        response: { 200: periodOfOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const rules = await rulesForReport(ctx.db, request.query.reportType, request.query.date);
      const p = periodOf(request.query.type, request.query.date, rules);
      return { period: p ? describePeriod(p, rules, ctx.locale, await workdayHooks(ctx.db)) : null };
    },
  );

  app.get(
    '/periods/rules',
    {
      config: { access: SESSION },
      schema: {
        tags: ['periods'],
        summary: 'Every reporting rule version: the national defaults and the versions the province added',
        response: { 200: rulesListOut, ...errorResponses },
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
        params: ruleSetParams,
        body: retireIn,
        response: { 201: rulesOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send((await retireRuleSet(signedIn(request), request.params.id, request.body)) as never),
  );
}
