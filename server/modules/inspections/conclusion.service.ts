/**
 * An inspection's conclusion (issue 15, part 2): the head of the team drafts it — the overall summary, the
 * numbered recommendations (text, the unit responsible: the inspected unit or one of its sub-units, a due date that
 * defaults to the rules' working days after the conclusion date, the findings it answers) and what the minutes say
 * beyond the records (place, the unit's representatives); the minutes (biên bản kiểm tra) and the conclusion notice
 * (thông báo kết luận kiểm tra) are previewed as .docx in the Decree 30/2020/NĐ-CP layout; "Ban hành" (the standing
 * agency, ./rules/inspection-status.ts `conclude`) registers both in the documents register with the next number
 * of their symbol, stores their ids on the inspection, sets it concluded and creates the recommendations as owed
 * work (./recommendation.work-kind.ts) — one transaction, journalled; then the .docx files are attached to the
 * register's records (built before, stored after: no file I/O while the database is held).
 */
import { Readable } from 'node:stream';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, conflict, forbidden, staleVersion, validation } from '../../core/errors.js';
import { translate } from '../../core/messages.js';
import { recordChange } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import {
  attachFile,
  createDocumentRecord,
  documentRefs,
  registeredNumbers,
} from '../documents/documents.service.js';
import type { FileStore } from '../files/file-store.js';
import { notify, recipientsForUnit } from '../notifications/notifications.service.js';
import { REFORM_AREA_LABELS, type ReformArea } from '../tasks/index.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { unitDisplayName, unitFacts } from '../units/units.service.js';
import { checklistOf } from './findings.service.js';
import {
  loadInspection,
  requireActor,
  teamRows,
  today,
  unitRefs,
  userRefs,
  type InspectionRow,
} from './inspection-records.service.js';
import type { InspectionAccess } from './inspections.policy.js';
import { inspectionPlans, inspectionRecommendations, inspections } from './inspections.table.js';
import { conclusionDocx, issuerFacts, type IssuerFacts } from './output/conclusion-document.js';
import {
  minutesDocx,
  SYMBOL_MINUTES,
  TEAM_BODY,
  vnDate,
  type MinutesFacts,
} from './output/minutes-document.js';
import {
  loadRecommendations,
  RECOMMENDATION_KIND,
  type RecommendationMeta,
} from './recommendation.work-kind.js';
import type {
  ConclusionDraftIn,
  ConclusionIssueIn,
  ConclusionOut,
  MinutesDetails,
  NumbersOut,
  RecommendationOut,
} from './recommendations.schemas.js';
import { inspectionRulesById, inspectionRulesOn } from './rules.service.js';
import { recommendationDueDate, type InspectionRules } from './rules/inspection-rules.js';
import { inspectionTransition } from './rules/inspection-status.js';
import {
  conclusionProblems,
  numberRecommendations,
  type ConclusionIssuer,
  type DraftRecommendation,
  type RecommendationStatus,
} from './rules/recommendation-rules.js';
import { CUSTOM_AREA } from './rules/checklists.js';
import { placeName } from '../documents/admin-document.js';

// ---------------------------------------------------------------------------------------------------
// The draft as stored

/** The draft's recommendations as stored (jsonb), read defensively. */
export function draftRecommendationsOf(
  row: Pick<InspectionRow, 'conclusionRecommendations'>,
): DraftRecommendation[] {
  const raw = Array.isArray(row.conclusionRecommendations)
    ? (row.conclusionRecommendations as unknown[])
    : [];
  return raw.flatMap((r) => {
    const o = (r ?? {}) as Record<string, unknown>;
    if (typeof o.unitId !== 'string') return [];
    return [
      {
        text: typeof o.text === 'string' ? o.text : '',
        unitId: o.unitId,
        dueDate: typeof o.dueDate === 'string' ? o.dueDate : null,
        findingIds: Array.isArray(o.findingIds)
          ? o.findingIds.filter((f): f is string => typeof f === 'string')
          : [],
      },
    ];
  });
}

export function minutesDetailsOf(row: Pick<InspectionRow, 'minutesDetails'>): MinutesDetails {
  const o = (row.minutesDetails ?? {}) as Record<string, unknown>;
  const reps = Array.isArray(o.representatives) ? (o.representatives as Record<string, unknown>[]) : [];
  return {
    place: typeof o.place === 'string' ? o.place : '',
    representatives: reps.flatMap((r) =>
      typeof r?.name === 'string'
        ? [{ name: r.name, position: typeof r.position === 'string' ? r.position : '' }]
        : [],
    ),
  };
}

