/**
 * The demo province's inspections of 2026 (Nghệ An): the plan "Kế hoạch kiểm tra công tác cải cách hành chính
 * năm 2026", approved, with its plan and the decision establishing the team in the register; a joint team led by a
 * Sở Nội vụ official (kiemtra@) with members from VP UBND tỉnh, Sở Tài chính, Sở Tư pháp and Sở Khoa học và Công
 * nghệ (domain notes §2.6); six planned inspections of departments and communes as the 2025 registry holds them —
 * two done earlier in the year (minutes signed, findings recorded, shortcomings to remedy), one in progress with
 * part of its checklist filled, three still to come in December — and a surprise inspection of Xã Con Cuông
 * created from the hotline's escalation about it (../hotline/hotline.demo.ts), which is marked taken; the escalation
 * about Phường Vinh Phú stays open on the proposals page for the standing agency to decide on.
 *
 * The people, the document numbers and the findings are fictional; the dates are of 2026 like the hotline's demo.
 * The team's members besides kiemtra@ are demo accounts without a password (named on the team, not for signing
 * in); they and the team exist only when the demo has its accounts.
 */
import type { RequestContext } from '../../core/context.js';
import { addGrant } from '../access/access.service.js';
import { recordChange } from '../audit/audit.service.js';
import { createDocumentRecord, listAllDocumentSymbols } from '../documents/documents.service.js';
import { markEscalationTaken, provinceInspectionProposals } from '../hotline/escalations.service.js';
import { listUnits, unitDisplayName } from '../units/units.service.js';
import { createUser, findUserByEmail } from '../users/users.service.js';
import { currentTemplates } from './checklists.service.js';
import { copyPlanTeam, putTeamMember } from './inspection-records.service.js';
import { insertInspection } from './inspections.service.js';
import {
  inspectionFindings,
  inspectionPlans,
  type FindingResult,
  type InspectionForm,
  type InspectionStatus,
} from './inspections.table.js';

const PLAN_TITLE = 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026';

/** The team: the head from Sở Nội vụ (the existing inspector's demo account), members from the joint units. */
const MEMBERS: { email: string; fullName: string; position: string; unit: string }[] = [
  {
    email: 'kiemtra.vpubnd@chidao.demo',
    fullName: 'Nguyễn Thị Kiểm Soát',
    position: 'Chuyên viên Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh',
    unit: 'vpubnd',
  },
  {
    email: 'kiemtra.taichinh@chidao.demo',
    fullName: 'Phan Văn Ngân Sách',
    position: 'Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính',
    unit: 'taichinh',
  },
  {
    email: 'kiemtra.tuphap@chidao.demo',
    fullName: 'Hồ Thị Pháp Chế',
    position: 'Chuyên viên Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật, Sở Tư pháp',
    unit: 'tuphap',
  },
  {
    email: 'kiemtra.khcn@chidao.demo',
    fullName: 'Lưu Văn Chuyển Đổi',
    position: 'Chuyên viên Phòng Chuyển đổi số, Sở Khoa học và Công nghệ',
    unit: 'khcn',
  },
];

type Finding = [area: string, key: string, result: FindingResult, note: string];

type DemoInspection = {
  /** A department by its demo key, else a commune or ward by its name. */
  unit: string;
  areas: string[];
  form: InspectionForm;
  from: string;
  to: string;
  status: InspectionStatus;
  conductedOn?: string;
  findings?: Finding[];
};

