import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { errorResponses, idParams, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import { getUnit, listUnits, UNIT_KINDS, type Unit } from './units.service.js';

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
    version: z.number(),
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
  version: u.version,
});

export async function unitsRoutes(app: App) {
  app.get(
    '/',
    {
      schema: {
        tags: ['units'],
        summary: 'Units, optionally as of a date; search ignores accents and case',
        querystring: z.object({
          asOf: z.iso.date().optional(),
          kind: z.enum(UNIT_KINDS as [string, ...string[]]).optional(),
          parentId: z.uuid().optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(2000).default(500),
        }),
        response: { 200: z.object({ items: z.array(unitOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const items = await listUnits(ctx.db, { ...request.query, kind: request.query.kind as never });
      return { items: items.map(present) };
    },
  );

  app.get(
    '/:id',
    {
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
}
