/**
 * The demo province's standing in the national indices (Nghệ An), 2023 and 2024: PAR Index (overall and its 8
 * fields), SIPAS (overall and its 5 elements) and PAPI (overall and its 8 dimensions), each with a rank among the 63
 * provinces where one is shown; targets for 2025 and 2026; and the PAR Index field "Cải cách chế độ công vụ", which
 * fell in 2024, turned into an improvement led by Sở Nội vụ with its own plan of 2025 and three tasks in the
 * steering loop (one verified, one verified late, one overdue).
 *
 * **Sources.** Neither the seed articles (../../../shared/seeds) nor the domain notes give Nghệ An's published
 * figures, so every value and rank of the province here is illustrative and its note says "Số liệu minh họa". The
 * domain notes (§4) give two national figures of 2024, used as the national averages of those rows and cited in
 * them: PAR Index 88,37% (Hải Phòng first with 96,17%) and SIPAS 83,94%. Every other national average is
 * illustrative too. Nothing here is presented as an official figure.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import type { DemoFacts } from '../../core/module.js';
import { recordChange } from '../audit/audit.service.js';
import { insertPlanWithTasks, type SeedTask } from '../plans/plans.service.js';
import { dimensionFor, OVERALL, type IndexCode } from './rules/index.js';
import { taskRef } from './improvements.service.js';
import { standingImprovements, standingResults, standingTargets } from './standings.table.js';

const ILLUSTRATIVE = 'Số liệu minh họa';
const ILLUSTRATIVE_SOURCE = 'Minh họa cho bản demo — không phải số liệu công bố chính thức';

/** [dimension code ('' = overall), value, rank | null, national average | null, sourced note | null] */
type Row = [code: string, value: number, rank: number | null, average: number | null, sourced?: string];

const RESULTS: Record<IndexCode, Record<2023 | 2024, Row[]>> = {
  par_index: {
    2023: [
      [OVERALL, 86.52, 27, 86.1],
      ['direction', 95.0, 14, 93.2],
      ['institutions', 90.2, 21, 89.5],
      ['procedures', 92.8, 18, 91.0],
      ['apparatus', 89.5, 25, 88.9],
      ['civil_service', 87.6, 29, 86.8],
      ['public_finance', 84.1, 35, 85.3],
      ['digital_government', 85.3, 31, 84.7],
      ['impact', 80.6, 33, 80.2],
    ],
    2024: [
      [
        OVERALL,
        87.91,
        34,
        88.37,
        'trung bình cả nước 88,37% theo kết quả Chỉ số CCHC năm 2024 của Bộ Nội vụ (ghi chú nghiệp vụ §4)',
      ],
      ['direction', 96.5, 12, 94.1],
      ['institutions', 91.4, 20, 90.6],
      ['procedures', 93.5, 19, 92.4],
      ['apparatus', 90.1, 26, 89.8],
      ['civil_service', 85.2, 44, 87.9],
      ['public_finance', 86.0, 33, 86.4],
      ['digital_government', 88.7, 27, 87.5],
      ['impact', 82.3, 30, 82.0],
    ],
  },
  sipas: {
    2023: [
      [OVERALL, 82.1, 40, 82.66],
      ['access', 85.1, null, 84.9],
      ['procedure', 83.4, null, 83.1],
      ['civil_servants', 84.8, null, 84.2],
      ['result', 82.7, null, 83.0],
      ['feedback', 74.5, null, 76.8],
    ],
    2024: [
      [
        OVERALL,
        84.6,
        31,
        83.94,
        'trung bình cả nước 83,94% theo kết quả SIPAS năm 2024 của Bộ Nội vụ (ghi chú nghiệp vụ §4)',
      ],
      ['access', 86.9, null, 86.0],
      ['procedure', 84.2, null, 84.5],
      ['civil_servants', 86.0, null, 85.1],
      ['result', 84.5, null, 84.3],
      ['feedback', 73.8, null, 78.2],
    ],
  },
  papi: {
    2023: [
      [OVERALL, 42.35, 38, 42.9],
      ['participation', 5.1, 36, 5.05],
      ['transparency', 5.3, 35, 5.4],
      ['accountability', 4.6, 40, 4.7],
      ['corruption_control', 6.7, 33, 6.6],
      ['procedures', 7.35, 29, 7.3],
      ['public_services', 7.4, 37, 7.45],
      ['environment', 3.3, 41, 3.4],
      ['e_governance', 2.6, 39, 2.9],
    ],
    2024: [
      [OVERALL, 43.1, 30, 43.2],
      ['participation', 5.25, 33, 5.1],
      ['transparency', 5.41, 31, 5.45],
      ['accountability', 4.72, 38, 4.75],
      ['corruption_control', 6.85, 28, 6.7],
      ['procedures', 7.3, 35, 7.32],
      ['public_services', 7.55, 30, 7.5],
      ['environment', 3.45, 39, 3.5],
      ['e_governance', 3.52, 32, 3.4],
    ],
  },
};

const SOURCE: Record<IndexCode, string> = {
  par_index:
    'Báo cáo Chỉ số cải cách hành chính các bộ, cơ quan ngang bộ, UBND các tỉnh, thành phố (Bộ Nội vụ)',
  sipas: 'Báo cáo Chỉ số hài lòng về sự phục vụ hành chính (Bộ Nội vụ)',
  papi: 'Báo cáo PAPI (UNDP, CECODES)',
};