const STATE_WORDS: Record<string, { vi: string; en: string }> = {
  planned: { vi: 'chưa tiến hành kiểm tra', en: 'not yet inspected' },
  in_progress: { vi: 'đang kiểm tra, chưa ký biên bản', en: 'under way, minutes not signed' },
  minutes_signed: { vi: 'đã ký biên bản', en: 'minutes signed' },
  concluded: { vi: 'đã kết luận', en: 'concluded' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

/** The head of the team or the office drafts, while the inspection is under way or its minutes are signed. */
const mayDraft = (row: InspectionRow, a: InspectionAccess) =>
  (a.head || a.office) && (row.status === 'in_progress' || row.status === 'minutes_signed');

const mayIssue = (row: InspectionRow, a: InspectionAccess) =>
  inspectionTransition(row.status, 'conclude', a).ok;

/** The province's name ("Nghệ An") from its display name ("Tỉnh Nghệ An", "UBND tỉnh Nghệ An"). */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The rules a conclusion is timed by: the version it was concluded under, else the one in force on the day. */
async function rulesInForceFor(
  ctx: RequestContext,
  row: InspectionRow,
  on: string,
): Promise<{ id: string; rules: InspectionRules }> {
  const kept = row.ruleVersionId ? await inspectionRulesById(ctx, row.ruleVersionId) : null;
  // The shipped rules are stored from 2000-01-01: an earlier day (a preview dated so) reads them.
  const v = kept ?? (await inspectionRulesOn(ctx, on));
  return { id: v.id, rules: v.rules };
}
const numberSymbolOf = (n: number, symbol: string) => `${pad2(n)}/${symbol}`;

// ---------------------------------------------------------------------------------------------------
// What a conclusion is made of

type Facts = {
  provinceName: string;
  unitName: string;
  allowedUnits: { id: string; name: string }[];
  findings: ConclusionOut['findings'];
  areas: MinutesFacts['areas'];
  areaCounts: { label: string; compliant: number; shortcoming: number; violation: number }[];
  team: MinutesFacts['team'];
  head: { userId: string; name: string; unitId: string; unitName: string } | null;
  basis: string[];
};

const areaLabel = (area: string) =>
  area === CUSTOM_AREA ? 'Nội dung khác' : (REFORM_AREA_LABELS[area as ReformArea]?.vi ?? area);

async function factsOf(ctx: RequestContext, row: InspectionRow, on: string): Promise<Facts> {
  const names = await unitFacts(ctx.db, [row.unitId, row.provinceId]);
  const unitName = names.get(row.unitId)?.name ?? '';
  const within = await unitsAsOf(ctx.db, { date: on, withinId: row.unitId, limit: 2_000 });
  const allowedUnits = [
    { id: row.unitId, name: unitName },
    ...within
      .filter((u) => u.id !== row.unitId)
      .map((u) => ({
        id: u.id,
        name: unitDisplayName({ kind: u.kind, name: u.name, fullName: u.fullName }),
      })),
  ];
  const checklist = await checklistOf(ctx, row);
  const findings: ConclusionOut['findings'] = [];
  const areas: { label: string; items: MinutesFacts['areas'][number]['items'] }[] = [];
  for (const s of checklist.sections) {
    areas.push({
      label: areaLabel(s.area),
      items: s.items.map((i) => ({
        text: i.text.vi,
        result: i.finding?.result ?? null,
        note: i.finding?.note ?? '',
      })),
    });
    for (const i of s.items)
      if (i.finding)
        findings.push({
          id: i.finding.id,
          area: s.area,
          text: i.text,
          result: i.finding.result,
          note: i.finding.note,
        });
  }
  const rank = (r: string | null) => (r === 'violation' ? 0 : r === 'shortcoming' ? 1 : 2);
  findings.sort((a, b) => rank(a.result) - rank(b.result));
  const members = await teamRows(ctx, { inspectionId: row.id });
  const people = await userRefs(
    ctx,
    members.map((m) => m.userId),
  );
  const units = await unitRefs(
    ctx,
    members.map((m) => m.unitId),
  );
  const team = members.map((m) => ({
    name: people.get(m.userId)?.fullName ?? '',
    unitName: units.get(m.unitId)?.name ?? '',
    role: m.role,
  }));
  const headRow = members.find((m) => m.role === 'head');
  const basis: string[] = [];
  if (row.planId) {
    const [plan] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, row.planId));
    const refs = await documentRefs(
      ctx,
      [plan?.documentId, plan?.teamDecisionId].filter((x): x is string => !!x),
    );
    const doc = plan?.documentId ? refs.get(plan.documentId) : undefined;
    const decision = plan?.teamDecisionId ? refs.get(plan.teamDecisionId) : undefined;
    if (doc) basis.push(`Kế hoạch số ${doc.numberSymbol} ngày ${vnDate(doc.issuedOn)} (${doc.title})`);
    else if (plan) basis.push(`${plan.title}`);
    if (decision)
      basis.push(
        `Quyết định số ${decision.numberSymbol} ngày ${vnDate(decision.issuedOn)} thành lập Đoàn kiểm tra`,
      );
  }
  return {
    provinceName: placeName(names.get(row.provinceId)?.name ?? ''),
    unitName,
    allowedUnits,
    findings,
    areas,
    areaCounts: checklist.sections.map((s) => ({
      label: areaLabel(s.area),
      compliant: s.items.filter((i) => i.finding?.result === 'compliant').length,
      shortcoming: s.items.filter((i) => i.finding?.result === 'shortcoming').length,
      violation: s.items.filter((i) => i.finding?.result === 'violation').length,
    })),
    team,
    head: headRow
      ? {
          userId: headRow.userId,
          name: people.get(headRow.userId)?.fullName ?? '',
          unitId: headRow.unitId,
          unitName: units.get(headRow.unitId)?.name ?? '',
        }
      : null,
    basis,
  };
}

