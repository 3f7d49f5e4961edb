import { SESSION } from '../../core/access.js';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { EVENT_KINDS } from './lineage-rules.js';
import {
  findByCode,
  listUnresolved,
  recordEvent,
  restate,
  settleUnresolved,
  unitsAsOf,
  unitTimeline,
} from './lineage.service.js';
import { getUnit, listUnits, UNIT_KINDS, type Unit } from './units.service.js';
import { searchUnits } from './unit-search.service.js';
import { unitSearchOut, unitSearchQuery } from './units.schemas.js';
import { todayInVietnam } from '../../core/dates.js';

export const unitOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    kind: z.string(),
    parentId: z.uuid().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'Unit' });

const present = (u: Unit) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  fullName: u.fullName,
  kind: u.kind,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

const kindEnum = z.enum(UNIT_KINDS);
const linkOut = z.object({
  eventId: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  effectiveDate: z.string(),
  legalBasisId: z.uuid().nullable(),
  legalBasisText: z.string().nullable(),
  note: z.string().nullable(),
  unit: z.object({
    id: z.uuid(),
    code: z.string(),
    fullName: z.string(),
    kind: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  }),
  weight: z.number().nullable(),
});

const newUnit = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  fullName: z.string().trim().min(1).max(300),
  kind: kindEnum,
  parentId: z.uuid().nullable(),
});

export const eventIn = z.object({
  kind: z.enum(EVENT_KINDS),
  effectiveDate: z.iso.date(),
  legalBasisId: z.uuid().nullish(),
  legalBasisText: z.string().trim().max(500).nullish(),
  note: z.string().trim().max(2000).nullish(),
  from: z.array(z.uuid()).max(500).default([]),
  to: z
    .array(
      z.union([
        z.object({ unitId: z.uuid(), weight: z.number().positive().max(1).nullish() }),
        z.object({ create: newUnit, weight: z.number().positive().max(1).nullish() }),
      ]),
    )
    .max(100)
    .default([]),
  changes: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      fullName: z.string().trim().min(1).max(300).optional(),
      code: z.string().trim().min(1).max(40).optional(),
      parentId: z.uuid().nullish(),
    })
    .optional(),
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
        querystring: z.object({
          asOf: z.iso.date().optional(),
          kind: kindEnum.optional(),
          parentId: z.uuid().optional(),
          within: z.uuid().optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(20_000).default(500),
        }),
        response: { 200: z.object({ items: z.array(unitOut) }), ...errorResponses },
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
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({ asOf: z.iso.date().optional(), kind: kindEnum.optional() }),
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
        response: {
          200: z.object({
            unit: unitOut.extend({ version: z.number() }).passthrough(),
            versions: z.array(
              z.object({
                id: z.uuid(),
                validFrom: z.string(),
                validTo: z.string().nullable(),
                code: z.string(),
                name: z.string(),
                fullName: z.string(),
                parentId: z.uuid().nullable(),
                parentName: z.string().nullable(),
                eventId: z.uuid().nullable(),
              }),
            ),
            events: z.array(
              z
                .object({
                  id: z.uuid(),
                  kind: z.string(),
                  effectiveDate: z.string(),
                  legalBasisId: z.uuid().nullable(),
                  legalBasisText: z.string().nullable(),
                  note: z.string().nullable(),
                  source: z.string(),
                })
                .passthrough(),
            ),
            predecessors: z.array(linkOut),
            successors: z.array(linkOut),
            unresolved: z.array(
              z
                .object({
                  id: z.uuid(),
                  sourceText: z.string(),
                  sourceLine: z.string().nullable(),
                  status: z.string(),
                  version: z.number(),
                })
                .passthrough(),
            ),
            abilities: z.object({ recordEvent: z.boolean() }),
          }),
          ...errorResponses,
        },
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
        events: t.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
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
        querystring: z.object({ from: z.iso.date(), to: z.iso.date().optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ unitId: z.uuid(), weight: z.number(), unit: unitOut.nullable() })),
          }),
          ...errorResponses,
        },
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
        response: { 201: z.object({ eventId: z.uuid(), created: z.array(z.uuid()) }), ...errorResponses },
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
        querystring: z.object({
          status: z.enum(['open', 'resolved', 'dismissed']).optional(),
          q: z.string().max(200).optional(),
          successorId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  id: z.uuid(),
                  sourceText: z.string(),
                  sourceLine: z.string().nullable(),
                  status: z.string(),
                  version: z.number(),
                  successor: z.object({ id: z.uuid(), code: z.string(), fullName: z.string() }),
                })
                .passthrough(),
            ),
            total: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const r = await listUnresolved(signedIn(request), request.query);
      return { ...r, items: r.items.map((i) => ({ ...i, resolvedAt: i.resolvedAt?.toISOString() ?? null })) };
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
        body: z.object({
          version: z.number().int().positive(),
          predecessorId: z.uuid().nullish(),
          dismiss: z.boolean().optional(),
          note: z.string().max(1000).nullish(),
        }),
        response: {
          200: z.object({ id: z.uuid(), status: z.string(), version: z.number() }).passthrough(),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const r = await settleUnresolved(signedIn(request), request.params.id, request.body);
      return { ...r, resolvedAt: r.resolvedAt?.toISOString() ?? null };
    },
  );
}
