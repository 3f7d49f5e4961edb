/**
 * Reform areas of tasks: the six of Resolution 76/NQ-CP (master programme 2021–2030) plus "direction and
 * management of PAR", which provincial plans, reports, indices and inspections add as a seventh.
 */
export const REFORM_AREAS = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil_service',
  'public_finance',
  'digital_government',
] as const;
export type ReformArea = (typeof REFORM_AREAS)[number];

export const REFORM_AREA_LABELS: Record<ReformArea, { vi: string; en: string }> = {
  direction: { vi: 'Công tác chỉ đạo, điều hành CCHC', en: 'Direction and management of PAR' },
  institutions: { vi: 'Cải cách thể chế', en: 'Institutional reform' },
  procedures: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' },
  apparatus: { vi: 'Cải cách tổ chức bộ máy', en: 'Organisational apparatus' },
  civil_service: { vi: 'Cải cách chế độ công vụ', en: 'Civil service' },
  public_finance: { vi: 'Cải cách tài chính công', en: 'Public finance' },
  digital_government: {
    vi: 'Xây dựng chính phủ điện tử, chính phủ số',
    en: 'E-government and digital government',
  },
};