function issuerOf(issuer: ConclusionIssuer, f: Facts): IssuerFacts {
  return issuerFacts(issuer, {
    provinceName: f.provinceName,
    agencyName: f.head?.unitName || null,
    headName: f.head?.name || null,
  });
}

/** The day the minutes are dated: the day the team inspected, never after the conclusion. */
const minutesDateOf = (row: InspectionRow, issuedOn: string) =>
  row.conductedOn && row.conductedOn <= issuedOn ? row.conductedOn : issuedOn;

// ---------------------------------------------------------------------------------------------------
// Numbers

/** The numbers already used in the register for a symbol in a calendar year (Decree 30/2020, art. 15). */
async function usedNumbers(ctx: RequestContext, symbol: string, year: number): Promise<Set<number>> {
  return new Set(await registeredNumbers(ctx, symbol, `${year}-01-01`, `${year}-12-31`));
}

const nextFree = (used: ReadonlySet<number>) => Math.max(0, ...used) + 1;

async function suggestedNumbers(
  ctx: RequestContext,
  row: InspectionRow,
  issuer: IssuerFacts,
  issuedOn: string,
): Promise<NumbersOut> {
  const minutesOn = minutesDateOf(row, issuedOn);
  const m = nextFree(await usedNumbers(ctx, SYMBOL_MINUTES, Number(minutesOn.slice(0, 4))));
  const c = nextFree(await usedNumbers(ctx, issuer.symbol, Number(issuedOn.slice(0, 4))));
  return {
    issuedOn,
    minutes: { number: m, numberSymbol: numberSymbolOf(m, SYMBOL_MINUTES), issuedOn: minutesOn },
    conclusion: { number: c, numberSymbol: numberSymbolOf(c, issuer.symbol), issuedOn },
  };
}

/** The next free numbers of the minutes and of the notice (by its issuer) for a date (default today). */
export async function nextConclusionNumbers(
  ctx: RequestContext,
  inspectionId: string,
  query: { issuer?: ConclusionIssuer | undefined; issuedOn?: string | undefined },
): Promise<NumbersOut> {
  const { row, access } = await loadInspection(ctx, inspectionId);
  if (!access.office && !access.head) throw forbidden('recommendations.conclusion.head_or_office_only');
  const issuedOn = query.issuedOn ?? today();
  const facts = await factsOf(ctx, row, issuedOn);
  return suggestedNumbers(ctx, row, issuerOf(query.issuer ?? 'team', facts), issuedOn);
}

/** A registered document's number, read back from its number and symbol ("05/TB-ĐKT" → 5). */
const numberOf = (numberSymbol: string | undefined) => {
  const m = numberSymbol ? /^\s*0*(\d+)\s*\//.exec(numberSymbol) : null;
  return m ? Number(m[1]) : null;
};

// ---------------------------------------------------------------------------------------------------
// Reading

/** The recommendations of an inspection as they stand now (for whoever may read the inspection). */
export async function recommendationsOfInspection(
  ctx: RequestContext,
  inspectionId: string,
): Promise<RecommendationOut[]> {
  await loadInspection(ctx, inspectionId);
  return presentRecommendations(ctx, inspectionId);
}

