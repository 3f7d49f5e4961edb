import { notifyingLineage } from './lineage-changes.service.js';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import {
  BEFORE_RECORDS,
  DEPARTMENTS_SOURCE,
  departmentCode,
  fillName,
  loadDepartmentsTemplate,
  normaliseName,
  type DepartmentsTemplate,
  type ProvinceFacts,
  type TemplateEvent,
  type TemplateUnit,
} from './departments-template.js';
import { dayBefore, endsPredecessors, overlaps } from './lineage-rules.js';
import { lineageEvents, lineageLinks, unitVersions } from './lineage.table.js';
import { insertUnits, type Unit } from './units.service.js';
import { units } from './units.table.js';

/** Unit kinds the template holds (districts and communes are never matched against it). */
const TEMPLATE_KINDS = ['department', 'management_board', 'party_body', 'mass_organisation', 'other'];

export type ProvinceRow = Pick<Unit, 'id' | 'code' | 'name' | 'fullName' | 'validFrom' | 'validTo'>;

/** Top-level provinces in force on a date (a registry may hold one, a few, or the whole country). */
export async function provincesInForce(db: Db, date: string): Promise<ProvinceRow[]> {
  const found = await db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      fullName: units.fullName,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(
      and(
        eq(units.kind, 'province'),
        isNull(units.parentId),
        sql`${units.validFrom} <= ${date} AND (${units.validTo} IS NULL OR ${units.validTo} >= ${date})`,
      ),
    );
  return found.sort((a, b) => a.code.localeCompare(b.code) || a.fullName.localeCompare(b.fullName, 'vi'));
}

/** The province with this code: the one still in force, else the one that ended last. */
export async function provinceByCode(db: Db, code: string): Promise<ProvinceRow | undefined> {
  const found = await db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      fullName: units.fullName,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(and(eq(units.kind, 'province'), eq(units.code, code)));
  return found.sort((a, b) => (b.validTo ?? '9999-12-31').localeCompare(a.validTo ?? '9999-12-31'))[0];
}

export type ImportDepartmentsOptions = {
  /** The province's code (e.g. '40'). */
  province: string;
  /** Optional units of the template to create as well (their keys), or 'all'. */
  with?: readonly string[] | 'all' | undefined;
  /** The template; the shipped one when omitted. */
  template?: DepartmentsTemplate | undefined;
};

export type ImportedUnit = { key: string; code: string; fullName: string; kind: string };
export type MatchedUnit = ImportedUnit & { by: 'code' | 'name' | 'lineage' };
export type EventOutcome = {
  kind: TemplateEvent['kind'];
  date: string;
  note: string;
  /** recorded: written now; existing: the province already has it; skipped: see reason. */
  status: 'recorded' | 'existing' | 'skipped';
  reason?: 'not_included' | 'already_ended' | 'not_in_force';
  /** The unit the reason is about. */
  unit?: string;
};

export type DepartmentsImportResult = {
  province: { code: string; fullName: string };
  templateVersion: string;
  created: ImportedUnit[];
  matched: MatchedUnit[];
  /** Optional units of the template the province neither has nor asked for. */
  notIncluded: { key: string; name: string }[];
  events: EventOutcome[];
  counts: { created: number; matched: number; recorded: number; existing: number; skipped: number };
};

