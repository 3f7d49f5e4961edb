import { addDays } from '../calendar/index.js';
import type { RequestContext } from '../../core/context.js';
import { Actor } from '../access/actor.js';
import { addAssignmentRecord, findCommittee } from '../committees/committees.service.js';
import { findDocumentBySymbol } from '../documents/documents.service.js';
import {
  committeeMembersOfYear,
  insertProgramme,
  programmeExists,
  type SeedItem,
  type SeedPilotUnit,
  type SeedReport,
} from './pilots.service.js';
import type { ReformArea } from '../plans/plans.service.js';
import { unitsAsOf } from '../units/lineage.service.js';

/**
 * Nghệ An's pilot units (chỉ đạo điểm) of 2023 and 2024 as the domain notes list them, with plausible
 * content items and reports. The units, the members responsible and the item statuses are illustrative
 * (the real decisions list the units, not these details). Several units ended in 2025 (Sở KH&ĐT, Sở TN&MT,
 * Sở GTVT on 28/2/2025; the districts on 30/6/2025): their items stay attached to them as they were.
 */

type Pilot = {
  /** A department key of nghe-an.ts, or a district's full name as the GSO data prints it. */
  unit: { dept: string } | { district: string };
  /** The responsible member's name in demo-committees.ts. */
  member: string;
  /** Items specific to the unit, before the common ones. */
  own: [string, ReformArea][];
};

const COMMON: [string, ReformArea][] = [
  ['100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình', 'digital_government'],
  ['Số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%', 'procedures'],
  ['Không có hồ sơ giải quyết TTHC trễ hạn', 'procedures'],
  ['Mức độ hài lòng của người dân, doanh nghiệp đạt trên 90%', 'civil_service'],
];

export const DEMO_PILOTS: Record<2023 | 2024, Pilot[]> = {
  2023: [
    {
      unit: { dept: 'vpubnd' },
      member: 'Trịnh Thị Hà',
      own: [['Vận hành Trung tâm Phục vụ hành chính công tỉnh theo mô hình một cửa tập trung', 'procedures']],
    },
    {
      unit: { dept: 'khdt' },
      member: 'Lê Văn Bình',
      own: [['Rút ngắn 50% thời gian cấp Giấy chứng nhận đăng ký đầu tư so với quy định', 'procedures']],
    },
    {
      unit: { dept: 'xaydung' },
      member: 'Phạm Thị Ủy Viên',
      own: [['Cấp giấy phép xây dựng trực tuyến toàn trình', 'digital_government']],
    },
    {
      unit: { dept: 'tnmt' },
      member: 'Nguyễn Văn An',
      own: [['Hoàn thành cơ sở dữ liệu đất đai, kết nối với Cổng dịch vụ công', 'digital_government']],
    },
    {
      unit: { district: 'Thành phố Vinh' },
      member: 'Nguyễn Văn An',
      own: [['Xây dựng mô hình “Phường điện tử” tại 100% phường', 'digital_government']],
    },
    {
      unit: { district: 'Huyện Nghi Lộc' },
      member: 'Hoàng Thị Cúc',
      own: [['Bộ phận Một cửa cấp xã đạt chuẩn tại 100% xã, thị trấn', 'procedures']],
    },
    {
      unit: { district: 'Huyện Diễn Châu' },
      member: 'Đinh Văn Dũng',
      own: [['Chuẩn hóa Bộ phận Một cửa cấp huyện, cấp xã; niêm yết công khai TTHC', 'procedures']],
    },
  ],
  2024: [
    {
      unit: { dept: 'bqlkkt' },
      member: 'Lê Văn Bình',
      own: [
        ['Giải quyết TTHC đầu tư trong Khu kinh tế Đông Nam theo cơ chế “một cửa tại chỗ”', 'procedures'],
      ],
    },
    {
      unit: { dept: 'tuphap' },
      member: 'Phạm Thị Ủy Viên',
      own: [['Cấp Phiếu lý lịch tư pháp trực tuyến đạt trên 80% hồ sơ', 'digital_government']],
    },
    {
      unit: { dept: 'gtvt' },
      member: 'Nguyễn Văn An',
      own: [['Cấp, đổi giấy phép lái xe trực tuyến toàn trình', 'digital_government']],
    },
    {
      unit: { district: 'Thị xã Hoàng Mai' },
      member: 'Hoàng Thị Cúc',
      own: [
        [
          'Liên thông TTHC đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi',
          'digital_government',
        ],
      ],
    },
    {
      unit: { district: 'Huyện Đô Lương' },
      member: 'Võ Văn Giang',
      own: [['Thanh toán trực tuyến phí, lệ phí đạt trên 50% hồ sơ', 'public_finance']],
    },
    {
      unit: { district: 'Huyện Nghĩa Đàn' },
      member: 'Trịnh Thị Hà',
      own: [['Rà soát, đơn giản hóa TTHC nội bộ giữa các cơ quan hành chính', 'institutions']],
    },
    {
      unit: { district: 'Huyện Hưng Nguyên' },
      member: 'Võ Văn Giang',
      own: [['Đánh giá, xếp loại công chức cấp xã theo kết quả công việc', 'civil_service']],
    },
  ],
};