async function presentRecommendations(
  ctx: RequestContext,
  inspectionId: string,
): Promise<RecommendationOut[]> {
  const ids = (
    await ctx.db
      .select({ id: inspectionRecommendations.id })
      .from(inspectionRecommendations)
      .where(eq(inspectionRecommendations.inspectionId, inspectionId))
      .orderBy(asc(inspectionRecommendations.number))
  ).map((r) => r.id);
  const loaded = await loadRecommendations(ctx, ids, today());
  return ids.flatMap((id) => {
    const l = loaded.get(id);
    if (!l) return [];
    const r = l.row as typeof inspectionRecommendations.$inferSelect;
    const m = l.meta as RecommendationMeta;
    return [
      {
        id: r.id,
        inspectionId: r.inspectionId,
        number: r.number,
        text: r.text,
        unit: l.item.unit,
        dueDate: r.dueDate,
        status: l.item.status as RecommendationStatus,
        timing: l.item.timing,
        findingIds: r.findingIds,
        remediation: r.remediation,
        reportedOn: m.reportedOn,
        closedOn: r.closedOn,
        lastReason: l.item.lastReason,
        version: r.version,
        allowedActions: l.item.allowedActions,
        link: l.item.link,
      },
    ];
  });
}

/** The conclusion of an inspection: its draft (or what was issued), what it may answer, and what stops issuing it. */
export async function getConclusion(ctx: RequestContext, inspectionId: string): Promise<ConclusionOut> {
  const { row, access } = await loadInspection(ctx, inspectionId);
  return presentConclusion(ctx, row, access);
}

async function presentConclusion(
  ctx: RequestContext,
  row: InspectionRow,
  access: InspectionAccess,
): Promise<ConclusionOut> {
  const on = row.concludedOn ?? today();
  const facts = await factsOf(ctx, row, on);
  const rules = await rulesInForceFor(ctx, row, on);
  const calendar = await loadCalendar(ctx.db);
  const defaultDue = recommendationDueDate(on, rules.rules, calendar);
  const draft = draftRecommendationsOf(row);
  const names = await unitFacts(
    ctx.db,
    draft.map((d) => d.unitId),
  );
  const docs = await documentRefs(
    ctx,
    [row.minutesDocumentId, row.conclusionDocumentId].filter((x): x is string => !!x),
  );
  const problems = row.status === 'concluded' ? [] : draftProblems(ctx, row, facts, on);
  return {
    inspectionId: row.id,
    status: row.status,
    version: row.version,
    unit: { id: row.unitId, name: facts.unitName },
    conductedOn: row.conductedOn,
    concludedOn: row.concludedOn,
    summary: row.conclusionDraft,
    recommendations: draft.map((d) => ({
      text: d.text,
      unitId: d.unitId,
      unitName: names.get(d.unitId)?.name ?? '',
      dueDate: d.dueDate,
      effectiveDueDate: d.dueDate ?? defaultDue,
      findingIds: [...d.findingIds],
    })),
    minutes: minutesDetailsOf(row),
    rules: { workingDays: rules.rules.recommendationWorkingDays, defaultDueDate: defaultDue },
    units: facts.allowedUnits,
    findings: facts.findings,
    documents: {
      minutes: row.minutesDocumentId ? (docs.get(row.minutesDocumentId) ?? null) : null,
      conclusion: row.conclusionDocumentId ? (docs.get(row.conclusionDocumentId) ?? null) : null,
    },
    issued: await presentRecommendations(ctx, row.id),
    problems: problems.map((p) => ({ field: p.field, message: translate(ctx.locale, p.key, p.params) })),
    abilities: { draft: mayDraft(row, access), issue: mayIssue(row, access) },
  };
}

type Problem = { field: string; key: Parameters<typeof translate>[1]; params: Record<string, string> };

function draftProblems(ctx: RequestContext, row: InspectionRow, facts: Facts, on: string): Problem[] {
  return conclusionProblems(
    { summary: row.conclusionDraft, recommendations: draftRecommendationsOf(row) },
    {
      concludedOn: on,
      allowedUnitIds: new Set(facts.allowedUnits.map((u) => u.id)),
      findingIds: new Set(facts.findings.map((f) => f.id)),
    },
  ).map((p) => ({ field: p.field, key: p.key, params: { date: on } }));
}

// ---------------------------------------------------------------------------------------------------
// Drafting

