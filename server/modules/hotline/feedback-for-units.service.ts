/**
 * Feedback about the units a committee member follows (issue 14, point 6: members hear what citizens say of the
 * officials of the units they follow): cases about them or handled by them, open ones and those closed in the
 * last 90 days, without the submitters' personal data.
 */
import { and, desc, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { addDays } from '../calendar/index.js';
import { getUnits, unitDisplayName } from '../units/units.service.js';
import { OPEN_STATUSES, type CaseStatus } from './case-rules.js';
import { feedbackCases } from './hotline.table.js';
import { categoriesByIds } from './settings.service.js';

export type UnitFeedbackItem = {
  id: string;
  code: string;
  title: string;
  status: CaseStatus;
  classification: string | null;
  category: { vi: string; en: string } | null;
  unitId: string;
  unitName: string;
  receivedOn: string;
  dueDate: string | null;
  overdue: boolean;
  satisfaction: 'satisfied' | 'not_satisfied' | null;
};

export async function feedbackAboutUnits(
  ctx: RequestContext,
  unitIds: readonly string[],
  asOf: string,
  limit = 20,
): Promise<UnitFeedbackItem[]> {
  if (!unitIds.length) return [];
  const ids = [...unitIds];
  const rows = await ctx.db
    .select()
    .from(feedbackCases)
    .where(
      and(
        or(inArray(feedbackCases.subjectUnitId, ids), inArray(feedbackCases.handlingUnitId, ids)),
        or(
          inArray(feedbackCases.status, [...OPEN_STATUSES]),
          gte(feedbackCases.closedOn, addDays(asOf, -90)),
        ),
        sql`${feedbackCases.status} <> 'merged'`,
        lte(feedbackCases.receivedOn, asOf),
      ),
    )
    .orderBy(desc(feedbackCases.receivedAt))
    .limit(limit);
  const units = new Map((await getUnits(ctx.db, ids)).map((u) => [u.id, unitDisplayName(u)]));
  const categories = await categoriesByIds(
    ctx.db,
    rows.map((r) => r.categoryId ?? ''),
  );
  return rows.map((r) => {
    const unitId = r.handlingUnitId && units.has(r.handlingUnitId) ? r.handlingUnitId : r.subjectUnitId!;
    const c = r.categoryId ? categories.get(r.categoryId) : undefined;
    const due = r.status === 'received' ? r.triageDueDate : r.dueDate;
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status as CaseStatus,
      classification: r.classification,
      category: c ? { vi: c.nameVi, en: c.nameEn } : null,
      unitId,
      unitName: units.get(unitId) ?? '',
      receivedOn: r.receivedOn,
      dueDate: due,
      overdue: OPEN_STATUSES.includes(r.status as CaseStatus) && !!due && due < asOf,
      satisfaction: r.satisfaction,
    };
  });
}