/** [index, year, dimension, value, rank] — illustrative targets of the province. */
const TARGETS: [IndexCode, number, string, number | null, number | null][] = [
  ['par_index', 2025, OVERALL, 89, 25],
  ['par_index', 2026, OVERALL, 90, 20],
  ['par_index', 2025, 'civil_service', 88, null],
  ['par_index', 2026, 'civil_service', 90, null],
  ['sipas', 2025, OVERALL, 85.5, 25],
  ['sipas', 2026, OVERALL, 87, 20],
  ['sipas', 2025, 'feedback', 78, null],
  ['papi', 2025, OVERALL, 44, 25],
  ['papi', 2026, OVERALL, 45, 20],
];

const TASKS: Omit<SeedTask, 'leadUnitId'>[] = [
  {
    title:
      'Rà soát, hoàn thiện vị trí việc làm và cơ cấu ngạch công chức tại các sở, ban, ngành và UBND cấp huyện',
    reformArea: 'civil_service',
    startDate: '2025-04-15',
    dueDate: '2025-06-30',
    expectedOutput: 'Báo cáo rà soát vị trí việc làm; quyết định điều chỉnh cơ cấu ngạch',
    status: 'verified',
    reportedOn: '2025-06-20',
    verifiedOn: '2025-06-25',
    output: 'Đã rà soát 100% cơ quan, đơn vị; trình UBND tỉnh điều chỉnh vị trí việc làm của 6 đơn vị.',
  },
  {
    title: 'Đánh giá, xếp loại công chức theo kết quả thực hiện nhiệm vụ, sản phẩm cụ thể hằng quý',
    reformArea: 'civil_service',
    startDate: '2025-05-01',
    dueDate: '2025-09-30',
    expectedOutput: 'Hướng dẫn đánh giá theo quý; báo cáo kết quả áp dụng',
    status: 'verified',
    reportedOn: '2025-10-15',
    verifiedOn: '2025-10-20',
    output: 'Ban hành hướng dẫn đánh giá hằng quý; 21/21 sở, ngành áp dụng từ quý III.',
  },
  {
    title: 'Tổ chức thi tuyển cạnh tranh chức danh lãnh đạo cấp phòng tại một số cơ quan, đơn vị',
    reformArea: 'civil_service',
    startDate: '2025-06-01',
    dueDate: '2025-11-30',
    expectedOutput: 'Đề án thi tuyển; kết quả tổ chức thi tuyển',
    status: 'in_progress',
  },
];

/** Seeds the results, the targets and the improvement (once: nothing when the province already has results). */
export async function seedDemoStandings(ctx: RequestContext, f: DemoFacts): Promise<boolean> {
  const [any] = await ctx.db.select({ id: standingResults.id }).from(standingResults).limit(1);
  if (any) return false;
  for (const index of Object.keys(RESULTS) as IndexCode[])
    for (const year of [2023, 2024] as const)
      for (const [code, value, rank, average, sourced] of RESULTS[index][year]) {
        const [row] = await ctx.db
          .insert(standingResults)
          .values({
            provinceId: f.provinceId,
            indexCode: index,
            year,
            dimensionCode: code,
            value,
            maxValue: dimensionFor(index, year, code)!.scaleMax,
            rank,
            rankOf: rank === null ? null : 63,
            nationalAverage: average,
            source: `${SOURCE[index]} năm ${year} — ${ILLUSTRATIVE_SOURCE}`,
            note: sourced
              ? `${ILLUSTRATIVE} (giá trị, thứ hạng của tỉnh); ${sourced}.`
              : `${ILLUSTRATIVE} (giá trị, thứ hạng của tỉnh và trung bình cả nước).`,
          })
          .returning();
        await recordChange(ctx, { action: 'seed', entity: 'standing_result', entityId: row!.id, after: row });
      }
  for (const [index, year, code, value, rank] of TARGETS) {
    const [row] = await ctx.db
      .insert(standingTargets)
      .values({
        provinceId: f.provinceId,
        indexCode: index,
        year,
        dimensionCode: code,
        targetValue: value,
        targetRank: rank,
        source: 'Mục tiêu minh họa cho bản demo (tỉnh đặt trong kế hoạch CCHC năm)',
      })
      .returning();
    await recordChange(ctx, { action: 'seed', entity: 'standing_target', entityId: row!.id, after: row });
  }

  // The PAR Index field "Cải cách chế độ công vụ" fell in 2024 (87,6% → 85,2%), below the national average, and in
  // the bottom third: given to Sở Nội vụ, who issues its own improvement plan of 2025.
  const noivu = f.unitIds.get('noivu');
  if (!noivu) return true;
  const improvementId = randomUUID();
  const planId = await insertPlanWithTasks(
    ctx,
    {
      year: 2025,
      ownerUnitId: noivu,
      ownerKind: 'unit',
      purpose: 'improvement',
      title: 'Kế hoạch cải thiện Chỉ số CCHC: “Cải cách chế độ công vụ” năm 2025 (Sở Nội vụ)',
      method: 'count',
    },
    TASKS.map((t) => ({ ...t, leadUnitId: noivu, source: 'directive', sourceRef: taskRef(improvementId) })),
  );
  const [improvement] = await ctx.db
    .insert(standingImprovements)
    .values({
      id: improvementId,
      provinceId: f.provinceId,
      indexCode: 'par_index',
      year: 2024,
      dimensionCode: 'civil_service',
      leadUnitId: noivu,
      planId,
      reason:
        'Chỉ số CCHC năm 2024 — Cải cách chế độ công vụ: giảm so với năm trước; thấp hơn trung bình cả nước; thuộc nhóm một phần ba cuối bảng xếp hạng (số liệu minh họa).',
    })
    .returning();
  await recordChange(ctx, {
    action: 'seed',
    entity: 'standing_improvement',
    entityId: improvement!.id,
    after: improvement,
  });
  return true;
}
