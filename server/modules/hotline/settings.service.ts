/**
 * The hotline's configuration: categories (shipped defaults on first use, then the province's), the routing
 * table (category × area → handling unit) and the versioned deadline rules.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  AppError,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import { allow } from '../access/policy.js';
import { settingsPolicy } from './hotline.policy.js';
import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../../db/client.js';
import { rulesInvalid, ruleVersions, type RuleVersionOf } from '../../db/rule-versions.js';
import { recordChange } from '../audit/audit.service.js';
import { provincesInForce } from '../units/departments.service.js';
import { ancestorPaths, getUnits, unitDisplayName } from '../units/units.service.js';
import type { CategoryOut } from './hotline.schemas.js';
import { feedbackCategories, feedbackRoutes, hotlineRuleVersions } from './hotline.table.js';
import {
  DEFAULT_HOTLINE_SLA,
  describeSlaProblem,
  validateSlaRules,
  type HotlineSlaRules,
} from './rules/sla.js';

/**
 * The categories shipped (domain notes §3; the fields citizens' feedback falls in, as provincial portals list
 * them). Keys are stable: Open311 serves them as service codes.
 */
export const DEFAULT_CATEGORIES: readonly {
  key: string;
  vi: string;
  en: string;
  dvi: string;
  den: string;
}[] = [
  {
    key: 'dat_dai',
    vi: 'Đất đai',
    en: 'Land',
    dvi: 'Cấp giấy chứng nhận, bồi thường, giải phóng mặt bằng, chuyển mục đích sử dụng đất.',
    den: 'Land-use certificates, compensation, site clearance, change of land use.',
  },
  {
    key: 'xay_dung',
    vi: 'Xây dựng',
    en: 'Construction',
    dvi: 'Giấy phép xây dựng, trật tự xây dựng, quy hoạch.',
    den: 'Building permits, construction order, planning.',
  },
  {
    key: 'dau_tu_kinh_doanh',
    vi: 'Đầu tư, kinh doanh',
    en: 'Investment and business',
    dvi: 'Đăng ký doanh nghiệp, hộ kinh doanh, dự án đầu tư.',
    den: 'Business and household-business registration, investment projects.',
  },
  {
    key: 'ho_tich',
    vi: 'Hộ tịch, chứng thực',
    en: 'Civil status and certification',
    dvi: 'Khai sinh, kết hôn, khai tử, chứng thực bản sao, chữ ký.',
    den: 'Births, marriages, deaths, certified copies and signatures.',
  },
  {
    key: 'thue_phi',
    vi: 'Thuế, phí, lệ phí',
    en: 'Taxes and fees',
    dvi: 'Thu thuế, phí, lệ phí, thanh toán trực tuyến.',
    den: 'Taxes, charges and fees, online payment.',
  },
  {
    key: 'lao_dong_xa_hoi',
    vi: 'Lao động, chính sách xã hội',
    en: 'Labour and social policy',
    dvi: 'Bảo hiểm, trợ cấp, người có công, bảo trợ xã hội.',
    den: 'Insurance, allowances, people with meritorious services, social protection.',
  },
  {
    key: 'giao_thong',
    vi: 'Giao thông, vận tải',
    en: 'Transport',
    dvi: 'Đăng ký, đăng kiểm phương tiện, giấy phép lái xe, hạ tầng giao thông.',
    den: 'Vehicle registration and inspection, driving licences, road infrastructure.',
  },
  {
    key: 'moi_truong',
    vi: 'Tài nguyên, môi trường',
    en: 'Natural resources and environment',
    dvi: 'Ô nhiễm, rác thải, khoáng sản, nước.',
    den: 'Pollution, waste, minerals, water.',
  },
  {
    key: 'y_te_giao_duc',
    vi: 'Y tế, giáo dục',
    en: 'Health and education',
    dvi: 'Khám chữa bệnh, bảo hiểm y tế, trường học, tuyển sinh.',
    den: 'Health care, health insurance, schools, admissions.',
  },
  {
    key: 'dich_vu_cong',
    vi: 'Dịch vụ công trực tuyến',
    en: 'Online public services',
    dvi: 'Cổng dịch vụ công, nộp hồ sơ trực tuyến, trả kết quả điện tử.',
    den: 'The public-service portal, online submission, electronic results.',
  },
  {
    key: 'thai_do_can_bo',
    vi: 'Thái độ, hành vi của cán bộ',
    en: 'Conduct of officials',
    dvi: 'Chậm trễ, gây phiền hà, nhũng nhiễu, áp dụng sai quy định.',
    den: 'Delays, harassment, demanding extra papers or money, misapplied rules.',
  },
  {
    key: 'khac',
    vi: 'Lĩnh vực khác',
    en: 'Other',
    dvi: 'Quy định hành chính và việc thực hiện ở lĩnh vực khác.',
    den: 'Administrative rules and how they are applied in other fields.',
  },
];

