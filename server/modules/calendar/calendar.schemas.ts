import { z } from 'zod';

/** A civil date `YYYY-MM-DD` (impossible dates such as 2026-02-30 are refused). */
const isoDate = z.iso.date();
const localizedName = z.object({
  vi: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});
const basis = z.string().trim().min(3).max(1000);

/** One announced day (a swapped day off, or a make-up working weekend day) with the document it comes from. */
export const announcedDayIn = z.object({ date: isoDate, name: localizedName, basis });
export type LocalizedName = z.infer<typeof localizedName>;

/** One year's announced schedule as an administrator edits it (the year comes from the path). */
export const yearAdjustmentsIn = z.object({
  /** Every day of the announced Tết block, weekends included; null or omitted = the law's five days. */
  tetDays: z.array(isoDate).min(1).max(31).nullish(),
  /** The announcement the Tết block comes from; required with `tetDays`. */
  tetBasis: z.string().trim().max(1000).nullish(),
  /** 1/9 ('before') or 3/9 ('after') as the National Day adjacent day; null = computed default. */
  nationalDayAdjacent: z.enum(['before', 'after']).nullish(),
  daysOff: z.array(announcedDayIn).max(60),
  workingSaturdays: z.array(announcedDayIn).max(60),
});
export type YearAdjustmentsIn = z.infer<typeof yearAdjustmentsIn>;
export const NATIONAL_DAY_ADJACENT = ['before', 'after'] as const;
export type NationalDayAdjacent = (typeof NATIONAL_DAY_ADJACENT)[number];

export const yearParams = z.object({ year: z.coerce.number().int() });

export const yearUpdateIn = z.object({
  /**
   * The `version` read with GET: 0 when the year still uses the shipped defaults (the first save
   * creates the year's row), otherwise the row's version. A different value gets 409 STALE_VERSION.
   */
  version: z.number().int().min(0),
  adjustments: yearAdjustmentsIn,
});
export type YearUpdateIn = z.input<typeof yearUpdateIn>;

const announcedDayOut = z.object({ date: z.iso.date(), name: localizedName, basis: z.string() });
export type AnnouncedDayOut = z.infer<typeof announcedDayOut>;

/** statutory: a day off by law; compensatory: off in lieu of one on a weekend; swap_off / working_weekend: announced swaps. */
export const ENTRY_KINDS = ['statutory', 'compensatory', 'swap_off', 'working_weekend'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const calendarEntryOut = z
  .object({
    date: z.iso.date(),
    name: z.object({ vi: z.string(), en: z.string() }),
    kind: z.enum(ENTRY_KINDS),
    basis: z.string(),
  })
  .meta({ id: 'CalendarEntry' });
export type CalendarEntryOut = z.infer<typeof calendarEntryOut>;

export const calendarYearOut = z
  .object({
    year: z.number(),
    /** 0 while the year uses the shipped defaults (no row yet). */
    version: z.number(),
    /** True while nobody has edited the year: the adjustments are the shipped ones (or none). */
    usesDefaults: z.boolean(),
    /** Whether chidao ships an announced schedule for this year. */
    hasShippedDefaults: z.boolean(),
    adjustments: z.object({
      tetDays: z.array(z.iso.date()).nullable(),
      tetBasis: z.string().nullable(),
      nationalDayAdjacent: z.enum(NATIONAL_DAY_ADJACENT).nullable(),
      daysOff: z.array(announcedDayOut),
      workingSaturdays: z.array(announcedDayOut),
    }),
    /** The law's five Tết days of this year (last day of the lunar year + mùng 1–4), for reference. */
    statutoryTetDays: z.array(z.iso.date()),
    /** The National Day adjacent day in force (announced or computed). */
    nationalDayAdjacent: z.enum(NATIONAL_DAY_ADJACENT),
    /** Days off other than plain weekends, and working weekend days, sorted by date. */
    days: z.array(calendarEntryOut),
    updatedAt: z.iso.datetime().nullable(),
    /** The account that last edited the year (an id, not for display). */
    updatedBy: z.uuid().nullable(),
    abilities: z.object({ read: z.boolean(), update: z.boolean() }),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYearOut = z.infer<typeof calendarYearOut>;
export type YearAdjustmentsOut = CalendarYearOut['adjustments'];

export const holidaysQuery = z.object({ year: z.coerce.number().int() });
export const holidaysOut = z.object({
  year: z.number(),
  usesDefaults: z.boolean(),
  /** Days off other than plain weekends (statutory, compensatory, swapped). */
  daysOff: z.array(calendarEntryOut),
  /** Weekend days that are working days (làm bù). */
  workingWeekends: z.array(calendarEntryOut),
});
export type HolidaysOut = z.infer<typeof holidaysOut>;

const workingDays = z.coerce.number().int().min(0).max(1000);

export const addWorkingDaysQuery = z.object({ from: isoDate, n: workingDays });
export const addWorkingDaysOut = z.object({ from: z.iso.date(), n: z.number(), date: z.iso.date() });
export type AddWorkingDaysOut = z.infer<typeof addWorkingDaysOut>;

export const workingDaysBetweenQuery = z.object({ from: isoDate, to: isoDate });
export const workingDaysBetweenOut = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  workingDays: z.number(),
});
export type WorkingDaysBetweenOut = z.infer<typeof workingDaysBetweenOut>;

export const receiptQuery = z.object({
  /** The submission instant, ISO 8601 with an offset or Z (e.g. 2026-02-13T17:30:00+07:00). */
  at: z.iso.datetime({ offset: true }),
  n: workingDays,
});
export const receiptOut = z.object({
  at: z.iso.datetime(),
  /** The local (office-time) date of the submission. */
  localDate: z.iso.date(),
  /**
   * True when the submission came at or after closing time, or on a day that is not a working day, so
   * it counts as received on the next working day.
   */
  movedToNextWorkingDay: z.boolean(),
  /** The working day the dossier counts as received on. */
  receivedOn: z.iso.date(),
  n: z.number(),
  /** The last day of the time limit: `receivedOn` + n working days. */
  dueDate: z.iso.date(),
  /** The deadline instant: closing time of `dueDate`. */
  dueAt: z.iso.datetime(),
  officeHours: z.object({ open: z.string(), close: z.string() }),
  utcOffsetMinutes: z.number(),
  rule: z.object({ vi: z.string(), en: z.string() }),
});
export type ReceiptOut = z.infer<typeof receiptOut>;