const INSPECTIONS: DemoInspection[] = [
  {
    unit: 'tuphap',
    areas: ['direction', 'procedures', 'civil_service', 'digital_government'],
    form: 'on_site',
    from: '2026-05-12',
    to: '2026-05-13',
    status: 'minutes_signed',
    conductedOn: '2026-05-12',
    findings: [
      [
        'direction',
        'yearly_plan_on_time',
        'compliant',
        'Kế hoạch CCHC năm 2026 ban hành ngày 06/01/2026, đúng thời hạn, có phân công cụ thể.',
      ],
      [
        'direction',
        'plan_tasks_done',
        'shortcoming',
        'Đến 30/4/2026 hoàn thành 9/22 nhiệm vụ; 2 nhiệm vụ chậm tiến độ (rà soát thủ tục lĩnh vực hộ tịch, số hóa sổ hộ tịch).',
      ],
      ['direction', 'periodic_reports', 'compliant', 'Báo cáo quý I gửi ngày 16/3/2026, đúng đề cương.'],
      [
        'direction',
        'self_inspection',
        'shortcoming',
        'Chưa ban hành kế hoạch tự kiểm tra năm 2026; năm 2025 kiểm tra 3/8 đơn vị trực thuộc (dưới 50%).',
      ],
      ['direction', 'communication', 'compliant', 'Có chuyên mục CCHC trên trang thông tin điện tử của Sở.'],
      ['direction', 'leader_direction', 'compliant', ''],
      [
        'procedures',
        'procedures_published',
        'compliant',
        'Kiểm tra ngẫu nhiên 5 thủ tục: niêm yết đầy đủ, khớp quyết định công bố.',
      ],
      [
        'procedures',
        'dossiers_on_time',
        'shortcoming',
        'Quý I/2026 có 14 hồ sơ cấp phiếu lý lịch tư pháp trễ hạn, chưa có văn bản xin lỗi người dân.',
      ],
      ['procedures', 'one_stop_desk', 'compliant', ''],
      ['procedures', 'no_extra_papers', 'compliant', ''],
      ['procedures', 'feedback_handled', 'compliant', 'Không có phản ánh quá hạn.'],
      ['procedures', 'procedure_simplification', 'compliant', ''],
      ['civil_service', 'job_positions', 'compliant', 'Đề án vị trí việc làm được phê duyệt sau sắp xếp.'],
      ['civil_service', 'recruitment', 'not_applicable', 'Không tuyển dụng trong kỳ.'],
      ['civil_service', 'evaluation', 'compliant', ''],
      ['civil_service', 'discipline', 'compliant', ''],
      ['civil_service', 'training', 'compliant', ''],
      ['digital_government', 'online_dossiers', 'compliant', 'Tỷ lệ hồ sơ nộp trực tuyến 78%.'],
      [
        'digital_government',
        'digitisation',
        'shortcoming',
        'Số hóa kết quả giải quyết thủ tục đạt 62%, thấp hơn chỉ tiêu 80% của tỉnh.',
      ],
      ['digital_government', 'electronic_documents', 'compliant', ''],
      ['digital_government', 'online_payment', 'compliant', ''],
      ['digital_government', 'information_security', 'compliant', ''],
    ],
  },
  {
    unit: 'xaydung',
    areas: ['direction', 'procedures', 'apparatus'],
    form: 'combined',
    from: '2026-06-16',
    to: '2026-06-17',
    status: 'minutes_signed',
    conductedOn: '2026-06-16',
    findings: [
      ['direction', 'yearly_plan_on_time', 'compliant', ''],
      ['direction', 'plan_tasks_done', 'compliant', 'Hoàn thành 11/18 nhiệm vụ, đúng tiến độ.'],
      ['direction', 'periodic_reports', 'shortcoming', 'Báo cáo quý I gửi ngày 25/3/2026, chậm 5 ngày.'],
      ['direction', 'self_inspection', 'compliant', ''],
      ['direction', 'communication', 'compliant', ''],
      ['direction', 'leader_direction', 'compliant', ''],
      ['procedures', 'procedures_published', 'compliant', ''],
      [
        'procedures',
        'dossiers_on_time',
        'shortcoming',
        'Cấp giấy phép xây dựng: 9% hồ sơ trễ hạn trong 5 tháng đầu năm.',
      ],
      ['procedures', 'one_stop_desk', 'compliant', ''],
      [
        'procedures',
        'no_extra_papers',
        'violation',
        'Yêu cầu nộp bản sao chứng thực giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư (3 hồ sơ kiểm tra).',
      ],
      ['procedures', 'feedback_handled', 'compliant', ''],
      ['procedures', 'procedure_simplification', 'compliant', ''],
      [
        'apparatus',
        'functions_regulated',
        'compliant',
        'Quy định chức năng, nhiệm vụ sau khi tiếp nhận Sở Giao thông vận tải (01/3/2025).',
      ],
      ['apparatus', 'structure_compliant', 'compliant', ''],
      [
        'apparatus',
        'staffing_quota',
        'shortcoming',
        'Chưa hoàn thành kế hoạch tinh giản biên chế năm 2026 (đạt 3/7).',
      ],
      ['apparatus', 'decentralisation', 'compliant', ''],
    ],
  },
  {
    unit: 'Phường Trường Vinh',
    areas: ['direction', 'procedures', 'digital_government'],
    form: 'on_site',
    from: '2026-12-02',
    to: '2026-12-08',
    status: 'in_progress',
    findings: [
      [
        'direction',
        'yearly_plan_on_time',
        'compliant',
        'Kế hoạch CCHC năm 2026 của phường ban hành ngày 10/01/2026.',
      ],
      [
        'direction',
        'plan_tasks_done',
        'shortcoming',
        'Hoàn thành 14/20 nhiệm vụ; 3 nhiệm vụ về số hóa chưa bắt đầu.',
      ],
      ['procedures', 'procedures_published', 'compliant', ''],
      [
        'procedures',
        'one_stop_desk',
        'shortcoming',
        'Trung tâm Phục vụ hành chính công thiếu 1 công chức tiếp nhận lĩnh vực đất đai.',
      ],
      ['digital_government', 'online_dossiers', 'compliant', 'Tỷ lệ hồ sơ trực tuyến 71%.'],
    ],
  },
  {
    unit: 'yte',
    areas: ['institutions', 'procedures', 'digital_government'],
    form: 'on_site',
    from: '2026-12-09',
    to: '2026-12-10',
    status: 'planned',
  },
  {
    unit: 'nnmt',
    areas: ['direction', 'procedures', 'public_finance'],
    form: 'through_reports',
    from: '2026-12-15',
    to: '2026-12-16',
    status: 'planned',
  },
  {
    unit: 'Xã Diễn Châu',
    areas: ['procedures', 'civil_service', 'digital_government'],
    form: 'on_site',
    from: '2026-12-21',
    to: '2026-12-22',
    status: 'planned',
  },
];

