/**
 * The demo province's self-inspections (Nghệ An): a few departments and communes inspecting their own divisions
 * in 2026 — some have reached the 50% of the year, some not yet — and a district that did so in 2025, before the
 * district level ended on 30/6/2025 (its communes counted as they stood then).
 *
 * The demo registry has the departments (directly under the province), the districts with their communes until
 * 30/6/2025 and the 130 communes since 1/7/2025 (the GSO import), but no divisions: a department's phòng and a
 * commune's phòng are not in the GSO data. So this step registers the divisions of the units it uses, as the
 * registry's `other` units under them (./rules/coverage.ts), with the names the structure rules give them:
 * - a department's divisions after its reorganisation of 1/3/2025 (Decree 45/2025/NĐ-CP; each ministry's
 *   guidance names the usual ones: Văn phòng Sở, phòng chuyên môn) and its attached units (trung tâm, chi cục,
 *   phòng công chứng); the exact list of each sở is its own UBND tỉnh decision — these are illustrative;
 * - a commune's three divisions and its Trung tâm Phục vụ hành chính công from 1/7/2025 (Decree 150/2025/NĐ-CP:
 *   Văn phòng HĐND và UBND, Phòng Kinh tế — in a ward Phòng Kinh tế, Hạ tầng và Đô thị —, Phòng Văn hóa - Xã hội).
 * The inspections themselves (dates, forms, notes) are illustrative.
 */
import type { RequestContext } from '../../core/context.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { getUnits, insertUnits } from '../units/units.service.js';
import { findUserByEmail } from '../users/users.service.js';
import type { InspectionForm } from './inspections.table.js';
import { insertSelfInspections } from './self-inspections.service.js';

const DEPT_DIVISIONS_FROM = '2025-03-01';
const COMMUNE_DIVISIONS_FROM = '2025-07-01';

const WARD_DIVISIONS = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
];
const COMMUNE_DIVISIONS = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
];

/** Departments (by their key in demo/nghe-an.ts) with their divisions and attached units. */
const DEPARTMENT_DIVISIONS: Record<string, string[]> = {
  tuphap: [
    'Văn phòng Sở',
    'Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật',
    'Phòng Phổ biến, giáo dục pháp luật',
    'Phòng Hành chính tư pháp',
    'Phòng Bổ trợ tư pháp',
    'Trung tâm Trợ giúp pháp lý nhà nước',
    'Trung tâm Dịch vụ đấu giá tài sản',
    'Phòng Công chứng số 1',
  ],
  xaydung: [
    'Văn phòng Sở',
    'Phòng Kế hoạch - Tài chính',
    'Phòng Quản lý xây dựng',
    'Phòng Quy hoạch - Kiến trúc',
    'Phòng Phát triển đô thị và Hạ tầng kỹ thuật',
    'Phòng Quản lý nhà và Thị trường bất động sản',
    'Phòng Quản lý giao thông',
    'Phòng Quản lý vận tải, phương tiện và người lái',
    'Trung tâm Kiểm định xây dựng',
  ],
  noivu: [
    'Văn phòng Sở',
    'Phòng Tổ chức, biên chế và tổ chức phi chính phủ',
    'Phòng Xây dựng chính quyền và công tác thanh niên',
    'Phòng Công chức, viên chức và Cải cách hành chính',
    'Phòng Lao động, tiền lương và bảo hiểm xã hội',
    'Phòng Người có công',
    'Ban Thi đua - Khen thưởng',
    'Trung tâm Lưu trữ lịch sử',
  ],
};

/** Communes (their full names since 1/7/2025) whose divisions the demo registers; wards have their own names. */
const COMMUNES = ['Phường Trường Vinh', 'Phường Vinh Hưng', 'Xã Diễn Châu', 'Xã Đô Lương'];

type DemoRecord = {
  /** A department key, or a commune's or district's full name. */
  by: string;
  /** A division's name (or, for the district, a commune's full name). */
  unit: string;
  on: string;
  form: InspectionForm;
  areas: string[];
  note: string;
  /** The demo account that recorded it. */
  author?: string;
};

