/**
 * The demo province's reform programmes (Nghệ An): "Chương trình CCHC tỉnh Nghệ An giai đoạn 2021–2025" with eight
 * targets drawn from Resolution 76/NQ-CP (section III: 2025 targets) and the domain notes (§2, §5), and the 2026–2030
 * programme in force with its 2026 progress. Bound targets read chidao's figures for the years it has data for
 * (dossiers from 2023, the committee's plans 2023–2025, the standings 2023–2024, the hotline and surveys of the
 * demo); the years before chidao carry values entered by hand with a registered report as evidence, so the page
 * shows where each value came from. One target is entered by hand only ("TTHC đủ điều kiện cung cấp DVCTT toàn
 * trình").
 *
 * **Sources and what is illustrative.** The 2025 targets (80% of dossiers online, 100% of eligible procedures fully
 * online, satisfaction ≥ 90%) are Resolution 76/NQ-CP's; the province's own yearly milestones, baselines and every
 * value entered by hand are illustrative, and so are the two programmes' documents: their number and date are NOT
 * confirmed (the register entries say so in their summary). Nothing here is presented as an official figure.
 */
import type { RequestContext } from '../../core/context.js';
import type { DemoFacts } from '../../core/module.js';
import { recordChange } from '../audit/audit.service.js';
import { findCommittee } from '../committees/committees.service.js';
import { createDocumentRecord, findDocumentBySymbol } from '../documents/documents.service.js';
import type { FigureKey } from '../dashboard/figures.service.js';
import type { ReformArea } from '../tasks/index.js';
import {
  reformProgrammes,
  reformTargets,
  reformTargetValues,
  type Milestone,
  type TargetMeasure,
} from './programmes.table.js';

const UNCONFIRMED = 'Số, ký hiệu và ngày ban hành minh họa cho bản demo — CHƯA xác minh với văn bản thật.';
const ILLUSTRATIVE = 'Số liệu minh họa cho bản demo.';

type DemoTarget = {
  name: string;
  area: ReformArea;
  measure?: TargetMeasure;
  comparison?: 'gte' | 'lte';
  baseline?: [year: number, value: number];
  milestones: [year: number, value: number][];
  finalValue: number;
  figureKey?: FigureKey;
  /** Values entered by hand: [year, value, measured on (year to date) or null]. */
  manual?: [year: number, value: number, measuredOn: string | null][];
  /** The register document cited as evidence of the hand values (by number and symbol). */
  evidence: string;
  note?: string;
};

const REPORT_2022 = '28/BC-SNV';
const REPORT_2025 = '315/BC-UBND';
const REPORT_2026 = '246/BC-SNV';

const TARGETS_2021_2025: DemoTarget[] = [
  {
    name: 'Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến trên tổng số hồ sơ',
    area: 'digital_government',
    baseline: [2020, 20.5],
    milestones: [
      [2021, 30],
      [2022, 40],
      [2023, 50],
      [2024, 65],
    ],
    finalValue: 80,
    figureKey: 'dossiers.online',
    manual: [
      [2021, 28.8, null],
      [2022, 41.2, null],
    ],
    evidence: REPORT_2022,
    note: 'Nghị quyết số 76/NQ-CP: đến năm 2025, tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.',
  },
  {
    name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    area: 'procedures',
    baseline: [2020, 97.2],
    milestones: [
      [2021, 98],
      [2022, 98],
      [2023, 98],
      [2024, 98],
    ],
    finalValue: 98,
    figureKey: 'dossiers.onTime',
    manual: [
      [2021, 97.6, null],
      [2022, 98.4, null],
    ],
    evidence: REPORT_2022,
  },
  {
    name: 'Mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết TTHC',
    area: 'procedures',
    baseline: [2020, 80.3],
    milestones: [
      [2022, 85],
      [2023, 87],
      [2024, 88],
    ],
    finalValue: 90,
    figureKey: 'surveys.satisfaction',
    manual: [
      [2022, 83.1, null],
      [2023, 82.1, null],
      [2024, 84.6, null],
    ],
    evidence: REPORT_2025,
    note: 'Nghị quyết số 76/NQ-CP: mức độ hài lòng về giải quyết TTHC đạt tối thiểu 90% vào năm 2025.',
  },
  {
    name: 'Hoàn thành nhiệm vụ Kế hoạch CCHC hằng năm của tỉnh',
    area: 'direction',
    milestones: [
      [2021, 100],
      [2022, 100],
      [2023, 100],
      [2024, 100],
    ],
    finalValue: 100,
    figureKey: 'plan.completion',
    manual: [
      [2021, 100, null],
      [2022, 100, null],
    ],
    evidence: REPORT_2022,
  },
  {
    name: 'Chỉ số CCHC (PAR Index) của tỉnh',
    area: 'direction',
    measure: 'points',
    baseline: [2020, 84.9],
    milestones: [
      [2023, 86],
      [2024, 87.5],
    ],
    finalValue: 89,
    figureKey: 'standings.parIndex',
    manual: [
      [2021, 85.3, null],
      [2022, 85.9, null],
    ],
    evidence: REPORT_2022,
  },
  {
    name: 'Tỷ lệ phản ánh, kiến nghị của người dân, doanh nghiệp được xử lý đúng hạn',
    area: 'procedures',
    milestones: [
      [2023, 90],
      [2024, 92],
    ],
    finalValue: 95,
    figureKey: 'hotline.onTime',
    manual: [
      [2023, 91.5, null],
      [2024, 93.0, null],
    ],
    evidence: REPORT_2025,
  },
  {
    name: 'Tỷ lệ cơ quan, đơn vị, địa phương ban hành kế hoạch CCHC năm',
    area: 'direction',
    milestones: [
      [2021, 100],
      [2022, 100],
      [2023, 100],
      [2024, 100],
    ],
    finalValue: 100,
    figureKey: 'units.plansIssued',
    manual: [
      [2021, 100, null],
      [2022, 100, null],
    ],
    evidence: REPORT_2022,
  },
  {
    name: '100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình',
    area: 'digital_government',
    baseline: [2020, 22],
    milestones: [
      [2022, 50],
      [2023, 70],
      [2024, 85],
    ],
    finalValue: 100,
    manual: [
      [2021, 35, null],
      [2022, 52, null],
      [2023, 74.5, null],
      [2024, 88.2, null],
      [2025, 100, null],
    ],
    evidence: REPORT_2025,
    note: 'Nghị quyết số 76/NQ-CP: đến năm 2025, 100% TTHC đủ điều kiện được cung cấp dưới hình thức DVCTT toàn trình.',
  },
];