/** The decision behind each year's pilot units, when the register has it. */
const DECISIONS: Record<2023 | 2024, string | null> = { 2023: null, 2024: '1313/UBND-KSTT' };

const DUE = ['05-31', '09-30', '10-31', '11-30', '12-15'];
/** Item states in turn (shifted per unit): "late" is verified after a report past the due date. */
const CYCLE = ['verified', 'verified', 'in_progress', 'verified', 'returned', 'late', 'reported_done'];

function itemOf(year: number, unitIndex: number, j: number, [title, reformArea]: [string, ReformArea]) {
  const dueDate = `${year}-${DUE[j % DUE.length]}`;
  const state = CYCLE[(unitIndex * 2 + j) % CYCLE.length]!;
  const base = { title, reformArea, dueDate, description: null };
  const item: SeedItem =
    state === 'verified'
      ? {
          ...base,
          status: 'verified',
          reportedOn: addDays(dueDate, -10),
          verifiedOn: addDays(dueDate, -4),
          output: 'Đã hoàn thành; có báo cáo kết quả và tài liệu kiểm chứng.',
        }
      : state === 'late'
        ? {
            ...base,
            status: 'verified',
            reportedOn: addDays(dueDate, 12),
            verifiedOn: addDays(dueDate, 16),
            output: 'Hoàn thành chậm so với hạn.',
          }
        : state === 'returned'
          ? {
              ...base,
              status: 'returned',
              reportedOn: addDays(dueDate, -5),
              output: 'Báo cáo lần 1.',
              lastReason: 'Chưa có số liệu kiểm chứng trích xuất từ Hệ thống thông tin giải quyết TTHC.',
            }
          : state === 'reported_done'
            ? {
                ...base,
                status: 'reported_done',
                reportedOn: addDays(dueDate, -3),
                output: 'Đã hoàn thành, kèm báo cáo số liệu.',
              }
            : { ...base, status: 'in_progress' };
  return item;
}

/** What the unit could say of an item in a report it sent on `submittedOn`. */
function assessment(item: SeedItem, submittedOn: string): string {
  const reported = item.reportedOn && item.reportedOn <= submittedOn;
  if (reported && item.status === 'verified' && item.verifiedOn && item.verifiedOn <= submittedOn)
    return 'Đã hoàn thành, được cơ quan thường trực xác nhận.';
  if (reported && (item.status === 'verified' || item.status === 'reported_done'))
    return 'Đã hoàn thành, đã báo cáo kèm tài liệu kiểm chứng; chờ cơ quan thường trực xác nhận.';
  if (item.dueDate > submittedOn) return 'Đang triển khai theo kế hoạch; chưa đến hạn hoàn thành.';
  return 'Chưa hoàn thành: còn vướng về hạ tầng và nhân lực; đơn vị đề nghị gia hạn sang quý I năm sau.';
}

