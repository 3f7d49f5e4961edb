/**
 * Nghệ An's periodic PAR reports in the demo (issue 13): the departments report every quarter and the
 * communes every six months and every year (assignments from the plan's reporting duties); the quarter
 * II/2026 round is past its deadline (20/06/2026) with most reports accepted, two late, one returned to Sở
 * Xây dựng with comments and two never sent; the quarter IV/2026 round is open (due 20/12/2026): Sở Tư pháp's
 * draft waits for its leader, a few departments have already sent theirs. The figures are illustrative.
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { Actor } from '../access/actor.js';
import { recordChange } from '../audit/audit.service.js';
import { appendEvents } from '../work/work.service.js';
import { createAssignment } from './assignments.service.js';
import { evaluate, formFields, isComplete, type FormVersion } from './form/index.js';
import { definitionOf, ensureShippedForms, getFormVersionRow, UNIT_FORM } from './forms.service.js';
import { reportAssignments, reportRounds, reports } from './reports.table.js';
import { openRound } from './rounds.service.js';

function seeder(t: RequestContext, provinceId: string): RequestContext {
  return {
    ...t,
    actor: new Actor(
      { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'demo seed', unitId: null },
      [{ id: '00000000-0000-0000-0000-000000000000', role: 'admin', unitId: provinceId }],
    ),
  };
}

/** A unit's plausible figures for a quarter (deterministic by its place in the list). */
export function demoValues(form: FormVersion, i: number, unitName: string): Record<string, unknown> {
  const received = 400 + ((i * 137) % 900);
  const carried = 20 + ((i * 31) % 60);
  const withdrawn = i % 5;
  const toProcess = received + carried - withdrawn;
  const late = (i * 7) % 12;
  const processing = 15 + ((i * 13) % 40);
  const resolved = toProcess - processing;
  const figures: Record<string, number> = {
    plan_tasks_total: 18 + (i % 9),
    plan_tasks_done: 12 + (i % 6),
    subunits_total: 6 + (i % 5),
    subunits_inspected: 3 + (i % 3),
    inspection_issues: i % 4,
    inspection_issues_fixed: i % 3 === 0 ? i % 4 : 0,
    communication_items: 4 + (i % 7),
    survey_respondents: 150 + i * 11,
    satisfaction_rate: 88 + (i % 10),
    legal_docs_reviewed: 5 + (i % 8),
    legal_docs_flagged: i % 2,
    dossiers_carried_over: carried,
    dossiers_received: received,
    dossiers_received_online: Math.round(received * (0.55 + (i % 4) * 0.1)),
    dossiers_withdrawn: withdrawn,
    dossiers_resolved_on_time: resolved - late,
    dossiers_resolved_late: late,
    dossiers_processing: processing,
    dossiers_processing_overdue: Math.min(processing, i % 3),
    pakn_received: 3 + (i % 6),
    pakn_resolved: 3 + (i % 6) - (i % 2),
    staff_quota: 60 + i * 3,
    staff_actual: 55 + i * 3,
    officials_trained: 10 + (i % 12),
    officials_disciplined: 0,
    public_investment_plan: 12_000 + i * 500,
    public_investment_disbursed: 7_000 + i * 350,
    docs_sent_total: 900 + i * 40,
    docs_sent_electronic: 880 + i * 39,
    dossiers_digitised: Math.round(received * 0.8),
  };
  const values: Record<string, unknown> = {};
  for (const { field } of formFields(form)) {
    if (field.key in figures && (field.type === 'number' || field.type === 'percent'))
      values[field.key] = figures[field.key];
    else if (field.type === 'choice')
      values[field.key] = field.multiple ? [field.options[0]!.key] : field.options[0]!.key;
    else if (field.type === 'narrative')
      values[field.key] =
        `${unitName} đã triển khai nội dung «${field.label.vi.toLocaleLowerCase('vi')}» theo Kế hoạch CCHC năm 2026 của UBND tỉnh; kết quả cụ thể nêu tại các biểu số liệu kèm theo.`;
  }
  return values;
}

type Outcome =
  | { status: 'accepted'; submittedOn: string; acceptedOn: string }
  | { status: 'submitted'; submittedOn: string }
  | {
      status: 'returned';
      submittedOn: string;
      returnedOn: string;
      reason: string;
      comments: { target: string; text: string }[];
    }
  | { status: 'draft' };

/** The quarter II/2026 outcome of each department, by its key in demo/nghe-an.ts (others: accepted on time). */
const Q2: Record<string, Outcome> = {
  tuphap: { status: 'accepted', submittedOn: '2026-06-18', acceptedOn: '2026-06-24' },
  xaydung: {
    status: 'returned',
    submittedOn: '2026-06-22',
    returnedOn: '2026-06-25',
    reason: 'Số liệu hồ sơ chưa cân đối; bổ sung kết quả tự kiểm tra',
    comments: [
      {
        target: 'dossiers_processing',
        text: 'Số hồ sơ đang giải quyết chưa khớp với số liệu Hệ thống thông tin giải quyết TTHC tỉnh',
      },
      { target: 'inspection_text', text: 'Nêu rõ số phòng, đơn vị thuộc Sở đã tự kiểm tra trong quý' },
    ],
  },
  yte: { status: 'accepted', submittedOn: '2026-06-25', acceptedOn: '2026-06-29' },
  gddt: { status: 'accepted', submittedOn: '2026-06-23', acceptedOn: '2026-06-26' },
  congthuong: { status: 'submitted', submittedOn: '2026-06-19' },
  dantoctongiao: { status: 'draft' },
  thanhtra: { status: 'draft' },
};

