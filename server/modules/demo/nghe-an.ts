import type { Role } from '../access/roles.js';
import type { UnitKind } from '../units/units.service.js';

/**
 * The demo province: Nghệ An (GSO code 40). Departments as they were before the 2025 reorganisation of
 * provincial specialised agencies (Decree 45/2025/NĐ-CP, in force 1/3/2025) and after it. The districts
 * (abolished 1/7/2025) and communes come from the GSO import of the unit registry.
 */
export const PROVINCE = {
  code: '40',
  name: 'Nghệ An',
  fullName: 'UBND tỉnh Nghệ An',
  validFrom: '1976-01-01',
};

/** Departments that ended 28/2/2025 when they were merged (the lineage is recorded by the unit registry). */
export const REORG_DATE = '2025-03-01';
export const REORG_LAST_DAY = '2025-02-28';

type DeptSeed = { key: string; name: string; kind?: UnitKind };

/** Departments in force before 1/3/2025 (all seeded as such; the 2025 events below end or merge them). */
export const DEPARTMENTS: DeptSeed[] = [
  { key: 'vpubnd', name: 'Văn phòng UBND tỉnh' },
  { key: 'noivu', name: 'Sở Nội vụ' },
  { key: 'tuphap', name: 'Sở Tư pháp' },
  { key: 'taichinh', name: 'Sở Tài chính' },
  { key: 'congthuong', name: 'Sở Công Thương' },
  { key: 'xaydung', name: 'Sở Xây dựng' },
  { key: 'khcn', name: 'Sở Khoa học và Công nghệ' },
  { key: 'gddt', name: 'Sở Giáo dục và Đào tạo' },
  { key: 'yte', name: 'Sở Y tế' },
  { key: 'thanhtra', name: 'Thanh tra tỉnh' },
  { key: 'bqlkkt', name: 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An', kind: 'management_board' },
  { key: 'khdt', name: 'Sở Kế hoạch và Đầu tư' },
  { key: 'tnmt', name: 'Sở Tài nguyên và Môi trường' },
  { key: 'nnptnt', name: 'Sở Nông nghiệp và Phát triển nông thôn' },
  { key: 'gtvt', name: 'Sở Giao thông vận tải' },
  { key: 'tttt', name: 'Sở Thông tin và Truyền thông' },
  { key: 'ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội' },
  { key: 'vhtt', name: 'Sở Văn hóa và Thể thao' },
  { key: 'dulich', name: 'Sở Du lịch' },
  { key: 'bandantoc', name: 'Ban Dân tộc' },
];

export const DEPARTMENTS_FROM = '2008-04-04';

/**
 * The 2025 reorganisation of Nghệ An's departments, recorded as lineage events citing Decree
 * 45/2025/NĐ-CP: absorbed departments end on 28/2/2025 and their facts continue in the receiving one.
 */
export type DemoEvent =
  | { kind: 'absorb'; from: string[]; into: string }
  | { kind: 'merge'; from: string[]; create: { key: string; name: string } }
  | { kind: 'rename'; unit: string; to: { key: string; name: string } };

export const REORG_EVENTS: DemoEvent[] = [
  { kind: 'absorb', from: ['khdt'], into: 'taichinh' },
  { kind: 'merge', from: ['tnmt', 'nnptnt'], create: { key: 'nnmt', name: 'Sở Nông nghiệp và Môi trường' } },
  { kind: 'absorb', from: ['gtvt'], into: 'xaydung' },
  { kind: 'absorb', from: ['tttt'], into: 'khcn' },
  { kind: 'absorb', from: ['ldtbxh'], into: 'noivu' },
  {
    kind: 'merge',
    from: ['vhtt', 'dulich'],
    create: { key: 'vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  },
  { kind: 'rename', unit: 'bandantoc', to: { key: 'dantoctongiao', name: 'Sở Dân tộc và Tôn giáo' } },
];
export const REORG_BASIS =
  'Nghị định 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh';

export type DemoAccount = {
  email: string;
  fullName: string;
  position: string;
  unit: string;
  role: Role;
  /** Unit the role is granted over ('province' = the whole province). */
  over: string;
};

/** Fictional people, one or more per role. All share the demo password. */
export const DEMO_PASSWORD = 'chidao-demo';
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@chidao.demo',
    fullName: 'Quản trị Hệ thống',
    position: 'Quản trị viên',
    unit: 'noivu',
    role: 'admin',
    over: 'province',
  },
  {
    email: 'thuongtruc@chidao.demo',
    fullName: 'Lê Thị Thường Trực',
    position: 'Chuyên viên Phòng CCHC',
    unit: 'noivu',
    role: 'standing_officer',
    over: 'province',
  },
  {
    email: 'truongban@chidao.demo',
    fullName: 'Trần Văn Chỉ Đạo',
    position: 'Trưởng Ban Chỉ đạo',
    unit: 'vpubnd',
    role: 'committee_leader',
    over: 'province',
  },
  {
    email: 'uyvien@chidao.demo',
    fullName: 'Phạm Thị Ủy Viên',
    position: 'Ủy viên Ban Chỉ đạo',
    unit: 'tuphap',
    role: 'committee_member',
    over: 'province',
  },
  {
    email: 'daumoi.tuphap@chidao.demo',
    fullName: 'Hoàng Văn Đầu Mối',
    position: 'Chuyên viên Văn phòng Sở',
    unit: 'tuphap',
    role: 'focal_point',
    over: 'tuphap',
  },
  {
    email: 'lanhdao.tuphap@chidao.demo',
    fullName: 'Vũ Thị Lãnh Đạo',
    position: 'Giám đốc Sở',
    unit: 'tuphap',
    role: 'unit_leader',
    over: 'tuphap',
  },
  {
    email: 'daumoi.xaydung@chidao.demo',
    fullName: 'Đặng Văn Xây Dựng',
    position: 'Chuyên viên Văn phòng Sở',
    unit: 'xaydung',
    role: 'focal_point',
    over: 'xaydung',
  },
  {
    email: 'lanhdao.xaydung@chidao.demo',
    fullName: 'Cao Văn Giám Đốc',
    position: 'Giám đốc Sở',
    unit: 'xaydung',
    role: 'unit_leader',
    over: 'xaydung',
  },
  {
    email: 'thamdinh@chidao.demo',
    fullName: 'Bùi Thị Thẩm Định',
    position: 'Thành viên Hội đồng thẩm định',
    unit: 'noivu',
    role: 'appraiser',
    over: 'province',
  },
  {
    email: 'kiemtra@chidao.demo',
    fullName: 'Ngô Văn Kiểm Tra',
    position: 'Thành viên Đoàn kiểm tra',
    unit: 'noivu',
    role: 'inspector',
    over: 'province',
  },
  {
    email: 'duongdaynong@chidao.demo',
    fullName: 'Đỗ Thị Tiếp Nhận',
    position: 'Cán bộ đường dây nóng',
    unit: 'vpubnd',
    role: 'hotline_officer',
    over: 'province',
  },
];

export type DemoDocument = {
  numberSymbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
  title: string;
  summary: string;
  owner: string;
  access: 'public' | 'internal' | 'restricted';
};

/** Documents named in the source articles (the seeds). */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    numberSymbol: '1830-QĐ/TU',
    type: 'quyet_dinh',
    issuer: 'Tỉnh ủy Nghệ An',
    issuedOn: '2023-03-06',
    title: 'Quyết định thành lập Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
    summary:
      'Thành lập Ban Chỉ đạo CCHC tỉnh do Bí thư Tỉnh ủy làm Trưởng ban; Sở Nội vụ là cơ quan thường trực.',
    owner: 'noivu',
    access: 'public',
  },
  {
    numberSymbol: '1313/UBND-KSTT',
    type: 'cong_van',
    issuer: 'UBND tỉnh Nghệ An',
    issuedOn: '2024-02-23',
    title:
      'Triển khai nhiệm vụ, giải pháp trọng tâm và các nội dung chỉ đạo điểm công tác cải cách hành chính năm 2024',
    summary:
      'Yêu cầu các sở, ban, ngành và UBND cấp huyện khắc phục hạn chế năm 2023 và triển khai đồng bộ 6 nội dung CCHC.',
    owner: 'vpubnd',
    access: 'public',
  },
  {
    numberSymbol: '45/2025/NĐ-CP',
    type: 'nghi_dinh',
    issuer: 'Chính phủ',
    issuedOn: '2025-02-28',
    title:
      'Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương',
    summary: 'Căn cứ sắp xếp các sở từ 1/3/2025.',
    owner: 'noivu',
    access: 'public',
  },
  {
    numberSymbol: '12/BC-STP',
    type: 'bao_cao',
    issuer: 'Sở Tư pháp',
    issuedOn: '2024-06-14',
    title: 'Báo cáo tự đánh giá công tác cải cách hành chính 6 tháng đầu năm 2024 (dự thảo nội bộ)',
    summary: 'Bản dự thảo nội bộ của Sở Tư pháp, chưa công bố.',
    owner: 'tuphap',
    access: 'restricted',
  },
];
