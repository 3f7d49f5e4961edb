/**
 * The briefing pack of a committee meeting (issue 18, item 2): one click of the standing agency gathers, through
 * the other modules' exported functions, the province's key figures for the period before the meeting and the one
 * before it (dashboard `provinceFigures`), the committee's plan by reform area (plans `planDashboard`), dossiers
 * month by month (the same catalogue), the members in office on the meeting day with the units they follow
 * (committees `rosterOfCommittee`) and those units' overdue work of every kind (work `overdueWork`), the last
 * session's conclusions and their tasks' state (meetings `followUp`) and the agenda; builds the content
 * (`briefing-content.ts`, pure); has a worker thread draw the charts and write the .docx and the PDF
 * (`briefing.task.ts`, decision 0006); and attaches both to the meeting (meetings `attachMeetingFile`: stored,
 * linked and journalled). A new click adds a new pair, named with the time it was made; earlier ones stay.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import { AppError, forbidden } from '../../core/errors.js';
import { inlinePool, taskRef, type WorkerPool } from '../../core/jobs/pool.js';
import { seedDataFolder } from '../../paths.js';
import { getCommittee, rosterOfCommittee } from '../committees/committees.service.js';
import { FIGURE_CATALOGUE, provinceFigures, type FigureValue } from '../dashboard/figures.service.js';
import { placeName } from '../documents/admin-document.js';
import type { FileStore } from '../files/file-store.js';
import type { MeetingOut } from '../meetings/meetings.schemas.js';
import { attachMeetingFile, followUp, getMeeting } from '../meetings/meetings.service.js';
import { addDays } from '../calendar/index.js';
import { planDashboard } from '../plans/dashboard.service.js';
import { listPlans, REFORM_AREA_LABELS, REFORM_AREAS, type ReformArea } from '../plans/plans.service.js';
import { unitFacts } from '../units/units.service.js';
import { overdueWork } from '../work/work.service.js';
import {
  briefingContent,
  briefingWindows,
  type BriefingFacts,
  type ConclusionFacts,
  type FigureFact,
  type MemberFacts,
  type Window,
} from './briefing-content.js';
import type { BriefingOut } from './briefing.schemas.js';
import type * as BriefingTask from './briefing.task.js';

const BRIEFING_TASK = taskRef<typeof BriefingTask>(new URL('./briefing.task.js', import.meta.url));
export const FONTS_DIR = path.join(seedDataFolder, 'fonts');

export type BriefingDeps = { store: FileStore; maxBytes: number; pool?: WorkerPool };

/** How many months the dossiers' trend shows (the months up to the period's end). */
const TREND_MONTHS = 6;

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

/** The People's Committee above the standing agency: "UBND tỉnh Nghệ An" from "Tỉnh Nghệ An" or from itself. */
export const peopleCommittee = (hostName: string) =>
  /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s/iu.test(hostName) ? hostName : `UBND ${lowerFirst(hostName)}`;

/** The key figures of a window and the window before, side by side (the catalogue's order and names). */
async function figures(ctx: RequestContext, window: Window, previous: Window): Promise<FigureFact[] | null> {
  let now: FigureValue[];
  let before: FigureValue[];
  try {
    now = await provinceFigures(ctx, window);
    before = await provinceFigures(ctx, previous);
  } catch (err) {
    // A caller who may not read the province's figures gets a pack that says so, not a failure.
    if (err instanceof AppError && err.status === 403) return null;
    throw err;
  }
  const prev = new Map(before.map((f) => [f.key, f.value]));
  return now.map((f) => {
    const def = FIGURE_CATALOGUE[f.key];
    return {
      key: f.key,
      label: def.label.vi,
      unit: def.unit,
      better: def.better,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      previous: prev.get(f.key) ?? null,
    };
  });
}

/** The months (calendar months, the last one cut at `to`) of the trend, oldest first. */
export function trendMonths(to: string, count = TREND_MONTHS): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  let y = Number(to.slice(0, 4));
  let m = Number(to.slice(5, 7));
  for (let i = 0; i < count; i++) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    const last = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
    out.unshift({ label: `${String(m).padStart(2, '0')}/${y}`, from: first, to: last < to ? last : to });
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

async function dossierTrend(ctx: RequestContext, to: string): Promise<BriefingFacts['dossierTrend']> {
  const out: { month: string; onTime: number | null; online: number | null }[] = [];
  for (const m of trendMonths(to)) {
    try {
      const [onTime, online] = await provinceFigures(ctx, { from: m.from, to: m.to }, [
        'dossiers.onTime',
        'dossiers.online',
      ]);
      out.push({ month: m.label, onTime: onTime?.value ?? null, online: online?.value ?? null });
    } catch (err) {
      if (err instanceof AppError && err.status === 403) return [];
      throw err;
    }
  }
  return out;
}

/** The committee's plan of the year, task completion by reform area as of `asOf` (null: no plan). */
async function planByArea(
  ctx: RequestContext,
  hostUnitId: string,
  asOf: string,
): Promise<BriefingFacts['planByArea']> {
  const year = Number(asOf.slice(0, 4));
  const plan = (await listPlans(ctx, year, 'committee')).find((p) => p.ownerUnitId === hostUnitId);
  if (!plan) return null;
  const d = await planDashboard(ctx, plan.id, { asOf, groupBy: ['area'] });
  const order = (key: string) => {
    const i = REFORM_AREAS.indexOf(key as ReformArea);
    return i < 0 ? REFORM_AREAS.length : i;
  };
  return {
    planTitle: plan.title,
    rows: [...(d.byArea ?? [])]
      .sort((a, b) => order(a.key) - order(b.key))
      .map((g) => ({
        area: REFORM_AREA_LABELS[g.key as ReformArea]?.vi ?? g.key,
        completionPct: g.kpis.completionPct.value,
        overdue: g.kpis.overdue.value,
      })),
  };
}

