import { SESSION } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import {
  findByCode,
  listUnresolved,
  recordEvent,
  restate,
  settleUnresolved,
  unitsAsOf,
  unitTimeline,
} from './lineage.service.js';
import { getUnit, listUnits, type Unit } from './units.service.js';
import { searchUnits } from './unit-search.service.js';
import {
  byCodeParams,
  byCodeQuery,
  eventIn,
  type EventKind,
  eventOut,
  restateOut,
  restateQuery,
  settleIn,
  timelineOut,
  unitListOut,
  unitListQuery,
  unitOut,
  unitSearchOut,
  unitSearchQuery,
  unresolvedListOut,
  unresolvedOut,
  unresolvedQuery,
  type UnresolvedStatus,
} from './units.schemas.js';
import { todayInVietnam } from '../../core/dates.js';

const present = (u: Unit) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  fullName: u.fullName,
  kind: u.kind,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
  knownSince: u.knownSince,
});

/** An unresolved predecessor as the API shows it (the settling time as an ISO string). */
const presentUnresolved = <T extends { status: string; resolvedAt: Date | null }>(u: T) => ({
  ...u,
  status: u.status as UnresolvedStatus,
  resolvedAt: u.resolvedAt?.toISOString() ?? null,
});

export async function unitsRoutes(app: App) {
  app.get(
    '/units',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary:
          'Units: with asOf, those in force that day as they were then (names, parents); search ignores accents and case',
        querystring: unitListQuery,
        response: { 200: unitListOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const q = request.query;
      if (q.asOf || q.within) {
        const items = await unitsAsOf(ctx.db, {
          date: q.asOf ?? todayInVietnam(),
          kind: q.kind,
          parentId: q.parentId,
          withinId: q.within,
          q: q.q,
          limit: q.limit,
        });
        return { items };
      }
      const items = await listUnits(ctx.db, {
        kind: q.kind as never,
        parentId: q.parentId,
        q: q.q,
        limit: q.limit,
      });
      return { items: items.map(present) };
    },
  );

  app.get(
    '/units/search',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary:
          "Unit pickers' search: as of a date, within the caller's reach, accents and case ignored, ranked",
        description:
          'Each word must start a word of the full name ("so tu phap" finds "Sở Tư pháp"), or the query is a code. Exact names first, then prefixes, then the rest; in force before ended, then by kind and in Vietnamese order. `ids` resolves given units instead (labels of values already chosen).',
        querystring: unitSearchQuery,
        response: { 200: unitSearchOut, ...errorResponses },
      },
    },
    async (request) => searchUnits(signedIn(request), request.query),
  );

  app.get(
    '/units/by-code/:code',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: 'The unit holding a code on a date (codes are reused over time)',
        params: byCodeParams,
        querystring: byCodeQuery,
        response: { 200: unitOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const unit = await findByCode(
        ctx.db,
        request.params.code,
        request.query.asOf ?? todayInVietnam(),
        request.query.kind,
      );
      if (!unit) throw notFound('unit');
      return unit;
    },
  );

  app.get(
    '/units/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: 'One unit',
        params: idParams,
        response: { 200: unitOut, ...errorResponses },
      },
    },
    async (request) => {
      const unit = await getUnit(signedIn(request).db, request.params.id);
      if (!unit) throw notFound('unit');
      return present(unit);
    },
  );

  app.get(
    '/units/:id/timeline',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: "A unit's versions over time, the events behind them, its predecessors and successors",
        params: idParams,
        response: { 200: timelineOut, ...errorResponses },
      },
    },
    async (request) => {
      const t = await unitTimeline(signedIn(request), request.params.id);
      return {
        ...t,
        unit: {
          ...t.unit,
          createdAt: t.unit.createdAt.toISOString(),
          updatedAt: t.unit.updatedAt.toISOString(),
        },
        events: t.events.map((e) => ({
          ...e,
          kind: e.kind as EventKind,
          createdAt: e.createdAt.toISOString(),
        })),
        unresolved: t.unresolved.map(presentUnresolved),
      };
    },
  );

  app.get(
    '/units/:id/restate',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary:
          'Restate a unit from one date to another: the later units carrying its facts (or the earlier ones behind it), with weights',
        params: idParams,
        querystring: restateQuery,
        response: { 200: restateOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return {
        items: await restate(
          ctx.db,
          request.params.id,
          request.query.from,
          request.query.to ?? todayInVietnam(),
        ),
      };
    },
  );

  app.post(
    '/lineage/events',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary:
          'Record a lineage event (establish, rename, merge, split, transfer, absorb, abolish) with its legal basis',
        body: eventIn,
        response: { 201: eventOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordEvent(signedIn(request), request.body)),
  );

  app.get(
    '/lineage/unresolved',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: 'Predecessors the source data names but no code matched, to be settled by a person',
        querystring: unresolvedQuery,
        response: { 200: unresolvedListOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await listUnresolved(signedIn(request), request.query);
      return { ...r, items: r.items.map(presentUnresolved) };
    },
  );

  app.post(
    '/lineage/unresolved/:id',
    {
      config: { access: SESSION },
      schema: {
        tags: ['units'],
        summary: 'Settle an unresolved predecessor: link the old unit it means, or dismiss it',
        params: idParams,
        body: settleIn,
        response: { 200: unresolvedOut, ...errorResponses },
      },
    },
    async (request) => {
      return presentUnresolved(await settleUnresolved(signedIn(request), request.params.id, request.body));
    },
  );
}
