/**
 * Self-inspections (tự kiểm tra CCHC; issue 15, domain notes §2.6): a department or commune records its own
 * inspections of its divisions and sub-units; its coverage of a year is the distinct sub-units inspected out of
 * those in force, against the rules' threshold (./rules/coverage.ts says which units and kinds count and how a
 * year's units are taken); the standing agency and the committee read every unit's coverage in the province.
 *
 * Who: a unit's focal point or leader records, edits and deletes its inspections (a grant on the unit or above
 * it; inherited grants only when they may act); they and the province's readers (admin, standing officer,
 * committee) read a unit's records and coverage; the province view is for readers holding their role on the
 * province itself. Every change is journalled in its transaction.
 */
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import {
  AppError,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { allow } from '../access/policy.js';
import { recordChange } from '../audit/audit.service.js';
import { documentRefs } from '../documents/documents.service.js';
import { carriersOn } from '../units/carriers.service.js';
import { unitsAsOf, unitVersionsOf, type UnitAsOf } from '../units/lineage.service.js';
import { getUnits, unitDisplayName, unitFacts, viCollator, type Unit } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import { selfInspections } from './inspections.table.js';
import {
  SELF_INSPECTION_READERS,
  SELF_INSPECTION_UNIT_ROLES,
  selfInspectionPolicy,
} from './self-inspections.policy.js';
import { inspectionRulesOn } from './rules.service.js';
import {
  countsAsSubUnit,
  coverageCounts,
  coverageOf,
  DEFAULT_COVERAGE_RULES,
  inspectionDateProblem,
  isInspectingKind,
  referenceDay,
  SELF_INSPECTION_SCOPE,
  yearBounds,
  type Coverage,
  type CoverageRules,
  type InspectingKind,
} from './rules/coverage.js';
import type {
  CoverageOut,
  MyUnitsOut,
  ProvinceCoverageOut,
  ProvinceQuery,
  SelfInspectionIn,
  SelfInspectionListOut,
  SelfInspectionOut,
  SelfInspectionUpdateIn,
} from './self-inspections.schemas.js';

type Row = typeof selfInspections.$inferSelect;

/**
 * The coverage rules in force on a day: the threshold is the inspection rules' `selfInspectionCoverage` (the
 * version in force that day, ./rules.service.ts); which kinds count is SELF_INSPECTION_SCOPE (./rules/coverage.ts),
 * a constant: the versioned rules hold numbers, not the registry's kinds.
 */
export async function coverageRulesOn(ctx: RequestContext, day: string): Promise<CoverageRules> {
  const { rules } = await inspectionRulesOn(ctx, day);
  return { threshold: rules.selfInspectionCoverage, scope: SELF_INSPECTION_SCOPE };
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

async function pathOf(db: Db, unitId: string): Promise<string[]> {
  return (await unitFacts(db, [unitId])).get(unitId)?.path ?? [unitId];
}

const unitRef = (u: Pick<UnitAsOf, 'id' | 'kind' | 'name' | 'fullName' | 'validFrom' | 'validTo'>) => ({
  id: u.id,
  name: unitDisplayName(u),
  kind: u.kind,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

/** A unit as it was on a day: its version's code and name then (a local government keeps its full name). */
async function unitOn(db: Db, unit: Unit, day: string): Promise<UnitAsOf> {
  const versions = await unitVersionsOf(db, [unit.id]);
  const v =
    versions.find((x) => x.validFrom <= day && (x.validTo === null || x.validTo >= day)) ??
    versions.filter((x) => x.validFrom <= day).at(-1);
  return {
    id: unit.id,
    code: v?.code ?? unit.code,
    name: v?.name ?? unit.name,
    fullName: unit.fullName,
    kind: unit.kind,
    parentId: unit.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
  };
}

// ---------------------------------------------------------------------------------------------------
// Coverage of many units at once (one unit's page, or the province's)

type Subject = { unit: UnitAsOf; asOf: string };
type Computed = {
  rules: CoverageRules;
  subUnits: UnitAsOf[];
  records: Row[];
  coverage: Coverage;
  /** Inspected unit (ended in the year, not a sub-unit) → the sub-units that carry it. */
  carriedBy: Map<string, string[]>;
};

/**
 * The coverage of each subject (a unit with its reference day) for `year`: its counted sub-units in force that
 * day, its inspections of the year, ended sub-units carried by lineage. `scopeRootId` is a unit above them all
 * (the province, or the one unit): their sub-units are read from its subtree once per distinct reference day.
 */
async function coverages(
  ctx: RequestContext,
  year: number,
  subjects: readonly Subject[],
  scopeRootId: string,
): Promise<Map<string, Computed>> {
  const db = ctx.db;
  const out = new Map<string, Computed>();
  if (!subjects.length) return out;
  const byDay = new Map<string, Subject[]>();
  for (const s of subjects) byDay.set(s.asOf, [...(byDay.get(s.asOf) ?? []), s]);
  const childrenOf = new Map<string, UnitAsOf[]>();
  const rulesOf = new Map<string, CoverageRules>();
  for (const [day, group] of byDay) {
    rulesOf.set(day, await coverageRulesOn(ctx, day));
    const found =
      group.length === 1 && group[0]!.unit.id === scopeRootId
        ? await unitsAsOf(db, { date: day, parentId: scopeRootId })
        : await unitsAsOf(db, { date: day, withinId: scopeRootId });
    const ids = new Set(group.map((s) => s.unit.id));
    for (const u of found)
      if (u.parentId && ids.has(u.parentId))
        childrenOf.set(`${day}|${u.parentId}`, [...(childrenOf.get(`${day}|${u.parentId}`) ?? []), u]);
  }
  const y = yearBounds(year);
  const rows = await db
    .select()
    .from(selfInspections)
    .where(
      and(
        inArray(
          selfInspections.inspectorUnitId,
          subjects.map((s) => s.unit.id),
        ),
        gte(selfInspections.inspectedOn, y.from),
        lte(selfInspections.inspectedOn, y.to),
      ),
    )
    .orderBy(desc(selfInspections.inspectedOn), desc(selfInspections.createdAt));
  const recordsOf = new Map<string, Row[]>();
  for (const r of rows) recordsOf.set(r.inspectorUnitId, [...(recordsOf.get(r.inspectorUnitId) ?? []), r]);

  // Inspected units that are not counted sub-units: an ended one may be carried by one (lineage).
  const pending = new Map<string, Set<string>>();
  const prepared = subjects.map((s) => {
    const rules = rulesOf.get(s.asOf)!;
    const subUnits = (childrenOf.get(`${s.asOf}|${s.unit.id}`) ?? []).filter((c) =>
      countsAsSubUnit(rules, s.unit.kind, c.kind),
    );
    const ids = new Set(subUnits.map((u) => u.id));
    const records = recordsOf.get(s.unit.id) ?? [];
    for (const r of records)
      if (!ids.has(r.inspectedUnitId))
        pending.set(s.asOf, (pending.get(s.asOf) ?? new Set()).add(r.inspectedUnitId));
    return { s, rules, subUnits, records };
  });
  const carriers = new Map<string, Map<string, string[]>>();
  for (const [day, ids] of pending) {
    const found = await carriersOn(db, [...ids], day);
    carriers.set(
      day,
      new Map(
        [...found].flatMap(([id, c]) =>
          c.status === 'carried' ? [[id, c.carriers.map((x) => x.unitId)] as [string, string[]]] : [],
        ),
      ),
    );
  }
  for (const { s, rules, subUnits, records } of prepared) {
    const carriedBy = carriers.get(s.asOf) ?? new Map<string, string[]>();
    out.set(s.unit.id, {
      rules,
      subUnits,
      records,
      carriedBy,
      coverage: coverageOf(
        subUnits.map((u) => u.id),
        records.map((r) => r.inspectedUnitId),
        rules.threshold,
        carriedBy,
      ),
    });
  }
  return out;
}

/** One inspecting unit for a year: the unit as it was on its reference day, after the access check. */
async function subjectFor(
  ctx: RequestContext,
  unitId: string,
  year: number,
  action: 'read' | 'record',
): Promise<{ subject: Subject; path: string[]; rules: CoverageRules }> {
  const actor = requireActor(ctx);
  const [unit] = await getUnits(ctx.db, [unitId]);
  if (!unit) throw notFound('unit');
  const path = await pathOf(ctx.db, unitId);
  if (!allow(selfInspectionPolicy, actor, 'read', { unitPath: path })) throw notFound('unit');
  if (action === 'record' && !allow(selfInspectionPolicy, actor, 'record', { unitPath: path }))
    throw forbidden();
  const asOf = referenceDay(year, todayInVietnam(), unit.validFrom, unit.validTo);
  const name = unitDisplayName(unit);
  if (!asOf)
    throw new AppError(400, 'BAD_REQUEST', 'inspections.self.unit_not_in_year', {
      unit: name,
      year,
    });
  const rules = await coverageRulesOn(ctx, asOf);
  if (!isInspectingKind(rules, unit.kind))
    throw new AppError(400, 'BAD_REQUEST', 'inspections.self.not_inspecting_kind', { unit: name });
  return { subject: { unit: await unitOn(ctx.db, unit, asOf), asOf }, path, rules };
}

/** The record as the pages show it: the unit inspected as it was that day, the document, who, abilities. */
async function present(
  ctx: RequestContext,
  rows: readonly Row[],
  counted: (row: Row) => boolean,
  canRecord: boolean,
): Promise<SelfInspectionOut[]> {
  if (!rows.length) return [];
  const units = new Map(
    (
      await getUnits(
        ctx.db,
        rows.map((r) => r.inspectedUnitId),
      )
    ).map((u) => [u.id, u]),
  );
  const versions = await unitVersionsOf(
    ctx.db,
    rows.map((r) => r.inspectedUnitId),
  );
  const docs = await documentRefs(
    ctx,
    rows.flatMap((r) => (r.documentId ? [r.documentId] : [])),
  );
  const people = new Map(
    (await usersByIds(ctx, [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))])).map(
      (u) => [u.id, u.fullName],
    ),
  );
  return rows.map((r) => {
    const u = units.get(r.inspectedUnitId)!;
    const v = versions.find(
      (x) =>
        x.unitId === u.id &&
        x.validFrom <= r.inspectedOn &&
        (x.validTo === null || x.validTo >= r.inspectedOn),
    );
    const doc = r.documentId ? docs.get(r.documentId) : undefined;
    return {
      id: r.id,
      inspectorUnitId: r.inspectorUnitId,
      inspectedUnit: unitRef({ ...u, name: v?.name ?? u.name }),
      inspectedOn: r.inspectedOn,
      form: r.form,
      areas: r.areas as SelfInspectionOut['areas'],
      note: r.note,
      document: doc ? { id: doc.id, numberSymbol: doc.numberSymbol, title: doc.title } : null,
      counted: counted(r),
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy ? (people.get(r.createdBy) ?? null) : null,
      version: r.version,
      abilities: { update: canRecord, delete: canRecord },
    };
  });
}

const countedBy = (c: Computed) => {
  const set = new Set(c.coverage.inspected);
  const subIds = new Set(c.subUnits.map((u) => u.id));
  return (r: Row) =>
    subIds.has(r.inspectedUnitId) || (c.carriedBy.get(r.inspectedUnitId) ?? []).some((id) => set.has(id));
};

// ---------------------------------------------------------------------------------------------------
// Reading

/** A unit's self-inspections of a year, latest first. */
export async function listSelfInspections(
  ctx: RequestContext,
  unitId: string,
  year: number,
): Promise<SelfInspectionListOut> {
  const { subject } = await subjectFor(ctx, unitId, year, 'read');
  const computed = (await coverages(ctx, year, [subject], unitId)).get(unitId)!;
  const canRecord = allow(selfInspectionPolicy, ctx.actor, 'record', {
    unitPath: await pathOf(ctx.db, unitId),
  });
  return {
    year,
    unitId,
    items: await present(ctx, computed.records, countedBy(computed), canRecord),
    abilities: { record: canRecord },
  };
}

/** A unit's coverage of a year: its sub-units, which were inspected, the share against the threshold. */
export async function unitCoverage(ctx: RequestContext, unitId: string, year: number): Promise<CoverageOut> {
  const { subject, path } = await subjectFor(ctx, unitId, year, 'read');
  const c = (await coverages(ctx, year, [subject], unitId)).get(unitId)!;
  const datesOf = new Map<string, string[]>();
  const via = new Map<string, Set<string>>();
  const counted = new Set(c.coverage.inspected);
  for (const r of c.records) {
    const targets = c.subUnits.some((u) => u.id === r.inspectedUnitId)
      ? [r.inspectedUnitId]
      : (c.carriedBy.get(r.inspectedUnitId) ?? []).filter((id) => counted.has(id));
    for (const t of targets) {
      datesOf.set(t, [...(datesOf.get(t) ?? []), r.inspectedOn]);
      if (t !== r.inspectedUnitId) via.set(t, (via.get(t) ?? new Set()).add(r.inspectedUnitId));
    }
  }
  const viaIds = [...new Set([...via.values()].flatMap((s) => [...s]))];
  const viaUnits = new Map((await getUnits(ctx.db, viaIds)).map((u) => [u.id, unitDisplayName(u)]));
  const cov = c.coverage;
  return {
    year,
    asOf: subject.asOf,
    unit: unitRef(subject.unit),
    threshold: c.rules.threshold,
    countedKinds: [...(c.rules.scope[subject.unit.kind] ?? [])],
    total: cov.total,
    inspected: cov.inspected.length,
    percent: cov.percent,
    needed: cov.needed,
    missing: cov.missing,
    status: cov.status,
    subUnits: c.subUnits
      .map((u) => ({
        id: u.id,
        name: unitDisplayName(u),
        kind: u.kind,
        inspected: counted.has(u.id),
        inspectedOn: [...new Set(datesOf.get(u.id) ?? [])].sort().reverse(),
        via: [...(via.get(u.id) ?? [])].map((id) => viaUnits.get(id) ?? '').filter(Boolean),
      }))
      .sort((a, b) => viCollator.compare(a.name, b.name)),
    abilities: {
      record: allow(selfInspectionPolicy, ctx.actor, 'record', { unitPath: path }),
    },
  };
}

/**
 * The inspecting units whose self-inspections the caller records (their focal-point or leader grants, and those
 * inherited through lineage), in force in the year; and whether they read the province view.
 */
export async function myUnits(ctx: RequestContext, year: number): Promise<MyUnitsOut> {
  const actor = requireActor(ctx);
  const today = todayInVietnam();
  const roots = actor.rootsFor(SELF_INSPECTION_UNIT_ROLES);
  const items: MyUnitsOut['items'] = [];
  for (const unit of await getUnits(ctx.db, roots)) {
    const asOf = referenceDay(year, today, unit.validFrom, unit.validTo);
    if (!asOf) continue;
    const rules = await coverageRulesOn(ctx, asOf);
    if (!isInspectingKind(rules, unit.kind)) continue;
    const path = await pathOf(ctx.db, unit.id);
    if (!allow(selfInspectionPolicy, actor, 'read', { unitPath: path })) continue;
    items.push({
      ...unitRef(await unitOn(ctx.db, unit, asOf)),
      record: allow(selfInspectionPolicy, actor, 'record', { unitPath: path }),
    });
  }
  items.sort((a, b) => viCollator.compare(a.name, b.name));
  return { year, items, province: (await readerProvinces(ctx)).length > 0 };
}

/** The provinces whose view the caller reads: a reader's role held on the province itself. */
async function readerProvinces(ctx: RequestContext): Promise<Unit[]> {
  const actor = requireActor(ctx);
  const roots = actor.rootsFor(SELF_INSPECTION_READERS);
  if (!roots.length) return [];
  const facts = await unitFacts(ctx.db, roots);
  const tops = [...new Set([...facts.values()].map((f) => f.path.at(-1)!))];
  return (await getUnits(ctx.db, tops))
    .filter((u) => u.kind === 'province' && actor.hasRoleOver(SELF_INSPECTION_READERS, [u.id]))
    .sort((a, b) => viCollator.compare(a.fullName, b.fullName));
}

/**
 * Every department and local government of the province that self-inspects (./rules/coverage.ts) and was in
 * force in the year — on 1 January or on the reference day: a unit that ended during the year is taken on its
 * last day —, with its coverage, in Vietnamese order; filtered by kind and "not reached".
 */
export async function provinceCoverage(
  ctx: RequestContext,
  query: ProvinceQuery,
): Promise<ProvinceCoverageOut> {
  const provinces = await readerProvinces(ctx);
  const province = query.provinceId ? provinces.find((p) => p.id === query.provinceId) : provinces[0];
  if (!province) throw forbidden();
  const year = query.year;
  const today = todayInVietnam();
  const common = referenceDay(year, today, province.validFrom, province.validTo);
  if (!common)
    throw new AppError(400, 'BAD_REQUEST', 'inspections.self.unit_not_in_year', {
      unit: province.fullName,
      year,
    });
  const rules = await coverageRulesOn(ctx, common);
  const start = yearBounds(year).from;
  const candidates = new Map<string, UnitAsOf>();
  for (const u of await unitsAsOf(ctx.db, { date: common, withinId: province.id }))
    if (isInspectingKind(rules, u.kind)) candidates.set(u.id, u);
  if (start < common)
    for (const u of await unitsAsOf(ctx.db, { date: start, withinId: province.id }))
      if (isInspectingKind(rules, u.kind) && !candidates.has(u.id)) candidates.set(u.id, u);
  // Each as it stood on its own reference day (its last day, for those that ended during the year).
  const subjects: Subject[] = [];
  const ended = new Map<string, string[]>();
  for (const u of candidates.values()) {
    const asOf = referenceDay(year, today, u.validFrom, u.validTo);
    if (!asOf) continue;
    if (asOf === common) subjects.push({ unit: u, asOf });
    else ended.set(asOf, [...(ended.get(asOf) ?? []), u.id]);
  }
  for (const [day, ids] of ended) {
    const wanted = new Set(ids);
    for (const u of await unitsAsOf(ctx.db, { date: day, withinId: province.id }))
      if (wanted.has(u.id)) subjects.push({ unit: u, asOf: day });
  }
  const computed = await coverages(ctx, year, subjects, province.id);
  const all = subjects.map((s) => {
    const c = computed.get(s.unit.id)!;
    return {
      unitId: s.unit.id,
      name: unitDisplayName(s.unit),
      kind: s.unit.kind as InspectingKind,
      validTo: s.unit.validTo !== null && s.unit.validTo <= s.asOf ? s.unit.validTo : null,
      asOf: s.asOf,
      total: c.coverage.total,
      inspected: c.coverage.inspected.length,
      percent: c.coverage.percent,
      needed: c.coverage.needed,
      status: c.coverage.status,
      records: c.records.length,
    };
  });
  all.sort((a, b) => viCollator.compare(a.name, b.name) || a.asOf.localeCompare(b.asOf));
  const kinds = (Object.keys(rules.scope) as InspectingKind[]).flatMap((kind) => {
    const n = all.filter((r) => r.kind === kind).length;
    return n ? [{ kind, units: n }] : [];
  });
  const ofKind = query.kind ? all.filter((r) => r.kind === query.kind) : all;
  const items = query.notReached === 'true' ? ofKind.filter((r) => r.status === 'not_reached') : ofKind;
  return {
    year,
    asOf: common,
    province: { id: province.id, name: province.fullName },
    threshold: rules.threshold,
    counts: coverageCounts(ofKind),
    kinds,
    items,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

type Checked = { inspectedOn: string; inspectedUnitId: string; documentId: string | null };

const problem = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
  validation(field, key, params);

/**
 * The checks of a record's date, inspected unit and document, for an inspecting unit and year: the date within
 * the year, not in the future, while the unit was in force; the inspected unit a sub-unit (or below) of it in
 * force that day; the document one the caller may read.
 */
async function check(
  ctx: RequestContext,
  inspector: Unit,
  year: number,
  input: { inspectedUnitId: string; inspectedOn: string; documentId?: string | null | undefined },
): Promise<Checked> {
  const name = unitDisplayName(inspector);
  const date = input.inspectedOn;
  const dateProblem = inspectionDateProblem(date, year, todayInVietnam(), inspector);
  if (dateProblem) {
    const p = dateProblem;
    if (p.problem === 'outside_year')
      throw problem('inspectedOn', 'inspections.self.date_outside_year', { date, year });
    if (p.problem === 'future') throw problem('inspectedOn', 'inspections.self.date_future', { date });
    if (p.problem === 'unit_not_yet')
      throw problem('inspectedOn', 'inspections.self.unit_not_yet', { unit: name, date, from: p.from });
    throw problem('inspectedOn', 'inspections.self.unit_ended', { unit: name, date, until: p.to });
  }
  if (input.inspectedUnitId === inspector.id)
    throw problem('inspectedUnitId', 'inspections.self.inspects_itself', { unit: name });
  const [inspected] = await getUnits(ctx.db, [input.inspectedUnitId]);
  if (!inspected) throw problem('inspectedUnitId', 'inspections.self.unit_unknown');
  const inspectedName = unitDisplayName(inspected);
  if (inspected.validFrom > date)
    throw problem('inspectedUnitId', 'inspections.self.inspected_not_yet', {
      unit: inspectedName,
      date,
      from: inspected.validFrom,
    });
  if (inspected.validTo !== null && inspected.validTo < date)
    throw problem('inspectedUnitId', 'inspections.self.inspected_ended', {
      unit: inspectedName,
      date,
      until: inspected.validTo,
    });
  const below = await unitsAsOf(ctx.db, { date, withinId: inspector.id });
  if (!below.some((u) => u.id === inspected.id && u.id !== inspector.id))
    throw problem('inspectedUnitId', 'inspections.self.not_below', {
      unit: inspectedName,
      inspector: name,
      date,
    });
  const documentId = input.documentId ?? null;
  if (documentId && !(await documentRefs(ctx, [documentId])).has(documentId))
    throw problem('documentId', 'inspections.self.document_unknown');
  return { inspectedOn: date, inspectedUnitId: inspected.id, documentId };
}

const uniqueAreas = (areas: readonly string[]) => [...new Set(areas)];

/** What a record answers with after a change: itself as its unit's list shows it. */
async function presented(ctx: RequestContext, row: Row): Promise<SelfInspectionOut> {
  const year = Number(row.inspectedOn.slice(0, 4));
  const [unit] = await getUnits(ctx.db, [row.inspectorUnitId]);
  const asOf = unit ? referenceDay(year, todayInVietnam(), unit.validFrom, unit.validTo) : null;
  const computed =
    unit && asOf
      ? (await coverages(ctx, year, [{ unit: await unitOn(ctx.db, unit, asOf), asOf }], unit.id)).get(unit.id)
      : undefined;
  const [out] = await present(ctx, [row], computed ? countedBy(computed) : () => false, true);
  return out!;
}

/** Records an inspection by a unit of one of its sub-units (its focal point or leader). */
export async function recordSelfInspection(
  ctx: RequestContext,
  input: SelfInspectionIn,
): Promise<SelfInspectionOut> {
  const actor = requireActor(ctx);
  const [inspector] = await getUnits(ctx.db, [input.inspectorUnitId]);
  if (!inspector) throw problem('inspectorUnitId', 'inspections.self.unit_unknown');
  const path = await pathOf(ctx.db, inspector.id);
  if (!allow(selfInspectionPolicy, actor, 'record', { unitPath: path })) throw forbidden();
  // Which kinds self-inspect is the rule's constant scope (the versioned rules hold only the threshold).
  if (!isInspectingKind(DEFAULT_COVERAGE_RULES, inspector.kind))
    throw problem('inspectorUnitId', 'inspections.self.not_inspecting_kind', {
      unit: unitDisplayName(inspector),
    });
  const checked = await check(ctx, inspector, input.year, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(selfInspections)
      .values({
        inspectorUnitId: inspector.id,
        ...checked,
        form: input.form,
        areas: uniqueAreas(input.areas),
        note: input.note,
        createdBy: actor.user.id,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'self_inspection', entityId: created!.id, after: created },
    );
    return created!;
  });
  return presented(ctx, row);
}

/** The record and its inspecting unit, for a change by its focal point or leader (404 to those who may not read it). */
async function forChange(ctx: RequestContext, id: string): Promise<{ row: Row; inspector: Unit }> {
  const actor = requireActor(ctx);
  const [row] = await ctx.db.select().from(selfInspections).where(eq(selfInspections.id, id));
  if (!row) throw notFound('self_inspection');
  const [inspector] = await getUnits(ctx.db, [row.inspectorUnitId]);
  const path = await pathOf(ctx.db, row.inspectorUnitId);
  if (!inspector || !allow(selfInspectionPolicy, actor, 'read', { unitPath: path }))
    throw notFound('self_inspection');
  if (!allow(selfInspectionPolicy, actor, 'record', { unitPath: path })) throw forbidden();
  return { row, inspector };
}

/** Changes a record (version-checked); its date stays within its year. */
export async function updateSelfInspection(
  ctx: RequestContext,
  id: string,
  input: SelfInspectionUpdateIn,
): Promise<SelfInspectionOut> {
  const { row, inspector } = await forChange(ctx, id);
  if (row.version !== input.version) throw staleVersion('self_inspection', row.version);
  const checked = await check(ctx, inspector, Number(row.inspectedOn.slice(0, 4)), input);
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(selfInspections)
      .set({
        ...checked,
        form: input.form,
        areas: uniqueAreas(input.areas),
        note: input.note,
        version: row.version + 1,
      })
      .where(and(eq(selfInspections.id, id), eq(selfInspections.version, input.version)))
      .returning();
    if (!u) throw staleVersion('self_inspection', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'self_inspection', entityId: id, before: row, after: u },
    );
    return u;
  });
  return presented(ctx, updated);
}

/** Removes a record entered by mistake (version-checked); the journal keeps what it was. */
export async function deleteSelfInspection(ctx: RequestContext, id: string, version: number): Promise<void> {
  const { row } = await forChange(ctx, id);
  if (row.version !== version) throw staleVersion('self_inspection', row.version);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(selfInspections)
      .where(and(eq(selfInspections.id, id), eq(selfInspections.version, version)))
      .returning({ id: selfInspections.id });
    if (!gone.length) throw staleVersion('self_inspection', row.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'self_inspection', entityId: id, before: row },
    );
  });
}

/**
 * Inserts records without the checks or the caller's rights (the demo province's seed, in its transaction),
 * journalled like any other.
 */
export async function insertSelfInspections(
  ctx: RequestContext,
  list: readonly (Omit<typeof selfInspections.$inferInsert, 'id' | 'version' | 'createdAt'> & {
    createdBy: string | null;
  })[],
): Promise<number> {
  if (!list.length) return 0;
  const rows = await ctx.db
    .insert(selfInspections)
    .values([...list])
    .returning();
  for (const r of rows)
    await recordChange(ctx, { action: 'create', entity: 'self_inspection', entityId: r.id, after: r });
  return rows.length;
}