export async function seedDemoInspections(
  ctx: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  const [any] = await ctx.db.select({ id: inspectionPlans.id }).from(inspectionPlans).limit(1);
  if (any) return false;

  // A department by its demo key, else a commune or ward by its name as of 2026.
  const unitOf = async (name: string): Promise<string | null> => {
    if (unitIds.has(name)) return unitIds.get(name)!;
    const hit = (
      await listUnits(ctx.db, { q: name, asOf: '2026-11-01', parentId: provinceId, limit: 5 })
    ).find((u) => u.fullName === name || u.name === name || unitDisplayName(u) === name);
    return hit?.id ?? null;
  };

  // The register: the plan as issued and the decision establishing the team.
  const symbols = new Set(await listAllDocumentSymbols(ctx));
  const noivu = unitIds.get('noivu') ?? provinceId;
  const planDoc = symbols.has('25/KH-UBND')
    ? null
    : await createDocumentRecord(ctx, {
        numberSymbol: '25/KH-UBND',
        type: 'ke_hoach',
        issuer: 'UBND tỉnh Nghệ An',
        issuedOn: '2026-01-22',
        title: PLAN_TITLE,
        summary:
          'Kiểm tra 6 sở, ngành và UBND cấp xã về công tác chỉ đạo, điều hành, thủ tục hành chính, công vụ và chuyển đổi số; kiểm tra đột xuất khi có phản ánh, kiến nghị.',
        unitId: noivu,
        access: 'public',
      });
  const decisionDoc = symbols.has('38/QĐ-SNV')
    ? null
    : await createDocumentRecord(ctx, {
        numberSymbol: '38/QĐ-SNV',
        type: 'quyet_dinh',
        issuer: 'Sở Nội vụ tỉnh Nghệ An',
        issuedOn: '2026-03-02',
        title: 'Quyết định thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2026',
        summary:
          'Đoàn do lãnh đạo Phòng CCHC Sở Nội vụ làm Trưởng đoàn; thành viên Văn phòng UBND tỉnh, Sở Tài chính, Sở Tư pháp, Sở Khoa học và Công nghệ.',
        unitId: noivu,
        access: 'internal',
      });

  const [plan] = await ctx.db
    .insert(inspectionPlans)
    .values({
      provinceId,
      year: 2026,
      title: PLAN_TITLE,
      status: 'approved',
      documentId: planDoc?.id ?? null,
      teamDecisionId: decisionDoc?.id ?? null,
      note: 'Kiểm tra theo Kế hoạch CCHC năm 2026 của UBND tỉnh; kết quả là căn cứ chấm Chỉ số CCHC.',
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'inspection_plan', entityId: plan!.id, after: plan });

  // The joint team (when the demo has its accounts).
  const head = await findUserByEmail(ctx, 'kiemtra@chidao.demo');
  if (head) {
    await putTeamMember(ctx, { planId: plan!.id }, { userId: head.id, unitId: noivu, role: 'head' });
    for (const m of MEMBERS) {
      const unitId = unitIds.get(m.unit);
      if (!unitId) continue;
      const user =
        (await findUserByEmail(ctx, m.email)) ??
        (await createUser(
          ctx,
          { email: m.email, fullName: m.fullName, position: m.position, unitId, demo: true },
          { skipAuthorization: true },
        ));
      await addGrant(
        ctx,
        { userId: user.id, role: 'inspector', unitId: provinceId, note: 'demo' },
        { skipAuthorization: true },
      );
      await putTeamMember(ctx, { planId: plan!.id }, { userId: user.id, unitId, role: 'member' });
    }
  }

  const templates = await currentTemplates(ctx);
  for (const d of INSPECTIONS) {
    const unitId = await unitOf(d.unit);
    if (!unitId) continue;
    const row = await insertInspection(ctx, {
      planId: plan!.id,
      provinceId,
      kind: 'planned',
      unitId,
      areas: d.areas,
      form: d.form,
      plannedFrom: d.from,
      plannedTo: d.to,
      status: d.status,
      conductedOn: d.conductedOn ?? null,
    });
    await copyPlanTeam(ctx, plan!.id, row.id);
    for (const [area, itemKey, result, note] of d.findings ?? []) {
      const [finding] = await ctx.db
        .insert(inspectionFindings)
        .values({
          inspectionId: row.id,
          templateId: templates.get(area)?.id ?? null,
          area,
          itemKey,
          result,
          note,
          updatedBy: head?.id ?? null,
        })
        .returning();
      await recordChange(ctx, {
        action: 'create',
        entity: 'inspection_finding',
        entityId: finding!.id,
        after: finding,
      });
    }
  }

  // The surprise inspection the hotline proposed (a case about the one-stop desk of Xã Con Cuông).
  // The hotline's escalation about Xã Con Cuông became a surprise inspection; the one about Phường Vinh Phú is
  // left open, for the standing agency to decide on.
  const conCuong = await unitOf('Xã Con Cuông');
  const proposal = (await provinceInspectionProposals(ctx, provinceId)).find((p) => p.unitId === conCuong);
  if (proposal && conCuong) {
    const row = await insertInspection(ctx, {
      planId: null,
      provinceId,
      kind: 'surprise',
      unitId: conCuong,
      areas: ['procedures', 'civil_service'],
      customItems: [
        {
          key: 'informal_payments',
          text: {
            vi: 'Làm rõ phản ánh về việc cán bộ một cửa gợi ý “bồi dưỡng” để giải quyết nhanh',
            en: 'Look into the report of one-stop officials hinting at a "tip" to speed things up',
          },
        },
      ],
      form: 'on_site',
      plannedFrom: '2026-12-10',
      plannedTo: '2026-12-10',
      source: 'hotline',
      sourceRef: proposal.id,
      reason: proposal.reason,
    });
    await copyPlanTeam(ctx, plan!.id, row.id);
    await markEscalationTaken(ctx, proposal.id, row.id);
  }
  return true;
}
