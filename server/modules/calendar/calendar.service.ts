/**
 * The working-day calendar as configuration: the pure rules of this module (./index.ts) fed with the
 * announced schedules stored in `calendar_years`, over the shipped `DEFAULT_ADJUSTMENTS`. A year
 * without a row uses the shipped schedule (or the law alone); the first edit of a year copies it into
 * a row (copy-on-write), later edits bump the row's version (optimistic concurrency). Every write is
 * journalled in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, staleVersion, unauthenticated, validation } from '../../core/errors.js';
import { translate, type MessageKey } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { canEditCalendar } from './calendar.policy.js';
import type { CalendarYearOut, YearAdjustmentsIn } from './calendar.schemas.js';
import { calendarYears } from './calendar.table.js';
import {
  adjustmentProblems,
  createCalendar,
  DEFAULT_ADJUSTMENTS,
  DEFAULT_CALENDAR_OPTIONS,
  defaultNationalDayAdjacent,
  holidaysForYear,
  parseIsoDate,
  SUPPORTED_YEARS,
  tetStatutoryDays,
  weekdayOf,
  type AnnouncedDay,
  type Calendar,
  type CalendarEntry,
  type IsoDate,
  type YearAdjustments,
} from './index.js';

const ENTITY = 'calendar_year';
/** The options every calendar of chidao is built with (office hours 07:30–17:00, UTC+7, Sat–Sun off). */
const OPTIONS = DEFAULT_CALENDAR_OPTIONS;

// ---------------------------------------------------------------------------------------------------
// Loading, with a per-process cache

type Loaded = {
  calendar: Calendar;
  editedYears: ReadonlySet<number>;
  adjustments: Readonly<Record<number, YearAdjustments>>;
};
type CacheEntry = { stamp: string; loaded: Loaded };
const cache = new WeakMap<Db, CacheEntry>();

/**
 * The schedules in force: the shipped defaults, replaced year by year by the stored rows. Exported for
 * the tests and for other modules that need the raw data.
 */
export function effectiveAdjustments(
  rows: readonly { year: number; adjustments: YearAdjustments }[],
): Record<number, YearAdjustments> {
  const out: Record<number, YearAdjustments> = { ...DEFAULT_ADJUSTMENTS };
  for (const r of rows) out[r.year] = { ...r.adjustments, year: r.year };
  return out;
}

async function loadState(db: Db): Promise<Loaded> {
  // The (year, version) pairs are a complete fingerprint of the table: any write changes them. Reading
  // them is one tiny query, so an edit made by another process is seen at the next call as well.
  const keys = await db
    .select({ year: calendarYears.year, version: calendarYears.version })
    .from(calendarYears)
    .orderBy(calendarYears.year);
  const stampOf = (list: readonly { year: number; version: number }[]) =>
    list.map((k) => `${k.year}:${k.version}`).join(',');
  const hit = cache.get(db);
  if (hit && hit.stamp === stampOf(keys)) return hit.loaded;
  const rows = await db.select().from(calendarYears).orderBy(calendarYears.year);
  const adjustments = effectiveAdjustments(rows);
  const loaded: Loaded = {
    calendar: createCalendar(adjustments, OPTIONS),
    editedYears: new Set(rows.map((r) => r.year)),
    adjustments,
  };
  // Stamped with what was actually read (a write between the two queries is then seen next time).
  cache.set(db, { stamp: stampOf(rows), loaded });
  return loaded;
}

/** The working-day calendar in force (stored schedules over the shipped defaults), cached per process. */
export async function loadCalendar(db: Db): Promise<Calendar> {
  return (await loadState(db)).calendar;
}

/**
 * The schedules the calendar in force is built from (plain data): another thread builds the same
 * calendar with `createCalendar(adjustments, DEFAULT_CALENDAR_OPTIONS)` (the dossier import's worker).
 */
export async function calendarAdjustments(db: Db): Promise<Readonly<Record<number, YearAdjustments>>> {
  return (await loadState(db)).adjustments;
}

function invalidate(db: Db) {
  cache.delete(db);
}

// ---------------------------------------------------------------------------------------------------
// Checks that name the field (messages in the caller's language)

type Problem = { field: string; key: MessageKey; params: Record<string, string | number> };

/** `2026-02-17` → `17/02/2026`, as dates are written in Vietnamese administration (both languages). */
const vnDate = (date: IsoDate) => date.split('-').reverse().join('/');

