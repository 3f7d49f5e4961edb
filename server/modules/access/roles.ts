/**
 * The roles of chidao. Each is granted to a user over a unit and its whole subtree
 * (e.g. "standing-agency officer over the province", "focal point over Sở Tư pháp").
 */
export const ROLES = [
  'admin',
  'standing_officer',
  'committee_leader',
  'committee_member',
  'focal_point',
  'unit_leader',
  'appraiser',
  'inspector',
  'hotline_officer',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Vietnamese and English names, for the CLI and messages (the web has its own catalogue). */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  standing_officer: { vi: 'Cán bộ cơ quan thường trực', en: 'Standing-agency officer' },
  committee_leader: { vi: 'Lãnh đạo Ban Chỉ đạo', en: 'Committee leader' },
  committee_member: { vi: 'Thành viên Ban Chỉ đạo', en: 'Committee member' },
  focal_point: { vi: 'Đầu mối CCHC của đơn vị', en: 'Unit PAR focal point' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  appraiser: { vi: 'Thành viên thẩm định', en: 'Appraiser' },
  inspector: { vi: 'Thành viên đoàn kiểm tra', en: 'Inspector' },
  hotline_officer: { vi: 'Cán bộ đường dây nóng', en: 'Hotline officer' },
};