const TARGETS_2026_2030: DemoTarget[] = [
  {
    name: 'Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến trên tổng số hồ sơ',
    area: 'digital_government',
    baseline: [2025, 80],
    milestones: [
      [2026, 82],
      [2027, 84],
      [2028, 86],
      [2029, 88],
    ],
    finalValue: 90,
    figureKey: 'dossiers.online',
    evidence: REPORT_2026,
  },
  {
    name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    area: 'procedures',
    milestones: [[2026, 98.5]],
    finalValue: 99,
    figureKey: 'dossiers.onTime',
    evidence: REPORT_2026,
  },
  {
    name: 'Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính',
    area: 'procedures',
    milestones: [[2026, 90]],
    finalValue: 95,
    figureKey: 'surveys.satisfaction',
    evidence: REPORT_2026,
  },
  {
    name: 'Tỷ lệ hồ sơ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến',
    area: 'digital_government',
    baseline: [2025, 52],
    milestones: [[2026, 60]],
    finalValue: 80,
    manual: [[2026, 57.5, '2026-11-30']],
    evidence: REPORT_2026,
  },
  {
    name: 'Tỷ lệ kết quả giải quyết TTHC được số hóa',
    area: 'digital_government',
    baseline: [2025, 75],
    milestones: [[2026, 80]],
    finalValue: 100,
    manual: [[2026, 84, '2026-11-30']],
    evidence: REPORT_2026,
  },
];

async function documentId(
  ctx: RequestContext,
  f: DemoFacts,
  d: { numberSymbol: string; type: string; issuer: string; issuedOn: string; title: string; summary: string },
): Promise<string | null> {
  const owner = f.unitIds.get('noivu') ?? f.provinceId;
  const existing = await findDocumentBySymbol(ctx, d.numberSymbol);
  if (existing) return existing.id;
  const row = await createDocumentRecord(ctx, { ...d, unitId: owner, access: 'internal' });
  return row.id;
}

async function seedProgramme(
  ctx: RequestContext,
  p: {
    committeeId: string;
    kind: 'party_resolution' | 'programme' | 'plan';
    title: string;
    documentId: string | null;
    fromYear: number;
    toYear: number;
    goals: string;
    status: 'in_force' | 'ended';
    note: string;
  },
  targets: DemoTarget[],
  evidence: Map<string, string | null>,
) {
  const [programme] = await ctx.db.insert(reformProgrammes).values(p).returning();
  await recordChange(ctx, {
    action: 'seed',
    entity: 'reform_programme',
    entityId: programme!.id,
    after: programme,
  });
  for (const [i, t] of targets.entries()) {
    const milestones: Milestone[] = t.milestones.map(([year, value]) => ({ year, value }));
    const [target] = await ctx.db
      .insert(reformTargets)
      .values({
        reformProgrammeId: programme!.id,
        name: t.name,
        area: t.area,
        measure: t.measure ?? 'percent',
        comparison: t.comparison ?? 'gte',
        baselineYear: t.baseline?.[0] ?? null,
        baselineValue: t.baseline?.[1] ?? null,
        milestones,
        finalValue: t.finalValue,
        figureKey: t.figureKey ?? null,
        sortOrder: i,
        note: t.note ?? '',
      })
      .returning();
    await recordChange(ctx, { action: 'seed', entity: 'reform_target', entityId: target!.id, after: target });
    const doc = evidence.get(t.evidence) ?? null;
    for (const [year, value, measuredOn] of t.manual ?? []) {
      if (!doc) continue;
      const [row] = await ctx.db
        .insert(reformTargetValues)
        .values({
          reformTargetId: target!.id,
          year,
          value,
          measuredOn,
          evidenceDocumentId: doc,
          note: ILLUSTRATIVE,
        })
        .returning();
      await recordChange(ctx, {
        action: 'seed',
        entity: 'reform_target_value',
        entityId: row!.id,
        after: row,
      });
    }
  }
}