const RECORDS: DemoRecord[] = [
  // Sở Tư pháp: 3 of its 8 — below the 50% (its focal point records the 4th in the e2e story).
  {
    by: 'tuphap',
    unit: 'Phòng Hành chính tư pháp',
    on: '2026-04-14',
    form: 'on_site',
    areas: ['procedures', 'digital_government'],
    note: 'Kiểm tra việc giải quyết thủ tục lý lịch tư pháp, chứng thực; 02 hồ sơ trễ hạn do chờ xác minh, yêu cầu thông báo xin lỗi người dân.',
    author: 'daumoi.tuphap@chidao.demo',
  },
  {
    by: 'tuphap',
    unit: 'Trung tâm Trợ giúp pháp lý nhà nước',
    on: '2026-06-09',
    form: 'through_reports',
    areas: ['civil_service', 'public_finance'],
    note: 'Kiểm tra qua báo cáo 6 tháng: chấp hành kỷ luật, kỷ cương hành chính, tự chủ tài chính đơn vị sự nghiệp.',
    author: 'daumoi.tuphap@chidao.demo',
  },
  {
    by: 'tuphap',
    unit: 'Phòng Công chứng số 1',
    on: '2026-09-22',
    form: 'combined',
    areas: ['procedures'],
    note: 'Niêm yết công khai thủ tục, phí công chứng đầy đủ; đề nghị tăng tỷ lệ tiếp nhận hồ sơ trực tuyến.',
    author: 'lanhdao.tuphap@chidao.demo',
  },
  // Sở Xây dựng: 5 of its 9 — reached.
  ...[
    ['Phòng Quản lý xây dựng', '2026-03-17', 'on_site', ['procedures']],
    ['Phòng Quản lý giao thông', '2026-04-21', 'on_site', ['procedures', 'apparatus']],
    ['Phòng Quy hoạch - Kiến trúc', '2026-05-26', 'through_reports', ['institutions']],
    ['Trung tâm Kiểm định xây dựng', '2026-08-11', 'combined', ['public_finance', 'civil_service']],
    [
      'Phòng Quản lý vận tải, phương tiện và người lái',
      '2026-10-06',
      'on_site',
      ['procedures', 'digital_government'],
    ],
  ].map(([unit, on, form, areas]): DemoRecord => ({
    by: 'xaydung',
    unit: unit as string,
    on: on as string,
    form: form as InspectionForm,
    areas: areas as string[],
    note: 'Kiểm tra theo Kế hoạch tự kiểm tra CCHC năm 2026 của Sở.',
    author: 'daumoi.xaydung@chidao.demo',
  })),
  // Sở Nội vụ: 2 of its 8 — not yet.
  {
    by: 'noivu',
    unit: 'Phòng Công chức, viên chức và Cải cách hành chính',
    on: '2026-05-12',
    form: 'on_site',
    areas: ['direction', 'civil_service'],
    note: 'Kiểm tra việc theo dõi, tổng hợp kết quả thực hiện kế hoạch CCHC năm 2026.',
  },
  {
    by: 'noivu',
    unit: 'Trung tâm Lưu trữ lịch sử',
    on: '2026-07-15',
    form: 'through_reports',
    areas: ['digital_government'],
    note: 'Số hóa tài liệu lưu trữ đạt 62% kế hoạch.',
  },
  // Phường Trường Vinh: 3 of 4 — reached.
  {
    by: 'Phường Trường Vinh',
    unit: 'Trung tâm Phục vụ hành chính công',
    on: '2026-03-24',
    form: 'on_site',
    areas: ['procedures', 'digital_government'],
    note: 'Bộ phận một cửa: còn yêu cầu nộp bản giấy với hồ sơ đã nộp trực tuyến; yêu cầu chấn chỉnh ngay.',
  },
  {
    by: 'Phường Trường Vinh',
    unit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    on: '2026-06-18',
    form: 'on_site',
    areas: ['procedures'],
    note: 'Giấy phép xây dựng nhà ở riêng lẻ: 03 hồ sơ giải quyết quá hạn.',
  },
  {
    by: 'Phường Trường Vinh',
    unit: 'Phòng Văn hóa - Xã hội',
    on: '2026-10-20',
    form: 'through_reports',
    areas: ['civil_service'],
    note: '',
  },
  // Phường Vinh Hưng: 2 of 4 — exactly the 50%.
  {
    by: 'Phường Vinh Hưng',
    unit: 'Trung tâm Phục vụ hành chính công',
    on: '2026-04-08',
    form: 'on_site',
    areas: ['procedures'],
    note: '',
  },
  {
    by: 'Phường Vinh Hưng',
    unit: 'Văn phòng HĐND và UBND',
    on: '2026-09-15',
    form: 'combined',
    areas: ['direction', 'digital_government'],
    note: 'Văn bản điện tử có ký số đạt 98%.',
  },
  // Xã Diễn Châu: 1 of 4 — not yet. (Xã Đô Lương: none yet.)
  {
    by: 'Xã Diễn Châu',
    unit: 'Trung tâm Phục vụ hành chính công',
    on: '2026-05-05',
    form: 'on_site',
    areas: ['procedures'],
    note: 'Hồ sơ đất đai tồn đọng từ trước sắp xếp: lập danh sách, phân công xử lý dứt điểm.',
  },
  // Huyện Đô Lương in 2025, before the district level ended on 30/6/2025: three of its communes.
  ...['Xã Đà Sơn', 'Xã Lạc Sơn', 'Xã Đông Sơn'].map((unit, i): DemoRecord => ({
    by: 'Huyện Đô Lương',
    unit,
    on: ['2025-03-18', '2025-04-22', '2025-05-27'][i]!,
    form: 'on_site',
    areas: ['procedures'],
    note: 'Kiểm tra bộ phận một cửa cấp xã trước khi sắp xếp đơn vị hành chính.',
  })),
];