const RANGE = { from: SUPPORTED_YEARS.from, to: SUPPORTED_YEARS.to };

function throwProblems(ctx: RequestContext, problems: Problem[]): never {
  const first = problems[0]!;
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first.key,
    { field: first.field, ...first.params },
    problems.map((p) => ({
      field: p.field,
      message: translate(ctx.locale, p.key, { field: p.field, ...p.params }),
    })),
  );
}

function checkYear(year: number, field: string) {
  if (!Number.isInteger(year) || year < RANGE.from || year > RANGE.to)
    throw validation(field, 'calendar.year_out_of_range', { year, ...RANGE });
}

function checkDate(date: IsoDate, field: string) {
  const { year } = parseIsoDate(date); // the schemas already refused malformed dates
  if (year < RANGE.from || year > RANGE.to)
    throw validation(field, 'calendar.date_out_of_range', { date: vnDate(date), ...RANGE });
}

const isWeekend = (date: IsoDate) => [0, 6].includes(weekdayOf(date));
const byDate = <T extends { date: IsoDate }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.date.localeCompare(b.date));
const announced = (d: AnnouncedDay): AnnouncedDay => ({
  date: d.date,
  name: { vi: d.name.vi, en: d.name.en },
  basis: d.basis,
});

/**
 * Checks an edited schedule for `year` and returns it as the pure module's `YearAdjustments`, or
 * throws a 400 listing every problem under its field (`adjustments.daysOff.2.date`, …).
 */
export function validateAdjustments(
  ctx: RequestContext,
  year: number,
  input: YearAdjustmentsIn,
): YearAdjustments {
  const problems: Problem[] = [];
  const at = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
    problems.push({ field: `adjustments.${field}`, key, params });
  const checkList = (dates: readonly IsoDate[], field: (i: number) => string) => {
    const seen = new Set<IsoDate>();
    const ok: boolean[] = dates.map((date, i) => {
      if (parseIsoDate(date).year !== year) {
        at(field(i), 'calendar.date_not_in_year', { date: vnDate(date), year });
        return false;
      }
      if (seen.has(date)) {
        at(field(i), 'calendar.duplicate_date', { date: vnDate(date) });
        return false;
      }
      seen.add(date);
      return true;
    });
    return ok;
  };

  const tetDays = input.tetDays?.length ? input.tetDays : null;
  const tetBasis = input.tetBasis?.trim() || null;
  if (tetDays) {
    const ok = checkList(tetDays, (i) => `tetDays.${i}`);
    if (!tetBasis) at('tetBasis', 'calendar.tet_basis_required');
    const newYearsDay = tetStatutoryDays(year)[1]!;
    if (ok.every(Boolean) && !tetDays.includes(newYearsDay))
      at('tetDays', 'calendar.tet_block_missing_new_year', { date: vnDate(newYearsDay) });
  }
  const offOk = checkList(
    input.daysOff.map((d) => d.date),
    (i) => `daysOff.${i}.date`,
  );
  input.daysOff.forEach((d, i) => {
    if (offOk[i] && isWeekend(d.date))
      at(`daysOff.${i}.date`, 'calendar.day_off_on_weekend', { date: vnDate(d.date) });
  });
  const workOk = checkList(
    input.workingSaturdays.map((d) => d.date),
    (i) => `workingSaturdays.${i}.date`,
  );
  input.workingSaturdays.forEach((d, i) => {
    if (workOk[i] && !isWeekend(d.date))
      at(`workingSaturdays.${i}.date`, 'calendar.working_day_not_weekend', { date: vnDate(d.date) });
  });
  if (problems.length) throwProblems(ctx, problems);

  const adj: YearAdjustments = {
    year,
    ...(tetDays ? { tetDays: [...tetDays].sort(), tetBasis: tetBasis! } : {}),
    ...(input.nationalDayAdjacent ? { nationalDayAdjacent: input.nationalDayAdjacent } : {}),
    daysOff: byDate(input.daysOff.map(announced)),
    workingSaturdays: byDate(input.workingSaturdays.map(announced)),
  };

  const off = new Map(holidaysForYear(year, adj, OPTIONS).map((h) => [h.date, h]));
  input.workingSaturdays.forEach((d, i) => {
    if (off.has(d.date))
      at(`workingSaturdays.${i}.date`, 'calendar.working_day_is_day_off', { date: vnDate(d.date) });
  });
  input.daysOff.forEach((d, i) => {
    const h = off.get(d.date);
    if (h && h.kind !== 'swap_off')
      at(`daysOff.${i}.date`, 'calendar.day_off_is_holiday', {
        date: vnDate(d.date),
        name: h.name[ctx.locale],
      });
  });
  if (problems.length) throwProblems(ctx, problems);

  // The pure module's own checks, run when the calendar is built: anything they still find is refused
  // here rather than breaking every later deadline computation.
  const remaining = adjustmentProblems(adj, OPTIONS);
  if (remaining.length)
    throwProblems(ctx, [
      {
        field: 'adjustments',
        key: 'calendar.invalid_adjustments',
        params: { year, detail: remaining.join('; ') },
      },
    ]);
  return adj;
}