/** Seeds the two programmes (once: nothing when a programme exists or the province has no committee). */
export async function seedDemoProgrammes(ctx: RequestContext, f: DemoFacts): Promise<boolean> {
  const [any] = await ctx.db.select({ id: reformProgrammes.id }).from(reformProgrammes).limit(1);
  if (any) return false;
  const committee = await findCommittee(ctx, f.provinceId, 'province');
  if (!committee) return false;
  const evidence = new Map<string, string | null>([
    [
      REPORT_2022,
      await documentId(ctx, f, {
        numberSymbol: REPORT_2022,
        type: 'bao_cao',
        issuer: 'Sở Nội vụ tỉnh Nghệ An',
        issuedOn: '2023-01-12',
        title: 'Báo cáo kết quả công tác cải cách hành chính năm 2022 (số liệu 2021–2022)',
        summary: `Minh chứng các chỉ tiêu năm 2021–2022, trước khi có chidao. ${UNCONFIRMED}`,
      }),
    ],
    [
      REPORT_2025,
      await documentId(ctx, f, {
        numberSymbol: REPORT_2025,
        type: 'bao_cao',
        issuer: 'UBND tỉnh Nghệ An',
        issuedOn: '2025-12-18',
        title: 'Báo cáo kết quả cung cấp dịch vụ công trực tuyến và mức độ hài lòng giai đoạn 2021–2025',
        summary: `Minh chứng tỷ lệ TTHC cung cấp DVCTT toàn trình và mức độ hài lòng các năm. ${UNCONFIRMED}`,
      }),
    ],
    [
      REPORT_2026,
      await documentId(ctx, f, {
        numberSymbol: REPORT_2026,
        type: 'bao_cao',
        issuer: 'Sở Nội vụ tỉnh Nghệ An',
        issuedOn: '2026-12-02',
        title: 'Báo cáo nhanh tiến độ các chỉ tiêu CCHC 11 tháng năm 2026',
        summary: `Số liệu thanh toán trực tuyến và số hóa kết quả đến 30/11/2026. ${UNCONFIRMED}`,
      }),
    ],
  ]);
  const doc2125 = await documentId(ctx, f, {
    numberSymbol: '126/CTr-UBND',
    type: 'other',
    issuer: 'UBND tỉnh Nghệ An',
    issuedOn: '2021-09-20',
    title: 'Chương trình cải cách hành chính tỉnh Nghệ An giai đoạn 2021 – 2025',
    summary: `Chương trình CCHC giai đoạn 2021–2025 theo Nghị quyết số 76/NQ-CP. ${UNCONFIRMED}`,
  });
  const doc2630 = await documentId(ctx, f, {
    numberSymbol: '58/CTr-UBND',
    type: 'other',
    issuer: 'UBND tỉnh Nghệ An',
    issuedOn: '2026-02-10',
    title: 'Chương trình cải cách hành chính tỉnh Nghệ An giai đoạn 2026 – 2030',
    summary: `Chương trình CCHC giai đoạn 2026–2030 theo Nghị quyết số 76/NQ-CP. ${UNCONFIRMED}`,
  });
  await seedProgramme(
    ctx,
    {
      committeeId: committee.id,
      kind: 'programme',
      title: 'Chương trình CCHC tỉnh Nghệ An giai đoạn 2021–2025',
      documentId: doc2125,
      fromYear: 2021,
      toYear: 2025,
      goals:
        'Xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại; đến năm 2025 tối thiểu 80% hồ sơ TTHC được xử lý trực tuyến, 100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình, mức độ hài lòng của người dân, doanh nghiệp đạt tối thiểu 90% (theo Nghị quyết số 76/NQ-CP).',
      status: 'ended',
      note: `Văn bản của chương trình: ${UNCONFIRMED} Các mốc năm và kết quả nhập tay: ${ILLUSTRATIVE}`,
    },
    TARGETS_2021_2025,
    evidence,
  );
  await seedProgramme(
    ctx,
    {
      committeeId: committee.id,
      kind: 'programme',
      title: 'Chương trình CCHC tỉnh Nghệ An giai đoạn 2026–2030',
      documentId: doc2630,
      fromYear: 2026,
      toYear: 2030,
      goals:
        'Tiếp tục thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021–2030 (Nghị quyết số 76/NQ-CP) trong mô hình chính quyền địa phương hai cấp: nâng tỷ lệ hồ sơ trực tuyến, thanh toán trực tuyến và số hóa kết quả; mức độ hài lòng đạt tối thiểu 95% vào năm 2030.',
      status: 'in_force',
      note: `Văn bản của chương trình: ${UNCONFIRMED} Các mốc năm và kết quả nhập tay: ${ILLUSTRATIVE}`,
    },
    TARGETS_2026_2030,
    evidence,
  );
  return true;
}