type Existing = Unit & { versions: (typeof unitVersions.$inferSelect)[] };
type Planned = {
  t: TemplateUnit;
  code: string;
  name: string;
  fullName: string;
  from: string;
  to: string | null;
  /** Set with the open start: since when the unit is attested. */
  knownSince: string | null;
  existing?: Existing;
  by?: MatchedUnit['by'];
  create: boolean;
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const inForceOn = (u: { validFrom: string; validTo: string | null }, date: string) =>
  u.validFrom <= date && (u.validTo === null || u.validTo >= date);

/**
 * Imports the standard provincial departments and bodies (the shipped template) into one province: units
 * before and after 1/3/2025 and the lineage events of the reorganisation, each citing its legal basis.
 * All-or-nothing (one transaction) and idempotent: a unit the province already has (same code, else same
 * name ignoring accents, case and punctuation, in an overlapping period) is matched and left as it is; an
 * event whose predecessor already has a lineage event that day is taken as recorded; only what is missing
 * is written. Units are created by `insertUnits` (one journal entry each); each unit an event ends or
 * renames gets its own entry, and the import one summary entry (entity `unit_import`).
 */
async function importDepartmentsNow(
  ctx: RequestContext,
  options: ImportDepartmentsOptions,
): Promise<DepartmentsImportResult> {
  const template = options.template ?? loadDepartmentsTemplate();
  const optionalKeys = new Set(template.units.filter((u) => u.optional).map((u) => u.key));
  const wanted = options.with === 'all' ? optionalKeys : new Set(options.with ?? []);
  for (const k of wanted)
    if (!optionalKeys.has(k))
      throw new AppError(400, 'VALIDATION_FAILED', 'error.validation', {
        field: '--with',
        issue: `${k} ∉ {${[...optionalKeys].join(', ')}}`,
      });
  return ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    // Two imports at once (two terminals) would both see a unit missing: the second waits for the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('chidao:import-departments'))`);
    const province = await provinceByCode(tx, options.province);
    if (!province) throw new AppError(404, 'NOT_FOUND', 'unit.not_found', { code: options.province });
    return applyTemplate(t, template, province, wanted);
  });
}