/** Saves the head's draft (version-checked, journalled); the inspection's version goes up. */
export async function saveConclusionDraft(
  ctx: RequestContext,
  inspectionId: string,
  input: ConclusionDraftIn,
): Promise<ConclusionOut> {
  const { row, access } = await loadInspection(ctx, inspectionId);
  if (!access.head && !access.office) throw forbidden('recommendations.conclusion.head_or_office_only');
  if (!mayDraft(row, access))
    throw row.status === 'concluded'
      ? conflict('recommendations.conclusion.already_concluded')
      : conflict('recommendations.conclusion.not_draftable');
  if (row.version !== input.version) throw staleVersion('inspection', row.version);
  const patch = {
    conclusionDraft: input.summary,
    conclusionRecommendations: input.recommendations.map((r) => ({
      text: r.text,
      unitId: r.unitId,
      dueDate: r.dueDate ?? null,
      findingIds: [...new Set(r.findingIds)],
    })),
    minutesDetails: input.minutes,
  };
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(inspections)
      .set({ ...patch, version: sql`${inspections.version} + 1`, updatedAt: new Date() })
      .where(and(eq(inspections.id, row.id), eq(inspections.version, input.version)))
      .returning();
    if (!u) throw staleVersion('inspection', row.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'draft_conclusion',
        entity: 'inspection',
        entityId: row.id,
        before: {
          conclusionDraft: row.conclusionDraft,
          conclusionRecommendations: row.conclusionRecommendations,
          minutesDetails: row.minutesDetails,
        },
        after: patch,
      },
    );
    return u;
  });
  return presentConclusion(ctx, updated, access);
}

// ---------------------------------------------------------------------------------------------------
// Documents

const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '-');

async function minutesFacts(
  ctx: RequestContext,
  row: InspectionRow,
  facts: Facts,
  number: number | null,
  on: string,
): Promise<MinutesFacts> {
  const details = minutesDetailsOf(row);
  return {
    number,
    date: on,
    place: facts.provinceName,
    parentBody: `UBND tỉnh ${facts.provinceName}`,
    unitName: facts.unitName,
    meetingPlace: details.place || `trụ sở ${facts.unitName}`,
    form: row.form,
    basis: facts.basis,
    team: facts.team,
    representatives: details.representatives,
    areas: facts.areas,
  };
}

/** The minutes as .docx: as issued (with its number) once registered, else a preview with the number left blank. */
export async function minutesDocument(
  ctx: RequestContext,
  inspectionId: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const { row } = await loadInspection(ctx, inspectionId);
  const issuedOn = row.concludedOn ?? today();
  const facts = await factsOf(ctx, row, issuedOn);
  const registered = row.minutesDocumentId
    ? (await documentRefs(ctx, [row.minutesDocumentId])).get(row.minutesDocumentId)
    : undefined;
  const on = registered?.issuedOn ?? minutesDateOf(row, issuedOn);
  const buffer = await minutesDocx(
    await minutesFacts(ctx, row, facts, numberOf(registered?.numberSymbol), on),
  );
  return { buffer, fileName: fileSafe(`Biên bản kiểm tra CCHC - ${facts.unitName}.docx`) };
}

async function conclusionFacts(
  ctx: RequestContext,
  row: InspectionRow,
  facts: Facts,
  o: {
    issuer: IssuerFacts;
    number: number | null;
    issuedOn: string;
    minutes: string | null;
    recommendations: { number: number; text: string; unitId: string; dueDate: string }[];
  },
) {
  const names = await unitFacts(
    ctx.db,
    o.recommendations.map((r) => r.unitId),
  );
  return {
    issuer: o.issuer,
    number: o.number,
    date: o.issuedOn,
    place: facts.provinceName,
    unitName: facts.unitName,
    form: row.form,
    conductedOn: row.conductedOn ?? row.plannedFrom,
    basis: facts.basis,
    minutes: o.minutes,
    summary: row.conclusionDraft,
    areas: facts.areaCounts,
    recommendations: o.recommendations.map((r) => ({
      number: r.number,
      text: r.text,
      unitName: names.get(r.unitId)?.name ?? '',
      dueDate: r.dueDate,
    })),
    recipients: ['Ban Chỉ đạo cải cách hành chính tỉnh', 'Sở Nội vụ'],
  };
}

/**
 * The conclusion notice as .docx: as issued once registered (its number, date and recommendations), else a
 * preview of the draft by `issuer` on `issuedOn` (default today) with the number left blank and each due date as
 * it would be set.
 */