// ---------------------------------------------------------------------------------------------------
// Use-cases

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

type YearRow = typeof calendarYears.$inferSelect;

function presentYear(ctx: RequestContext, year: number, row: YearRow | undefined): CalendarYearOut {
  const adj = row ? { ...row.adjustments, year } : DEFAULT_ADJUSTMENTS[year];
  const days: CalendarEntry[] = createCalendar(adj ? { [year]: adj } : {}, OPTIONS).holidaysOf(year);
  return {
    year,
    version: row?.version ?? 0,
    usesDefaults: !row,
    hasShippedDefaults: Object.hasOwn(DEFAULT_ADJUSTMENTS, year),
    adjustments: {
      tetDays: adj?.tetDays ? [...adj.tetDays] : null,
      tetBasis: adj?.tetDays ? (adj.tetBasis ?? null) : null,
      nationalDayAdjacent: adj?.nationalDayAdjacent ?? null,
      daysOff: (adj?.daysOff ?? []).map(announced),
      workingSaturdays: (adj?.workingSaturdays ?? []).map(announced),
    },
    statutoryTetDays: tetStatutoryDays(year),
    nationalDayAdjacent: adj?.nationalDayAdjacent ?? defaultNationalDayAdjacent(year),
    days,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    abilities: { read: true, update: canEditCalendar(ctx.actor) },
  };
}

/** One year's schedule in force, whether it is the shipped one, and its days off and working weekends. */
export async function getYear(ctx: RequestContext, year: number): Promise<CalendarYearOut> {
  checkYear(year, 'year');
  const [row] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return presentYear(ctx, year, row);
}

/**
 * Replaces one year's schedule (administrators and standing-agency officers). `version` is the one
 * read with `getYear`: 0 while the year uses the shipped defaults (this save creates its row), else the
 * row's version; anything else is 409 STALE_VERSION.
 */