/**
 * The members in office on the meeting day with the units they followed then, and each unit's overdue work on
 * `asOf` by kind (the unit's own and that of the units below it).
 */
async function members(
  ctx: RequestContext,
  committeeId: string,
  meetingDate: string,
  asOf: string,
): Promise<MemberFacts[]> {
  const roster = await rosterOfCommittee(ctx, committeeId, meetingDate);
  const followed = [...new Set(roster.flatMap((m) => m.assignments.map((a) => a.unitId)))];
  const overdue = followed.length ? await overdueWork(ctx, followed, asOf) : [];
  const paths = await unitFacts(
    ctx.db,
    overdue.map((i) => i.unit.id),
  );
  const byUnit = new Map<string, Record<string, number>>(followed.map((id) => [id, {}]));
  for (const item of overdue)
    for (const id of paths.get(item.unit.id)?.path ?? [item.unit.id]) {
      const counts = byUnit.get(id);
      if (counts) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    }
  return roster.map((m) => ({
    name: m.name,
    position: m.position,
    office: m.office,
    units: m.assignments.map((a) => ({ unitName: a.unitName, byKind: byUnit.get(a.unitId) ?? {} })),
  }));
}

/** The committee's last session held before the meeting, its conclusions and their state today. */
async function previousSession(
  ctx: RequestContext,
  committeeId: string,
  meetingDate: string,
): Promise<BriefingFacts['previousMeeting']> {
  const { previous } = await followUp(ctx, committeeId, addDays(meetingDate, -1));
  if (!previous) return null;
  return {
    title: previous.title,
    date: previous.date,
    conclusions: previous.conclusions.map((c): ConclusionFacts => ({
      ordinal: c.ordinal,
      text: c.text,
      leadUnitName: c.leadUnitName,
      dueDate: c.dueDate,
      state: c.state,
      daysOverdue: Math.max(
        0,
        ...c.tasks.map((t) => (t.timing.state === 'overdue' ? t.timing.daysOverdue : 0)),
      ),
    })),
  };
}

/** Everything the pack says about a meeting, read with the caller's rights. */
export async function briefingFacts(
  ctx: RequestContext,
  meeting: MeetingOut,
  today = todayInVietnam(),
): Promise<BriefingFacts> {
  const committee = await getCommittee(ctx, meeting.committeeId);
  const previousMeeting = await previousSession(ctx, meeting.committeeId, meeting.date);
  const { window, previous } = briefingWindows(meeting.date, previousMeeting?.date ?? null, today);
  const host = (await unitFacts(ctx.db, [committee.hostUnitId])).get(committee.hostUnitId);
  const hostName = host?.name ?? committee.hostUnitName;
  return {
    meeting: { title: meeting.title, date: meeting.date, agenda: meeting.agenda },
    committee: { name: committee.name },
    issuer: committee.standingUnitName
      ? { parentBody: peopleCommittee(hostName), name: committee.standingUnitName }
      : { parentBody: null, name: committee.name },
    place: placeName(hostName),
    issuedOn: today,
    window,
    previousWindow: previous,
    figures: await figures(ctx, window, previous),
    planByArea: await planByArea(ctx, committee.hostUnitId, window.to),
    dossierTrend: await dossierTrend(ctx, window.to),
    members: await members(ctx, meeting.committeeId, meeting.date, window.to),
    previousMeeting,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "07-12-2026 15h30" in Vietnam's time: the files of each generation are told apart by it. */
export function stampOf(now: Date): string {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  return `${pad2(vn.getUTCDate())}-${pad2(vn.getUTCMonth() + 1)}-${vn.getUTCFullYear()} ${pad2(vn.getUTCHours())}h${pad2(vn.getUTCMinutes())}`;
}

/**
 * Makes the meeting's briefing pack and attaches it (.docx and PDF). The meeting's managers (admin, standing
 * officer) and the committee's leaders (the meetings module's `brief`); its other readers get 403, others 404/403
 * as for the meeting.
 */
export async function generateBriefing(
  ctx: RequestContext,
  deps: BriefingDeps,
  meetingId: string,
  now = new Date(),
): Promise<BriefingOut> {
  const meeting = await getMeeting(ctx, meetingId);
  if (!meeting.abilities.brief) throw forbidden();
  const content = briefingContent(await briefingFacts(ctx, meeting, todayInVietnam(now)));
  const rendered = await (deps.pool ?? inlinePool).run(BRIEFING_TASK, { content, fontsDir: FONTS_DIR });
  const base = `${content.fileBase} (lập ${stampOf(now)})`;
  const names = { docx: `${base}.docx`, pdf: `${base}.pdf` };
  const maxBytes = Math.max(deps.maxBytes, rendered.docx.length, rendered.pdf.length);
  await attachMeetingFile(
    ctx,
    deps.store,
    meetingId,
    { content: Readable.from([Buffer.from(rendered.docx)]), filename: names.docx },
    maxBytes,
    'brief',
  );
  const out = await attachMeetingFile(
    ctx,
    deps.store,
    meetingId,
    { content: Readable.from([Buffer.from(rendered.pdf)]), filename: names.pdf },
    maxBytes,
    'brief',
  );
  const last = (name: string) => out.files.findLast((f) => f.originalName === name);
  return {
    meeting: out,
    files: [last(names.docx), last(names.pdf)].filter((f) => f !== undefined),
  };
}