type CategoryRow = typeof feedbackCategories.$inferSelect;

export const presentCategory = (c: CategoryRow): CategoryOut => ({
  id: c.id,
  key: c.key,
  name: { vi: c.nameVi, en: c.nameEn },
  description: { vi: c.descriptionVi, en: c.descriptionEn },
  active: c.active,
  position: c.position,
  version: c.version,
});

/** The shipped categories, written once (a database that has any category keeps its own). */
export async function ensureCategories(ctx: RequestContext): Promise<void> {
  const [any] = await ctx.db.select({ id: feedbackCategories.id }).from(feedbackCategories).limit(1);
  if (any) return;
  const rows = await ctx.db
    .insert(feedbackCategories)
    .values(
      DEFAULT_CATEGORIES.map((c, i) => ({
        key: c.key,
        nameVi: c.vi,
        nameEn: c.en,
        descriptionVi: c.dvi,
        descriptionEn: c.den,
        position: i + 1,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const row of rows)
    await recordChange(ctx, { action: 'create', entity: 'feedback_category', entityId: row.id, after: row });
}

export async function listCategories(
  ctx: RequestContext,
  options: { activeOnly: boolean },
): Promise<CategoryOut[]> {
  await ensureCategories(ctx);
  const rows = await ctx.db
    .select()
    .from(feedbackCategories)
    .where(options.activeOnly ? eq(feedbackCategories.active, true) : undefined)
    .orderBy(asc(feedbackCategories.position), asc(feedbackCategories.nameVi));
  return rows.map(presentCategory);
}

export async function categoriesByIds(db: Db, ids: readonly string[]): Promise<Map<string, CategoryRow>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select()
    .from(feedbackCategories)
    .where(
      sql`${feedbackCategories.id} IN (${sql.join(
        wanted.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------------
// The province whose hotline this is

/**
 * The province a case goes to: the province above the unit it is about, or else the registry's province
 * (the one in force; with several, the first by code — a registry of one province is the normal install).
 */
export async function hotlineProvince(
  db: Db,
  subjectUnitId: string | null | undefined,
): Promise<string | null> {
  if (subjectUnitId) {
    const path = (await ancestorPaths(db, [subjectUnitId])).get(subjectUnitId);
    if (path?.length) {
      const units = await getUnits(db, path);
      const province = units.find((u) => u.kind === 'province');
      if (province) return province.id;
    }
  }
  const provinces = await provincesInForce(db, todayInVietnam());
  return provinces[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Routing: which unit handles a category of feedback about a place

/**
 * The unit the routing table suggests for a case: a route for its category whose area holds the subject unit
 * (the most specific area first), else the category's route for anywhere; null when none fits.
 */
export async function suggestHandlingUnit(
  db: Db,
  categoryId: string | null,
  subjectUnitId: string | null,
): Promise<{ id: string; name: string } | null> {
  if (!categoryId) return null;
  const routes = await db
    .select()
    .from(feedbackRoutes)
    .where(eq(feedbackRoutes.categoryId, categoryId))
    .orderBy(desc(feedbackRoutes.createdAt));
  if (!routes.length) return null;
  const path = subjectUnitId ? ((await ancestorPaths(db, [subjectUnitId])).get(subjectUnitId) ?? []) : [];
  // The area nearest the subject unit wins (its depth in the path); a route for anywhere comes last.
  const depth = (areaId: string | null) => (areaId === null ? -1 : path.indexOf(areaId));
  const best = routes
    .filter((r) => r.areaUnitId === null || path.includes(r.areaUnitId))
    .sort((a, b) => depth(b.areaUnitId) - depth(a.areaUnitId))[0];
  if (!best) return null;
  const [unit] = await getUnits(db, [best.handlingUnitId]);
  return unit && !unit.validTo ? { id: unit.id, name: unitDisplayName(unit) } : null;
}

export async function addRoute(
  ctx: RequestContext,
  input: { categoryId: string; areaUnitId: string | null; handlingUnitId: string; note?: string },
) {
  const [row] = await ctx.db
    .insert(feedbackRoutes)
    .values({ ...input, note: input.note ?? '' })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'feedback_route', entityId: row!.id, after: row });
  return row!;
}

// ---------------------------------------------------------------------------------------------------
// Deadline rules (versioned)

export type RuleVersion = RuleVersionOf<HotlineSlaRules>;

/** The deadline rules' versions; the shipped defaults (`DEFAULT_HOTLINE_SLA`) are the first. */
const hotlineRules = ruleVersions({
  table: hotlineRuleVersions,
  entity: 'hotline_rules',
  shipped: DEFAULT_HOTLINE_SLA,
  problems: (rules) => validateSlaRules(rules).map(describeSlaProblem),
});

/** The rules in force on a day (a case keeps the version it was received under). */
export const rulesOn = (ctx: RequestContext, day: string): Promise<RuleVersion> => hotlineRules.on(ctx, day);

/** Rule versions by id (a case's deadlines are explained by the version it was received under). */
export async function ruleVersionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, HotlineSlaRules>> {
  const versions = await hotlineRules.byIds(db, ids);
  return new Map([...versions].map(([id, v]) => [id, v.rules]));
}

// ---------------------------------------------------------------------------------------------------
// The settings page: categories, routes and rule versions, kept by the standing agency over the province

function requireManager(ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const provinceIds = actor.rootsFor(['admin', 'standing_officer']);
  if (!allow(settingsPolicy, actor, 'manage', { provinceIds })) throw forbidden();
  return actor;
}

export async function hotlineSettings(ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const categories = await listCategories(ctx, { activeOnly: false });
  const routes = await ctx.db.select().from(feedbackRoutes).orderBy(asc(feedbackRoutes.createdAt));
  const units = new Map(
    (
      await getUnits(ctx.db, [
        ...new Set(routes.flatMap((r) => [r.handlingUnitId, r.areaUnitId ?? '']).filter(Boolean)),
      ])
    ).map((u) => [u.id, { name: unitDisplayName(u), ended: !!u.validTo }]),
  );
  const current = await rulesOn(ctx, todayInVietnam());
  const versions = await hotlineRules.all(ctx.db);
  return {
    categories,
    routes: routes.map((r) => ({
      id: r.id,
      categoryId: r.categoryId,
      area: r.areaUnitId ? { id: r.areaUnitId, name: units.get(r.areaUnitId)?.name ?? '' } : null,
      handlingUnit: {
        id: r.handlingUnitId,
        name: units.get(r.handlingUnitId)?.name ?? '',
        ended: units.get(r.handlingUnitId)?.ended ?? false,
      },
      note: r.note,
    })),
    rules: {
      currentId: current.id,
      versions,
    },
    abilities: {
      manage: allow(settingsPolicy, actor, 'manage', {
        provinceIds: actor.rootsFor(['admin', 'standing_officer']),
      }),
    },
  };
}

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * Counts the changes of the categories and rules made through this process: intake keeps what it read of them for
 * a second (./case-writer.ts) unless this moved since.
 */
let generation = 0;
export const settingsGeneration = () => generation;
const settingsChanged = <T>(result: T): T => {
  generation++;
  return result;
};

export async function createCategory(
  ctx: RequestContext,
  input: { key: string; nameVi: string; nameEn: string; descriptionVi?: string; descriptionEn?: string },
) {
  requireManager(ctx);
  if (!KEY.test(input.key)) throw validation('key', 'hotline.category_key');
  const [exists] = await ctx.db
    .select({ id: feedbackCategories.id })
    .from(feedbackCategories)
    .where(eq(feedbackCategories.key, input.key));
  if (exists) throw new AppError(409, 'CONFLICT', 'hotline.category_key_taken', { key: input.key });
  const [{ n } = { n: 0 }] = await ctx.db
    .select({ n: sql<number>`coalesce(max(${feedbackCategories.position}), 0)::int` })
    .from(feedbackCategories);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedbackCategories)
      .values({
        key: input.key,
        nameVi: input.nameVi.trim(),
        nameEn: input.nameEn.trim(),
        descriptionVi: (input.descriptionVi ?? '').trim(),
        descriptionEn: (input.descriptionEn ?? '').trim(),
        position: Number(n) + 1,
      })
      .returning();
    await recordChange(
      { ...ctx, db: tx },
      { action: 'create', entity: 'feedback_category', entityId: row!.id, after: row },
    );
    return presentCategory(row!);
  });
  return settingsChanged(created);
}

export async function updateCategory(
  ctx: RequestContext,
  id: string,
  input: {
    version: number;
    nameVi?: string | undefined;
    nameEn?: string | undefined;
    descriptionVi?: string | undefined;
    descriptionEn?: string | undefined;
    active?: boolean | undefined;
    position?: number | undefined;
  },
) {
  requireManager(ctx);
  const [before] = await ctx.db.select().from(feedbackCategories).where(eq(feedbackCategories.id, id));
  if (!before) throw notFound('feedback_category');
  if (before.version !== input.version) throw staleVersion('feedback_category', before.version);
  const { version, ...fields } = input;
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(feedbackCategories)
      .set({ ...fields, version: sql`${feedbackCategories.version} + 1` })
      .where(and(eq(feedbackCategories.id, id), eq(feedbackCategories.version, version)))
      .returning();
    if (!row) throw staleVersion('feedback_category', before.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'feedback_category', entityId: id, before, after: row },
    );
    return presentCategory(row);
  });
  return settingsChanged(updated);
}

export async function createRoute(
  ctx: RequestContext,
  input: {
    categoryId: string;
    areaUnitId?: string | null | undefined;
    handlingUnitId: string;
    note?: string | undefined;
  },
) {
  requireManager(ctx);
  if (!(await categoriesByIds(ctx.db, [input.categoryId])).has(input.categoryId))
    throw validation('categoryId', 'hotline.category_unknown');
  const [unit] = await getUnits(ctx.db, [input.handlingUnitId]);
  if (!unit || unit.validTo) throw validation('handlingUnitId', 'hotline.unit_not_in_province');
  return ctx.db.transaction(async (tx) =>
    addRoute(
      { ...ctx, db: tx },
      {
        categoryId: input.categoryId,
        areaUnitId: input.areaUnitId ?? null,
        handlingUnitId: input.handlingUnitId,
        note: input.note ?? '',
      },
    ),
  );
}

export async function deleteRoute(ctx: RequestContext, id: string) {
  requireManager(ctx);
  const [before] = await ctx.db.select().from(feedbackRoutes).where(eq(feedbackRoutes.id, id));
  if (!before) throw notFound('feedback_route');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(feedbackRoutes).where(eq(feedbackRoutes.id, id));
    await recordChange(
      { ...ctx, db: tx },
      { action: 'delete', entity: 'feedback_route', entityId: id, before },
    );
  });
}

/**
 * A new version of the deadline rules from a day on (today or later: a case keeps the version it was received
 * under, so a change never moves an existing deadline); checked by `validateSlaRules`, each problem named.
 */
export async function addRuleVersion(
  ctx: RequestContext,
  input: { validFrom: string; rules: HotlineSlaRules; note?: string | undefined },
) {
  const actor = requireManager(ctx);
  if (input.validFrom < todayInVietnam()) throw validation('validFrom', 'hotline.rules_in_past');
  const problems = validateSlaRules(input.rules);
  if (problems.length) throw rulesInvalid(problems, 'hotline.rules_invalid', 'hotline.sla');
  return settingsChanged(await hotlineRules.add(ctx, input, actor.user.id, 'hotline.rules_date_taken'));
}
