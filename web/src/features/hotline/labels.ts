/**
 * The hotline's pure presentation rules: which words a status, channel or timing reads as (the keys of
 * `hotline.*` in ./locales), the deadline a case runs against now, who a user is to the hotline (from their
 * grants: the server still decides every list and button), and the time of receipt an intake sends.
 */
import type { Session } from '../../lib/types';
import type { CaseSummary, CaseView, Channel, Classification, Duplicate, Timing } from './api';

/** The tabs of the list, in order. */
export const VIEWS = ['triage', 'open', 'review', 'overdue', 'closed'] as const satisfies readonly CaseView[];
export type ListView = (typeof VIEWS)[number];

export const isListView = (v: unknown): v is ListView =>
  typeof v === 'string' && (VIEWS as readonly string[]).includes(v);

/** Every channel (list filter), and those a staff member enters by hand (intake form). */
export const CHANNELS = [
  'phone',
  'email',
  'letter',
  'press',
  'national_portal',
  'visit',
  'web',
  'open311',
] as const satisfies readonly Channel[];
export const STAFF_CHANNELS = [
  'phone',
  'email',
  'letter',
  'press',
  'national_portal',
  'visit',
] as const satisfies readonly Channel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** Decree 20's four outcomes of triage, in the order the officer weighs them. */
export const CLASSIFICATIONS = [
  'within_authority',
  'behaviour',
  'outside_authority',
  'not_accepted',
] as const satisfies readonly Classification[];

/** The outcomes that give the case to a unit of the province. */
export const needsUnit = (c: Classification | null | undefined) =>
  c === 'within_authority' || c === 'behaviour';

/** The deadline a case runs against now: triage while received, the answer once a unit handles it. */
export function deadlineOf(c: Pick<CaseSummary, 'status' | 'triageDueDate' | 'dueDate'>): {
  kind: 'triage' | 'answer';
  date: string | null;
} {
  if (c.status === 'received') return { kind: 'triage', date: c.triageDueDate };
  return { kind: 'answer', date: c.dueDate };
}

/** The translation key and values of a timing ("còn 3 ngày làm việc", "quá hạn 2 ngày làm việc"). */
export function timingText(timing: Timing): { key: string; values: { count: number } } {
  switch (timing.state) {
    case 'overdue':
      return { key: 'hotline.timing.overdue', values: { count: timing.workingDaysOver ?? 0 } };
    case 'closed_late':
      return { key: 'hotline.timing.closed_late', values: { count: timing.workingDaysOver ?? 0 } };
    case 'closed_on_time':
      return { key: 'hotline.timing.closed_on_time', values: { count: 0 } };
    case 'due_soon':
    case 'on_time': {
      const left = timing.workingDaysLeft ?? 0;
      return left === 0
        ? { key: 'hotline.timing.due_today', values: { count: 0 } }
        : { key: 'hotline.timing.left', values: { count: left } };
    }
  }
}

/** The colour of a timing badge: red when late, yellow when close, green when closed in time. */
export const TIMING_COLORS: Record<Timing['state'], string> = {
  on_time: 'blue',
  due_soon: 'yellow',
  overdue: 'red',
  closed_on_time: 'green',
  closed_late: 'orange',
};

export const STATUS_COLORS: Record<CaseSummary['status'], string> = {
  received: 'grape',
  assigned: 'blue',
  answered: 'violet',
  published: 'green',
  not_accepted: 'gray',
  forwarded: 'cyan',
  merged: 'dark',
};

/** A duplicate's likeness in words: "rất giống" from 0.75, "giống" from 0.5, else "có thể liên quan". */
export function likeness(score: number): 'high' | 'medium' | 'low' {
  if (score >= 0.75) return 'high';
  if (score >= 0.5) return 'medium';
  return 'low';
}

/** The reasons of a duplicate, in a stable order (text, unit, category, place). */
export const reasonKeys = (d: Pick<Duplicate, 'reasons'>) =>
  (['text', 'unit', 'category', 'place'] as const)
    .filter((r) => d.reasons.includes(r))
    .map((r) => `hotline.duplicates.reasons.${r}`);

/** Who reads every case of the province (the receiving office and the committee). */
const PROVINCE_ROLES: readonly string[] = [
  'admin',
  'standing_officer',
  'hotline_officer',
  'committee_leader',
  'committee_member',
];
/** The receiving office (triage, review, intake). */
const OFFICE_ROLES: readonly string[] = ['admin', 'standing_officer', 'hotline_officer'];
/** A handling unit's people. */
const UNIT_ROLES: readonly string[] = ['focal_point', 'unit_leader'];

export type HotlineScope = {
  /** Reads every case of the province. */
  province: boolean;
  /** Receives, triages and reviews (the "to triage" tab is theirs). */
  office: boolean;
  /** The units whose cases the user answers when they read no more than those (the page's title names them). */
  ownUnits: string[];
};

export function hotlineScope(session: Pick<Session, 'grants'> | null | undefined): HotlineScope {
  const grants = session?.grants ?? [];
  const province = grants.some((g) => PROVINCE_ROLES.includes(g.role));
  return {
    province,
    office: grants.some((g) => OFFICE_ROLES.includes(g.role)),
    ownUnits: province
      ? []
      : [...new Set(grants.filter((g) => UNIT_ROLES.includes(g.role)).map((g) => g.unitId))],
  };
}

/** The tab a user starts on: what waits for them first. */
export const defaultView = (scope: HotlineScope): ListView => (scope.office ? 'triage' : 'open');

const pad = (n: number) => String(n).padStart(2, '0');

/** Now as the intake form's date (YYYY-MM-DD) and time (HH:mm), local. */
export function nowParts(now: Date = new Date()): { date: string; time: string } {
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

/**
 * The instant of receipt from the form's local date and time (an ISO string the API reads); null when either
 * is missing or not real.
 */
export function receivedAtOf(date: string | null, time: string | null): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const t = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec((time ?? '').trim());
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const at = new Date(year, month - 1, day, hour, minute);
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return at.toISOString();
}

/** The day after an ISO date (the earliest new deadline of an extension). */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A step of the case's history, as far as the notes below need it. */
type Step = { action: string; note: string | null; on: string; actorName: string | null };

export type StandingNote = {
  /** What it is: the unit asked to send it back, the office returned the draft, the submitter reopened it, it moved to this unit. */
  kind: 'refer_back' | 'return' | 'reopen' | 'transfer';
  note: string;
  on: string;
  by: string | null;
};

/**
 * The note the case's people must read before their next step, when the latest step that set it is still
 * the one in force: while received again, why the unit referred it back; while a unit handles it, why the
 * office returned the draft, why the submitter reopened it, or why it was transferred to this unit. Steps
 * that change nothing of this (an extension, an escalation) are looked through. `events` oldest first.
 */
export function standingNote(status: CaseSummary['status'], events: readonly Step[]): StandingNote | null {
  const relevant: Record<string, readonly string[]> = {
    received: ['receive', 'triage', 'refer_back'],
    assigned: ['triage', 'submit_answer', 'return', 'reopen', 'transfer'],
  };
  const watch = relevant[status];
  if (!watch) return null;
  const last = [...events].reverse().find((e) => watch.includes(e.action));
  if (!last || !last.note?.trim()) return null;
  if (
    last.action !== 'refer_back' &&
    last.action !== 'return' &&
    last.action !== 'reopen' &&
    last.action !== 'transfer'
  )
    return null;
  return { kind: last.action, note: last.note.trim(), on: last.on, by: last.actorName };
}