function reportsOf(year: number, i: number, items: SeedItem[]): SeedReport[] {
  const overall =
    'Đơn vị đã ban hành kế hoạch triển khai các nội dung chỉ đạo điểm, phân công lãnh đạo phụ trách; kết quả nổi bật ở cải cách TTHC và chuyển đổi số. Tồn tại: một số nội dung chậm so với kế hoạch.';
  const halfOn = `${year}-06-${i % 4 === 3 ? '25' : String(12 + i).padStart(2, '0')}`;
  const yearOn = `${year}-12-${String(14 + i).padStart(2, '0')}`;
  const half: SeedReport = {
    kind: 'half_year',
    status: 'accepted',
    overall,
    assessments: items.map((it) => assessment(it, halfOn)),
    submittedOn: halfOn,
    reviewedOn: `${year}-06-28`,
  };
  const yearEnd: SeedReport = {
    kind: 'year_end',
    status: i % 3 === 0 ? 'accepted' : i % 3 === 1 ? 'submitted' : 'returned',
    overall,
    assessments: items.map((it) => assessment(it, yearOn)),
    submittedOn: yearOn,
    reviewedOn: i % 3 === 1 ? null : `${year}-12-26`,
    returnReason:
      i % 3 === 2
        ? 'Đề nghị bổ sung số liệu kiểm chứng cho nội dung số hóa hồ sơ, kết quả giải quyết TTHC.'
        : null,
  };
  return [half, yearEnd];
}

/** A context that may read the committee's composition during the seed (no grants, no writes). */
function reader(t: RequestContext): RequestContext {
  return {
    ...t,
    actor: new Actor(
      { id: '00000000-0000-0000-0000-000000000000', email: '', fullName: 'demo seed', unitId: null },
      [],
    ),
  };
}

/**
 * Seeds the 2023 and 2024 pilot programmes of the provincial committee, in the seed's transaction. Each
 * year is seeded only when it does not exist yet; a unit the registry lacks is skipped.
 */
export async function seedDemoPilots(
  t: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<void> {
  const committee = await findCommittee(t, provinceId, 'province');
  if (!committee) return;
  for (const year of [2023, 2024] as const) {
    if (await programmeExists(t, committee.id, year)) continue;
    const members = await committeeMembersOfYear(reader(t), committee.id, year);
    const districts = new Map(
      (await unitsAsOf(t.db, { date: `${year}-12-31`, kind: 'district', withinId: provinceId })).map((d) => [
        d.fullName,
        d.id,
      ]),
    );
    const units: SeedPilotUnit[] = [];
    DEMO_PILOTS[year].forEach((p, i) => {
      const unitId = 'dept' in p.unit ? unitIds.get(p.unit.dept) : districts.get(p.unit.district);
      if (!unitId) return;
      const items = [...p.own, ...COMMON].map((entry, j) => itemOf(year, i, j, entry));
      units.push({
        unitId,
        responsibleMembershipId: members.find((m) => m.name === p.member)?.membershipId ?? null,
        items,
        reports: reportsOf(year, i, items),
      });
    });
    const decision = DECISIONS[year] ? await findDocumentBySymbol(t, DECISIONS[year]) : undefined;
    await insertProgramme(
      t,
      { committeeId: committee.id, year, decisionDocumentId: decision?.id ?? null },
      units,
    );
    // The member responsible for a pilot unit follows it from the programme's start (phân công theo dõi),
    // with no end recorded: after the 2025 reorganisation these are the follow-ups the province has not
    // updated yet — the stale links the units page flags (Sở KH&ĐT, Huyện Diễn Châu…).
    for (const u of units) {
      const m = members.find((x) => x.membershipId === u.responsibleMembershipId);
      if (!m || m.toDate) continue;
      await addAssignmentRecord(t, m.membershipId, {
        unitId: u.unitId,
        fromDate: later(m.fromDate, `${year}-03-15`),
        toDate: null,
        note: `Theo dõi đơn vị chỉ đạo điểm năm ${year}`,
        decisionDocumentId: decision?.id ?? null,
      });
    }
  }
}

const later = (a: string, b: string) => (a > b ? a : b);