async function applyTemplate(
  ctx: RequestContext,
  template: DepartmentsTemplate,
  province: ProvinceRow,
  wanted: Set<string>,
): Promise<DepartmentsImportResult> {
  const db = ctx.db;
  const facts: ProvinceFacts = { code: province.code, name: province.name, fullName: province.fullName };
  const renameOf = new Map(
    template.events.flatMap((e) => (e.kind === 'rename' ? [[e.unit, e] as const] : [])),
  );

  // 1. The template rendered for this province, clipped to the province's own validity.
  const planned: Planned[] = [];
  for (const u of template.units) {
    const from = later(u.from ?? BEFORE_RECORDS, province.validFrom);
    const to = earlier(u.to, province.validTo);
    if (to !== null && from > to) continue; // not in this province's lifetime
    planned.push({
      t: u,
      code: departmentCode(province.code, u.key),
      name: fillName(u.name, facts),
      fullName: fillName(u.fullName, facts),
      from,
      to,
      knownSince: from === BEFORE_RECORDS ? u.knownSince : null,
      create: false,
    });
  }
  const byKey = new Map(planned.map((p) => [p.t.key, p]));

  // 2. What the province has: every unit that was ever directly under it (of the template's kinds).
  const childIds = (
    await db
      .selectDistinct({ id: unitVersions.unitId })
      .from(unitVersions)
      .innerJoin(units, eq(units.id, unitVersions.unitId))
      .where(and(eq(unitVersions.parentId, province.id), inArray(units.kind, TEMPLATE_KINDS)))
  ).map((r) => r.id);
  const existing: Existing[] = [];
  if (childIds.length) {
    const rows = await db.select().from(units).where(inArray(units.id, childIds));
    const versions = await db.select().from(unitVersions).where(inArray(unitVersions.unitId, childIds));
    for (const r of rows) existing.push({ ...r, versions: versions.filter((v) => v.unitId === r.id) });
  }

  // 3. Match: by code, then by name (or an alias), in an overlapping period; each unit at most once.
  const taken = new Set<string>();
  const codesOf = (p: Planned) => {
    const rename = renameOf.get(p.t.key);
    return rename ? [p.code, departmentCode(province.code, rename.to.key)] : [p.code];
  };
  for (const p of planned) {
    const codes = codesOf(p);
    const found = existing.find((e) => !taken.has(e.id) && e.versions.some((v) => codes.includes(v.code)));
    if (found) {
      p.existing = found;
      p.by = 'code';
      taken.add(found.id);
    }
  }
  for (const p of planned.filter((x) => !x.existing)) {
    const names = new Set(
      [p.name, p.fullName, ...p.t.aliases.map((a) => fillName(a, facts))].map(normaliseName),
    );
    const fits = (n: string) =>
      names.has(normaliseName(n)) ||
      (p.t.matchPrefix && [...names].some((x) => normaliseName(n).startsWith(`${x} `)));
    const candidates = existing.filter(
      (e) =>
        !taken.has(e.id) &&
        overlaps(p.from, p.to, e.validFrom, e.validTo) &&
        e.versions.some((v) => fits(v.name) || fits(v.fullName)),
    );
    const best =
      candidates.find((e) => e.validTo === p.to) ??
      candidates.find((e) => (e.validTo === null) === (p.to === null)) ??
      candidates[0];
    if (best) {
      p.existing = best;
      p.by = 'name';
      taken.add(best.id);
    }
  }

  // A code of the template held by a unit elsewhere in the registry at the same time is a conflict.
  const allCodes = planned.flatMap(codesOf);
  const holders = await db
    .select({
      unitId: unitVersions.unitId,
      code: unitVersions.code,
      fullName: unitVersions.fullName,
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
    })
    .from(unitVersions)
    .where(inArray(unitVersions.code, allCodes));
  for (const p of planned.filter((x) => !x.existing)) {
    const clash = holders.find(
      (h) => codesOf(p).includes(h.code) && overlaps(p.from, p.to, h.validFrom, h.validTo),
    );
    if (clash)
      throw new AppError(409, 'CONFLICT', 'lineage.code_overlap', {
        code: clash.code,
        name: clash.fullName,
        from: clash.validFrom,
      });
  }

  // 4. Events: which the province already has, which cannot apply, which to record.
  const matchedIds = planned.flatMap((p) => (p.existing ? [p.existing.id] : []));
  const priorLinks = matchedIds.length
    ? await db
        .select({
          predecessorId: lineageLinks.predecessorId,
          successorId: lineageLinks.successorId,
          date: lineageEvents.effectiveDate,
        })
        .from(lineageLinks)
        .innerJoin(lineageEvents, eq(lineageEvents.id, lineageLinks.eventId))
        .where(inArray(lineageLinks.predecessorId, matchedIds))
    : [];
  const present = (key: string) => {
    const p = byKey.get(key);
    return p !== undefined && (p.existing !== undefined || !p.t.optional || wanted.has(key));
  };
  type Decided = { e: TemplateEvent; outcome: EventOutcome };
  const decided: Decided[] = [];
  for (const e of template.events) {
    const lastDay = dayBefore(e.date);
    // The province must be in force on both sides of the event (not for a province formed later).
    if (!inForceOn(province, lastDay) || !inForceOn(province, e.date)) continue;
    const from = e.kind === 'rename' ? [e.unit] : e.from;
    const to = e.kind === 'rename' ? [] : e.to;
    const outcome: EventOutcome = { kind: e.kind, date: e.date, note: e.note, status: 'recorded' };
    decided.push({ e, outcome });
    const absent = [...from, ...to].find((k) => !present(k));
    if (absent) {
      Object.assign(outcome, {
        status: 'skipped',
        reason: 'not_included',
        unit: byKey.get(absent)?.name ?? absent,
      });
      continue;
    }
    const recorded = from.some((k) => {
      const id = byKey.get(k)!.existing?.id;
      return id !== undefined && priorLinks.some((l) => l.predecessorId === id && l.date === e.date);
    });
    if (recorded) {
      outcome.status = 'existing';
      // A successor the event creates is the one the province recorded (whatever it named it).
      for (const k of to) {
        const s = byKey.get(k)!;
        if (s.existing || s.t.from !== e.date) continue;
        const ids = new Set(
          priorLinks
            .filter(
              (l) =>
                l.date === e.date &&
                from.some((f) => byKey.get(f)!.existing?.id === l.predecessorId) &&
                l.successorId !== null &&
                !from.some((f) => byKey.get(f)!.existing?.id === l.successorId),
            )
            .map((l) => l.successorId!),
        );
        const found = ids.size === 1 ? existing.find((x) => ids.has(x.id) && !taken.has(x.id)) : undefined;
        if (found) {
          s.existing = found;
          s.by = 'lineage';
          taken.add(found.id);
        }
      }
      continue;
    }
    for (const k of from) {
      const x = byKey.get(k)!.existing;
      if (!x) continue;
      const on = e.kind === 'rename' ? e.date : lastDay;
      if (!inForceOn(x, on) || x.validFrom >= e.date) {
        Object.assign(outcome, { status: 'skipped', reason: 'not_in_force', unit: x.fullName });
        break;
      }
      if (endsPredecessors(e.kind) && x.validTo !== null) {
        Object.assign(outcome, { status: 'skipped', reason: 'already_ended', unit: x.fullName });
        break;
      }
    }
    if (outcome.status !== 'recorded') continue;
    for (const k of to) {
      const x = byKey.get(k)!.existing;
      if (x && !inForceOn(x, e.date)) {
        Object.assign(outcome, { status: 'skipped', reason: 'not_in_force', unit: x.fullName });
        break;
      }
    }
  }

  // 5. Write: the missing units, then the new events with their links and the units they end or rename.
  for (const p of planned) p.create = !p.existing && (!p.t.optional || wanted.has(p.t.key));
  const toCreate = planned.filter((p) => p.create);
  const created = await insertUnits(
    ctx,
    toCreate.map((p) => ({
      code: p.code,
      name: p.name,
      fullName: p.fullName,
      kind: p.t.kind,
      parentId: province.id,
      validFrom: p.from,
      validTo: p.to,
    })),
  );
  for (const since of new Set(toCreate.flatMap((p) => (p.knownSince ? [p.knownSince] : [])))) {
    const codes = toCreate.filter((p) => p.knownSince === since).map((p) => p.code);
    const ids = created.filter((u) => codes.includes(u.code)).map((u) => u.id);
    await ctx.db.update(units).set({ knownSince: since }).where(inArray(units.id, ids));
  }
  const idOf = new Map<string, string>();
  for (const p of planned) if (p.existing) idOf.set(p.t.key, p.existing.id);
  for (const row of created) idOf.set(toCreate.find((p) => p.code === row.code)!.t.key, row.id);

  const basisText = (e: TemplateEvent) => template.sources[e.basis]!;
  for (const { e } of decided.filter((d) => d.outcome.status === 'recorded')) {
    const lastDay = dayBefore(e.date);
    const [event] = await ctx.db
      .insert(lineageEvents)
      .values({
        kind: e.kind,
        effectiveDate: e.date,
        legalBasisText: basisText(e),
        note: e.note,
        source: DEPARTMENTS_SOURCE,
        createdBy: ctx.actor?.user.id ?? null,
      })
      .returning();
    const eventId = event!.id;
    if (e.kind === 'rename') {
      const unitId = idOf.get(e.unit)!;
      const [current] = await ctx.db
        .select()
        .from(unitVersions)
        .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)));
      const [before] = await ctx.db.select().from(units).where(eq(units.id, unitId));
      const next = {
        code: departmentCode(province.code, e.to.key),
        name: fillName(e.to.name, facts),
        fullName: fillName(e.to.fullName, facts),
      };
      if (current) {
        await ctx.db.update(unitVersions).set({ validTo: lastDay }).where(eq(unitVersions.id, current.id));
        await ctx.db.insert(unitVersions).values({
          unitId,
          validFrom: e.date,
          validTo: null,
          parentId: current.parentId,
          eventId,
          ...next,
        });
      }
      const [after] = await ctx.db
        .update(units)
        .set({ ...next, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(eq(units.id, unitId))
        .returning();
      await recordChange(ctx, { action: 'rename', entity: 'unit', entityId: unitId, before, after });
      await ctx.db.insert(lineageLinks).values({ eventId, predecessorId: unitId, successorId: unitId });
      continue;
    }
    // Predecessors the province had open end the day before (those created now already end then).
    for (const k of e.from) {
      const p = byKey.get(k)!;
      if (!p.existing || p.existing.validTo !== null) continue;
      const [before] = await ctx.db.select().from(units).where(eq(units.id, p.existing.id));
      const [after] = await ctx.db
        .update(units)
        .set({ validTo: lastDay, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(eq(units.id, p.existing.id))
        .returning();
      await ctx.db
        .update(unitVersions)
        .set({ validTo: lastDay })
        .where(and(eq(unitVersions.unitId, p.existing.id), isNull(unitVersions.validTo)));
      await recordChange(ctx, { action: e.kind, entity: 'unit', entityId: p.existing.id, before, after });
    }
    // A successor created now on the event's date was created by it.
    for (const k of e.to) {
      const p = byKey.get(k)!;
      if (p.create && p.from === e.date)
        await ctx.db
          .update(unitVersions)
          .set({ eventId })
          .where(and(eq(unitVersions.unitId, idOf.get(k)!), isNull(unitVersions.eventId)));
    }
    await ctx.db.insert(lineageLinks).values(
      e.from.flatMap((f) =>
        e.to.map((s) => ({
          eventId,
          predecessorId: idOf.get(f)!,
          successorId: idOf.get(s)!,
          weight: null,
        })),
      ),
    );
  }

  const present2 = (p: Planned): ImportedUnit => ({
    key: p.t.key,
    code: p.existing?.code ?? p.code,
    fullName: p.existing?.fullName ?? p.fullName,
    kind: p.existing?.kind ?? p.t.kind,
  });
  const events = decided.map((d) => d.outcome);
  const result: DepartmentsImportResult = {
    province: { code: province.code, fullName: province.fullName },
    templateVersion: template.version,
    created: toCreate.map(present2),
    matched: planned.filter((p) => p.existing).map((p) => ({ ...present2(p), by: p.by! })),
    notIncluded: planned.filter((p) => !p.existing && !p.create).map((p) => ({ key: p.t.key, name: p.name })),
    events,
    counts: {
      created: toCreate.length,
      matched: planned.filter((p) => p.existing).length,
      recorded: events.filter((e) => e.status === 'recorded').length,
      existing: events.filter((e) => e.status === 'existing').length,
      skipped: events.filter((e) => e.status === 'skipped').length,
    },
  };
  if (result.counts.created + result.counts.recorded > 0)
    await recordChange(ctx, {
      action: 'import',
      entity: 'unit_import',
      entityId: randomUUID(),
      after: {
        source: DEPARTMENTS_SOURCE,
        templateVersion: template.version,
        province: province.code,
        counts: result.counts,
        created: result.created.map((u) => u.code),
        events: events.map((e) => ({
          kind: e.kind,
          date: e.date,
          status: e.status,
          reason: e.reason ?? null,
        })),
      },
    });
  return result;
}

/** Which province a command means when none is named: the only one in force, or none, or several. */
export type ProvinceChoice =
  { kind: 'one'; province: ProvinceRow } | { kind: 'none' } | { kind: 'several'; provinces: ProvinceRow[] };

export async function soleProvince(db: Db, date: string): Promise<ProvinceChoice> {
  const found = await provincesInForce(db, date);
  if (found.length === 1) return { kind: 'one', province: found[0]! };
  return found.length === 0 ? { kind: 'none' } : { kind: 'several', provinces: found };
}

/** The provinces as a command-line list, one a line: "  40  UBND tỉnh Nghệ An". */
export function provinceLines(list: readonly Pick<ProvinceRow, 'code' | 'fullName'>[]): string {
  return list.map((p) => `  ${p.code.padEnd(4)} ${p.fullName}`).join('\n');
}

/** {@link importDepartmentsNow}, telling the lineage caches afterwards (./lineage-changes.service.ts). */
export const importDepartments = notifyingLineage(importDepartmentsNow);