export async function conclusionDocument(
  ctx: RequestContext,
  inspectionId: string,
  query: { issuer?: ConclusionIssuer | undefined; issuedOn?: string | undefined },
): Promise<{ buffer: Buffer; fileName: string }> {
  const { row } = await loadInspection(ctx, inspectionId);
  // A notice is issued today or was issued earlier: a preview dated later is dated today.
  const asked = query.issuedOn && query.issuedOn < today() ? query.issuedOn : today();
  const issuedOn = row.concludedOn ?? asked;
  const facts = await factsOf(ctx, row, issuedOn);
  const refs = await documentRefs(
    ctx,
    [row.minutesDocumentId, row.conclusionDocumentId].filter((x): x is string => !!x),
  );
  const registered = row.conclusionDocumentId ? refs.get(row.conclusionDocumentId) : undefined;
  const minutes = row.minutesDocumentId ? refs.get(row.minutesDocumentId) : undefined;
  const issuer = issuerOf(
    registered ? issuerFromSymbol(registered.numberSymbol) : (query.issuer ?? 'team'),
    facts,
  );
  let recommendations: { number: number; text: string; unitId: string; dueDate: string }[];
  if (row.status === 'concluded') {
    recommendations = (
      await ctx.db
        .select()
        .from(inspectionRecommendations)
        .where(eq(inspectionRecommendations.inspectionId, row.id))
        .orderBy(asc(inspectionRecommendations.number))
    ).map((r) => ({ number: r.number, text: r.text, unitId: r.unitId, dueDate: r.dueDate }));
  } else {
    const rules = await rulesInForceFor(ctx, row, issuedOn);
    const due = recommendationDueDate(issuedOn, rules.rules, await loadCalendar(ctx.db));
    recommendations = numberRecommendations(draftRecommendationsOf(row), due);
  }
  const buffer = await conclusionDocx(
    await conclusionFacts(ctx, row, facts, {
      issuer,
      number: numberOf(registered?.numberSymbol),
      issuedOn: registered?.issuedOn ?? issuedOn,
      minutes: minutes ? `${minutes.numberSymbol} ngày ${vnDate(minutes.issuedOn)}` : null,
      recommendations,
    }),
  );
  return { buffer, fileName: fileSafe(`Thông báo kết luận kiểm tra CCHC - ${facts.unitName}.docx`) };
}

/** Who issued a registered notice, from its symbol. */
const issuerFromSymbol = (numberSymbol: string): ConclusionIssuer =>
  /TB-ĐKT\s*$/i.test(numberSymbol)
    ? 'team'
    : /TB-UBND\s*$/i.test(numberSymbol)
      ? 'province'
      : 'standing_agency';

// ---------------------------------------------------------------------------------------------------
// Issuing ("Ban hành")

/** A conclusion ready to be recorded: the facts, rules, numbered recommendations, issuer and numbers. */
export type PreparedConclusion = {
  facts: Facts;
  issuedOn: string;
  rulesId: string;
  recommendations: ReturnType<typeof numberRecommendations>;
  issuer: IssuerFacts;
  issuerKind: ConclusionIssuer;
  /** Null when the minutes were registered before (their id is on the inspection already). */
  minutes: { number: number; numberSymbol: string; issuedOn: string } | null;
  conclusion: { number: number; numberSymbol: string };
};

/**
 * Everything a conclusion is recorded with, checked: the draft (400 naming each field), the rules' default due
 * date, the issuer, the numbers (given or the next free ones of the year). No permission check (the caller's).
 */
export async function prepareConclusion(
  ctx: RequestContext,
  row: InspectionRow,
  input: {
    issuedOn: string;
    issuer: ConclusionIssuer;
    minutesNumber?: number | undefined;
    conclusionNumber?: number | undefined;
  },
): Promise<PreparedConclusion> {
  const { issuedOn } = input;
  const facts = await factsOf(ctx, row, issuedOn);
  const problems = draftProblems(ctx, row, facts, issuedOn);
  if (problems.length)
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      problems[0]!.key,
      problems[0]!.params,
      problems.map((p) => ({ field: p.field, message: translate(ctx.locale, p.key, p.params) })),
    );
  const rules = await rulesInForceFor(ctx, row, issuedOn);
  const calendar = await loadCalendar(ctx.db);
  const recommendations = numberRecommendations(
    draftRecommendationsOf(row),
    recommendationDueDate(issuedOn, rules.rules, calendar),
  );
  const issuer = issuerOf(input.issuer, facts);
  const suggested = await suggestedNumbers(ctx, row, issuer, issuedOn);
  const minutesNumber = input.minutesNumber ?? suggested.minutes.number;
  const conclusionNumber = input.conclusionNumber ?? suggested.conclusion.number;
  return {
    facts,
    issuedOn,
    rulesId: rules.id,
    recommendations,
    issuer,
    issuerKind: input.issuer,
    minutes: row.minutesDocumentId
      ? null
      : {
          number: minutesNumber,
          numberSymbol: numberSymbolOf(minutesNumber, SYMBOL_MINUTES),
          issuedOn: suggested.minutes.issuedOn,
        },
    conclusion: { number: conclusionNumber, numberSymbol: numberSymbolOf(conclusionNumber, issuer.symbol) },
  };
}

/**
 * Records a prepared conclusion in the caller's transaction (no permission check, no files): the minutes (unless
 * registered before) and the notice in the register — a number already used that year is a 409 —, the inspection
 * concluded (version-checked) with their ids and the rules version, the numbered recommendations, the journal
 * entries, and the units told. Returns the register's ids and the recommendations created.
 */