/** Quarter IV/2026 (open): a few departments have sent theirs early. */
const Q4: Record<string, Outcome> = {
  taichinh: { status: 'submitted', submittedOn: '2026-12-03' },
  vpubnd: { status: 'accepted', submittedOn: '2026-12-01', acceptedOn: '2026-12-04' },
  noivu: { status: 'submitted', submittedOn: '2026-12-04' },
};

async function applyOutcomes(
  t: RequestContext,
  roundId: string,
  outcomes: Record<string, Outcome>,
  fallback: Outcome,
  unitKeys: ReadonlyMap<string, string>,
) {
  const [round] = await t.db.select().from(reportRounds).where(eq(reportRounds.id, roundId));
  const form = definitionOf(await getFormVersionRow(t.db, round!.formVersionId));
  const rows = await t.db.select().from(reports).where(eq(reports.roundId, roundId));
  const keyOf = new Map([...unitKeys].map(([k, id]) => [id, k]));
  let i = 0;
  for (const r of rows) {
    i += 1;
    const key = keyOf.get(r.unitId) ?? '';
    const outcome = outcomes[key] ?? fallback;
    const values = { ...demoValues(form, i, key), ...(r.values as Record<string, unknown>) };
    if (outcome.status === 'draft') {
      await t.db.update(reports).set({ values }).where(eq(reports.id, r.id));
      continue;
    }
    const evaluated = evaluate(form, values);
    const events: Parameters<typeof appendEvents>[1][number][] = [
      {
        kind: 'periodic_report',
        itemId: r.id,
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'submitted',
        on: outcome.submittedOn,
        recordedOn: outcome.submittedOn,
        actorId: null,
      },
    ];
    const patch: Partial<typeof reports.$inferInsert> = {
      values,
      status: outcome.status,
      snapshot: { values: evaluated.values, problems: evaluated.problems, complete: isComplete(evaluated) },
      firstSubmittedOn: outcome.submittedOn,
      submittedOn: outcome.submittedOn,
    };
    if (outcome.status === 'accepted') {
      patch.acceptedOn = outcome.acceptedOn;
      events.push({
        kind: 'periodic_report',
        itemId: r.id,
        action: 'accept',
        fromStatus: 'submitted',
        toStatus: 'accepted',
        on: outcome.acceptedOn,
        recordedOn: outcome.acceptedOn,
        actorId: null,
      });
    }
    if (outcome.status === 'returned') {
      patch.lastReason = outcome.reason;
      patch.comments = outcome.comments;
      events.push({
        kind: 'periodic_report',
        itemId: r.id,
        action: 'return',
        fromStatus: 'submitted',
        toStatus: 'returned',
        note: outcome.reason,
        on: outcome.returnedOn,
        recordedOn: outcome.returnedOn,
        actorId: null,
      });
    }
    await t.db.update(reports).set(patch).where(eq(reports.id, r.id));
    await appendEvents(t.db, events);
  }
}

/** Seeds the assignments and the two rounds of 2026 (once: nothing when the province has assignments). */
export async function seedDemoReports(
  t: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  const [existing] = await t.db
    .select({ id: reportAssignments.id })
    .from(reportAssignments)
    .where(eq(reportAssignments.ownerUnitId, provinceId))
    .limit(1);
  if (existing) return false;
  const ctx = seeder(t, provinceId);
  await ensureShippedForms(t.db);
  const base = { formKey: UNIT_FORM, ownerUnitId: provinceId, unitId: provinceId, validFrom: '2021-01-01' };
  await createAssignment(ctx, {
    ...base,
    periodType: 'quarter',
    target: 'kinds',
    unitKinds: ['department'],
    note: 'Kế hoạch CCHC của UBND tỉnh: các sở báo cáo định kỳ hằng quý',
  });
  for (const periodType of ['half', 'year'])
    await createAssignment(ctx, {
      ...base,
      periodType,
      target: 'kinds',
      unitKinds: ['commune'],
      validFrom: '2025-07-01',
      note: 'UBND các xã, phường báo cáo 6 tháng và năm (chính quyền địa phương hai cấp)',
    });
  const q2 = await openRound(ctx, { formKey: UNIT_FORM, ownerUnitId: provinceId, periodKey: '2026-Q2' });
  await applyOutcomes(
    t,
    q2.id,
    Q2,
    { status: 'accepted', submittedOn: '2026-06-17', acceptedOn: '2026-06-23' },
    unitIds,
  );
  const q4 = await openRound(ctx, { formKey: UNIT_FORM, ownerUnitId: provinceId, periodKey: '2026-Q4' });
  await applyOutcomes(t, q4.id, Q4, { status: 'draft' }, unitIds);
  await recordChange(t, {
    action: 'seed',
    entity: 'report_round',
    entityId: q4.id,
    after: { rounds: ['2026-Q2', '2026-Q4'] },
  });
  return true;
}