export async function updateYear(
  ctx: RequestContext,
  year: number,
  input: { version: number; adjustments: YearAdjustmentsIn },
): Promise<CalendarYearOut> {
  const actor = requireActor(ctx);
  if (!actor.hasRole('admin', 'standing_officer')) throw forbidden();
  checkYear(year, 'year');
  const adjustments = validateAdjustments(ctx, year, input.adjustments);
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
    const journal = { ...ctx, db: tx };
    if (input.version === 0) {
      if (current) throw staleVersion(ENTITY, current.version);
      const [created] = await tx
        .insert(calendarYears)
        .values({ year, adjustments, updatedBy: actor.user.id })
        .onConflictDoNothing()
        .returning();
      if (!created) throw staleVersion(ENTITY, 1); // created by someone else a moment ago
      await recordChange(journal, {
        action: 'create',
        entity: ENTITY,
        entityId: String(year),
        // Copy-on-write: what was in force before is the shipped schedule (or nothing but the law).
        before: DEFAULT_ADJUSTMENTS[year] ?? null,
        after: created,
      });
      return created;
    }
    const [updated] = await tx
      .update(calendarYears)
      .set({
        adjustments,
        version: sql`${calendarYears.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.user.id,
      })
      .where(and(eq(calendarYears.year, year), eq(calendarYears.version, input.version)))
      .returning();
    if (!updated) throw staleVersion(ENTITY, current?.version ?? 0);
    await recordChange(journal, {
      action: 'update',
      entity: ENTITY,
      entityId: String(year),
      before: current,
      after: updated,
    });
    return updated;
  });
  invalidate(ctx.db);
  return presentYear(ctx, year, row);
}

/** Days off (other than plain weekends) and working weekend days of a year, as in force. */
export async function holidays(
  ctx: RequestContext,
  year: number,
): Promise<{
  year: number;
  usesDefaults: boolean;
  daysOff: CalendarEntry[];
  workingWeekends: CalendarEntry[];
}> {
  checkYear(year, 'year');
  const { calendar, editedYears } = await loadState(ctx.db);
  const entries = calendar.holidaysOf(year);
  return {
    year,
    usesDefaults: !editedYears.has(year),
    daysOff: entries.filter((e) => e.kind !== 'working_weekend'),
    workingWeekends: entries.filter((e) => e.kind === 'working_weekend'),
  };
}

function withinRange<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    // The lunar calendar (hence the holidays) is defined for SUPPORTED_YEARS only.
    if (e instanceof RangeError) throw validation(field, 'calendar.result_out_of_range', RANGE);
    throw e;
  }
}

/** The n-th working day after `from` (n = 0: `from` if it is a working day, else the next one). */
export async function addWorkingDays(ctx: RequestContext, from: IsoDate, n: number): Promise<IsoDate> {
  checkDate(from, 'from');
  const calendar = await loadCalendar(ctx.db);
  return withinRange('n', () => calendar.addWorkingDays(from, n));
}

/** Working days d with from < d ≤ to (negative when `to` is before `from`). */
export async function workingDaysBetween(ctx: RequestContext, from: IsoDate, to: IsoDate): Promise<number> {
  checkDate(from, 'from');
  checkDate(to, 'to');
  const calendar = await loadCalendar(ctx.db);
  return calendar.workingDaysBetween(from, to);
}

/** The after-hours rule, as the receipt endpoint documents it. */
function receiptRule(open: string, close: string) {
  return {
    vi:
      `Hồ sơ nộp trong giờ hành chính (${open}–${close}, giờ Việt Nam) của ngày làm việc, hoặc trước giờ mở cửa, ` +
      `được tính nhận trong ngày đó; nộp từ ${close} trở đi hoặc vào ngày nghỉ được tính nhận vào ngày làm việc tiếp theo ` +
      `(Nghị định 61/2018/NĐ-CP, Điều 19; Nghị định 45/2020/NĐ-CP với hồ sơ trực tuyến). Thời hạn n ngày làm việc ` +
      `tính từ ngày làm việc kế tiếp ngày nhận (Bộ luật Dân sự 2015, Điều 147) và kết thúc lúc ${close} ngày đến hạn.`,
    en:
      `A dossier submitted during office hours (${open}–${close}, Vietnam time) on a working day, or before opening, ` +
      `counts as received that day; one submitted at ${close} or later, or on a day off, counts as received on the next ` +
      `working day (Decree 61/2018/NĐ-CP, Article 19; Decree 45/2020/NĐ-CP for online dossiers). A time limit of n ` +
      `working days counts from the working day after receipt (Civil Code 2015, Article 147) and ends at ${close} on the due date.`,
  };
}

/**
 * The effective receipt day and due date of a dossier submitted at `at` with a time limit of `n`
 * working days (see `receiptRule`).
 */
export async function receipt(ctx: RequestContext, at: string, n: number) {
  const instant = new Date(at);
  const calendar = await loadCalendar(ctx.db);
  const localDate = calendar.localDateOf(instant);
  checkDate(localDate, 'at');
  const receivedOn = withinRange('at', () => calendar.effectiveReceiptDay(instant));
  const dueDate = withinRange('n', () => calendar.addWorkingDays(receivedOn, n));
  const { officeHours, utcOffsetMinutes } = calendar.options;
  const { year, month, day } = parseIsoDate(dueDate);
  const [hh, mm] = officeHours.close.split(':').map(Number) as [number, number];
  const dueAt = new Date(Date.UTC(year, month - 1, day, hh, mm) - utcOffsetMinutes * 60_000);
  return {
    at: instant.toISOString(),
    localDate,
    movedToNextWorkingDay: receivedOn !== localDate,
    receivedOn,
    n,
    dueDate,
    dueAt: dueAt.toISOString(),
    officeHours: { open: officeHours.open, close: officeHours.close },
    utcOffsetMinutes,
    rule: receiptRule(officeHours.open, officeHours.close),
  };
}