/** Registers the divisions the demo uses (once) and the records; whether it created anything. */
export async function seedDemoSelfInspections(
  ctx: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  let created = false;
  // The units inspecting: departments by key, communes (2026) and the district (2025) by full name.
  const inspectors = new Map<string, { id: string; code: string; fullName: string }>();
  for (const d of await getUnits(
    ctx.db,
    Object.keys(DEPARTMENT_DIVISIONS).flatMap((k) => (unitIds.has(k) ? [unitIds.get(k)!] : [])),
  )) {
    const key = Object.keys(DEPARTMENT_DIVISIONS).find((k) => unitIds.get(k) === d.id)!;
    inspectors.set(key, { id: d.id, code: d.code, fullName: d.fullName });
  }
  for (const c of await unitsAsOf(ctx.db, { date: '2026-06-30', parentId: provinceId, kind: 'commune' }))
    if (COMMUNES.includes(c.fullName)) inspectors.set(c.fullName, c);
  const doluong = (
    await unitsAsOf(ctx.db, { date: '2025-06-30', parentId: provinceId, kind: 'district' })
  ).find((d) => d.fullName === 'Huyện Đô Lương');
  if (doluong) inspectors.set(doluong.fullName, doluong);

  // Their divisions, registered once.
  for (const [by, inspector] of inspectors) {
    const department = Object.hasOwn(DEPARTMENT_DIVISIONS, by);
    if (!department && !COMMUNES.includes(by)) continue;
    const names = department
      ? DEPARTMENT_DIVISIONS[by]!
      : by.startsWith('Phường')
        ? WARD_DIVISIONS
        : COMMUNE_DIVISIONS;
    const existing = await unitsAsOf(ctx.db, { date: '2026-06-30', parentId: inspector.id });
    const missing = names
      .map((name, i) => ({ name, code: `${inspector.code}.${String(i + 1).padStart(2, '0')}` }))
      .filter((d) => !existing.some((u) => u.code === d.code || u.name === d.name));
    if (!missing.length) continue;
    await insertUnits(
      ctx,
      missing.map((d) => ({
        code: d.code,
        name: d.name,
        // Its own name: the pickers show the unit above it ("Văn phòng Sở — Sở Tư pháp, Nghệ An"), and a search for
        // the department or commune finds the department or commune, not its eight divisions.
        fullName: d.name,
        kind: 'other' as const,
        parentId: inspector.id,
        validFrom: department ? DEPT_DIVISIONS_FROM : COMMUNE_DIVISIONS_FROM,
      })),
    );
    created = true;
  }

  const authors = new Map<string, string | null>();
  for (const email of new Set(RECORDS.flatMap((r) => (r.author ? [r.author] : []))))
    authors.set(email, (await findUserByEmail(ctx, email))?.id ?? null);
  const rows = [];
  for (const r of RECORDS) {
    const inspector = inspectors.get(r.by);
    if (!inspector) continue;
    const below = await unitsAsOf(ctx.db, { date: r.on, parentId: inspector.id });
    const unit = below.find((u) => u.name === r.unit || u.fullName === r.unit);
    if (!unit) continue;
    rows.push({
      inspectorUnitId: inspector.id,
      inspectedUnitId: unit.id,
      inspectedOn: r.on,
      form: r.form,
      areas: r.areas,
      note: r.note,
      documentId: null,
      createdBy: r.author ? (authors.get(r.author) ?? null) : null,
    });
  }
  if (await insertSelfInspections(ctx, rows)) created = true;
  return created;
}