export async function recordConclusion(
  ctx: RequestContext,
  row: InspectionRow,
  p: PreparedConclusion,
): Promise<{
  minutesId: string | null;
  conclusionId: string;
  recommendations: (typeof inspectionRecommendations.$inferSelect)[];
}> {
  const { facts, issuedOn } = p;
  // A number is used once a year per symbol (checked here, in the transaction: someone may have taken it since).
  for (const [n, symbol, on] of [
    ...(p.minutes ? [[p.minutes.number, SYMBOL_MINUTES, p.minutes.issuedOn] as const] : []),
    [p.conclusion.number, p.issuer.symbol, issuedOn] as const,
  ])
    if ((await usedNumbers(ctx, symbol, Number(on.slice(0, 4)))).has(n))
      throw conflict('recommendations.conclusion.number_taken', {
        numberSymbol: numberSymbolOf(n, symbol),
        year: Number(on.slice(0, 4)),
      });
  const ownerUnitId = facts.head?.unitId ?? row.provinceId;
  const minutesDoc = p.minutes
    ? await createDocumentRecord(ctx, {
        numberSymbol: p.minutes.numberSymbol,
        type: 'other',
        issuer: `${TEAM_BODY} tỉnh ${facts.provinceName}`,
        issuedOn: p.minutes.issuedOn,
        title: `Biên bản kiểm tra công tác cải cách hành chính tại ${facts.unitName}`,
        summary: null,
        unitId: ownerUnitId,
        access: 'internal',
      })
    : null;
  const conclusionDoc = await createDocumentRecord(ctx, {
    numberSymbol: p.conclusion.numberSymbol,
    type: 'thong_bao',
    issuer: p.issuer.registerName,
    issuedOn,
    title: `Thông báo kết luận kiểm tra công tác cải cách hành chính tại ${facts.unitName}`,
    summary: p.recommendations.length
      ? p.recommendations.map((r) => `${r.number}. ${r.text} (hạn ${vnDate(r.dueDate)})`).join('\n')
      : null,
    unitId: p.issuerKind === 'province' ? row.provinceId : ownerUnitId,
    access: 'internal',
  });
  const [updated] = await ctx.db
    .update(inspections)
    .set({
      status: 'concluded',
      concludedOn: issuedOn,
      minutesDocumentId: minutesDoc?.id ?? row.minutesDocumentId,
      conclusionDocumentId: conclusionDoc.id,
      ruleVersionId: p.rulesId,
      version: sql`${inspections.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(inspections.id, row.id), eq(inspections.version, row.version)))
    .returning();
  if (!updated) throw staleVersion('inspection', row.version);
  const inserted = p.recommendations.length
    ? await ctx.db
        .insert(inspectionRecommendations)
        .values(
          p.recommendations.map((r) => ({
            inspectionId: row.id,
            number: r.number,
            text: r.text,
            unitId: r.unitId,
            findingIds: [...r.findingIds],
            dueDate: r.dueDate,
          })),
        )
        .returning()
    : [];
  await recordChange(ctx, {
    action: 'conclude',
    entity: 'inspection',
    entityId: row.id,
    before: { status: row.status, minutesDocumentId: row.minutesDocumentId, conclusionDocumentId: null },
    after: {
      status: updated.status,
      concludedOn: updated.concludedOn,
      minutesDocumentId: updated.minutesDocumentId,
      conclusionDocumentId: updated.conclusionDocumentId,
      ruleVersionId: updated.ruleVersionId,
    },
  });
  for (const r of inserted)
    await recordChange(ctx, {
      action: 'create',
      entity: 'inspection_recommendation',
      entityId: r.id,
      after: r,
    });
  await tellUnits(ctx, row, facts, inserted);
  return { minutesId: minutesDoc?.id ?? null, conclusionId: conclusionDoc.id, recommendations: inserted };
}

/** The .docx of a prepared conclusion: the minutes (when it registers them) and the notice, with their numbers. */
async function preparedFiles(ctx: RequestContext, row: InspectionRow, p: PreparedConclusion) {
  const existingMinutes = row.minutesDocumentId
    ? (await documentRefs(ctx, [row.minutesDocumentId])).get(row.minutesDocumentId)
    : undefined;
  const minutesRef = p.minutes ?? existingMinutes ?? null;
  return {
    minutes: p.minutes
      ? await minutesDocx(await minutesFacts(ctx, row, p.facts, p.minutes.number, p.minutes.issuedOn))
      : null,
    conclusion: await conclusionDocx(
      await conclusionFacts(ctx, row, p.facts, {
        issuer: p.issuer,
        number: p.conclusion.number,
        issuedOn: p.issuedOn,
        minutes: minutesRef ? `${minutesRef.numberSymbol} ngày ${vnDate(minutesRef.issuedOn)}` : null,
        recommendations: p.recommendations,
      }),
    ),
  };
}

/**
 * Issues the conclusion ("Ban hành": the standing agency, once the minutes are signed): checks the draft (a
 * recommendation without text, a unit outside the inspected unit's subtree, a due date before the conclusion date:
 * 400 naming each field) and the issue date (not in the future, not before the inspection), then in one
 * transaction records it (`recordConclusion`); then attaches the two .docx to the register's records. Concluding
 * twice is a 409.
 */
export async function issueConclusion(
  ctx: RequestContext,
  store: FileStore,
  inspectionId: string,
  input: ConclusionIssueIn,
  maxBytes: number,
): Promise<ConclusionOut> {
  requireActor(ctx);
  const { row, access } = await loadInspection(ctx, inspectionId);
  if (row.status === 'concluded' || row.conclusionDocumentId)
    throw conflict('recommendations.conclusion.already_concluded');
  const step = inspectionTransition(row.status, 'conclude', access);
  if (!step.ok) {
    if (step.status === 409)
      throw conflict('recommendations.conclusion.not_ready', { state: STATE_WORDS[row.status]![ctx.locale] });
    throw forbidden('recommendations.conclusion.office_only');
  }
  if (row.version !== input.version) throw staleVersion('inspection', row.version);
  const issuedOn = input.issuedOn ?? today();
  if (issuedOn > today()) throw validation('issuedOn', 'recommendations.conclusion.issued_in_future');
  if (row.conductedOn && issuedOn < row.conductedOn)
    throw validation('issuedOn', 'recommendations.conclusion.issued_before_conducted', {
      date: row.conductedOn,
    });
  const prepared = await prepareConclusion(ctx, row, {
    issuedOn,
    issuer: input.issuer ?? 'team',
    minutesNumber: input.minutesNumber,
    conclusionNumber: input.conclusionNumber,
  });
  // The files first (in memory): no work while the transaction holds the database.
  const files = await preparedFiles(ctx, row, prepared);
  const recorded = await ctx.db.transaction((tx) => recordConclusion({ ...ctx, db: tx }, row, prepared));
  const attach = async (documentId: string, buffer: Buffer, filename: string) =>
    attachFile(
      ctx,
      store,
      documentId,
      { content: Readable.from(buffer), filename },
      Math.max(maxBytes, buffer.length),
    );
  if (recorded.minutesId && files.minutes && prepared.minutes)
    await attach(
      recorded.minutesId,
      files.minutes,
      fileSafe(`Biên bản kiểm tra ${prepared.minutes.numberSymbol}.docx`),
    );
  await attach(
    recorded.conclusionId,
    files.conclusion,
    fileSafe(`Thông báo kết luận kiểm tra ${prepared.conclusion.numberSymbol}.docx`),
  );
  const { row: after, access: now } = await loadInspection(ctx, inspectionId);
  return presentConclusion(ctx, after, now);
}

/** Each unit responsible hears of its recommendations (its focal points and leader), in the issuing transaction. */
async function tellUnits(
  ctx: RequestContext,
  row: InspectionRow,
  facts: Facts,
  created: readonly (typeof inspectionRecommendations.$inferSelect)[],
) {
  const byUnit = new Map<string, (typeof created)[number][]>();
  for (const r of created) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  for (const [unitId, list] of byUnit) {
    const first = [...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]!;
    await notify(ctx, {
      userIds: await recipientsForUnit(ctx, unitId, ['focal_point', 'unit_leader']),
      kind: 'task_assigned',
      text: {
        vi: {
          title: `Kết luận kiểm tra CCHC: ${list.length} kiến nghị cần khắc phục`,
          body: `Thông báo kết luận kiểm tra tại ${facts.unitName} giao đơn vị khắc phục ${list.length} kiến nghị (số ${list.map((r) => r.number).join(', ')}), hạn sớm nhất ${vnDate(first.dueDate)}. Đề nghị báo cáo kết quả khắc phục kèm minh chứng.`,
        },
        en: {
          title: `PAR inspection conclusion: ${list.length} recommendation(s) to remedy`,
          body: `The conclusion of the inspection of ${facts.unitName} gives your unit ${list.length} recommendation(s) to remedy (no. ${list.map((r) => r.number).join(', ')}), the first due ${vnDate(first.dueDate)}. Please report the remediation with evidence.`,
        },
      },
      link: `/inspections/${row.id}`,
      entity: { type: RECOMMENDATION_KIND, id: first.id },
    });
  }
}
