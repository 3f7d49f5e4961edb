/**
 * The rule "access follows lineage", as data (stored in `access_rules` under `lineage_follow`, edited by
 * administrators; these are the shipped defaults).
 *
 * Legal reasoning: when units are reorganised, the unit formed by the arrangement takes over the duties,
 * powers and unfinished work of the units arranged — for provincial departments Nghị định 45/2025/NĐ-CP
 * (e.g. Sở Kế hoạch và Đầu tư into Sở Tài chính from 01/03/2025); for administrative units the 2025
 * arrangement resolutions (Nghị quyết 76/2025/UBTVQH15 and each province's resolution; earlier arrangements
 * under Nghị quyết 1211/2016/UBTVQH13 as amended). So by default a successor's people may act on the open
 * work their predecessors still owe, and read the predecessors' closed history. A province may switch
 * acting off (e.g. while it reassigns the work by hand); reading stays on unless switched off too.
 */
export const LINEAGE_FOLLOW_MODES = ['act', 'read', 'off'] as const;
export type LineageFollowMode = (typeof LINEAGE_FOLLOW_MODES)[number];

export type LineageFollowRule = {
  /**
   * `act`: people granted a role on a successor unit act on the open work its predecessors owe and read
   * their history (the default); `read`: they only read the predecessors' records; `off`: neither.
   */
  mode: LineageFollowMode;
  /** The legal basis the province relies on (shown beside the setting). */
  legalBasis: string;
};

export const LINEAGE_FOLLOW_KEY = 'lineage_follow';

export const DEFAULT_LINEAGE_FOLLOW: LineageFollowRule = {
  mode: 'act',
  legalBasis:
    'Đơn vị hình thành sau sắp xếp kế thừa nhiệm vụ, quyền hạn của đơn vị được sắp xếp: Nghị định 45/2025/NĐ-CP ' +
    '(cơ quan chuyên môn thuộc UBND cấp tỉnh); Nghị quyết 76/2025/UBTVQH15 và các nghị quyết sắp xếp đơn vị hành ' +
    'chính năm 2025; Nghị quyết 1211/2016/UBTVQH13 (sửa đổi, bổ sung).',
};

/** Roles that never pass to a successor: administering the system is not work owed by a unit. */
export const NOT_INHERITED: readonly string[] = ['admin'];

/** A stored value read leniently: missing or wrong fields take the default. */
export function readLineageRule(value: unknown): LineageFollowRule {
  const v = (value ?? {}) as Partial<Record<keyof LineageFollowRule, unknown>>;
  return {
    mode: (LINEAGE_FOLLOW_MODES as readonly unknown[]).includes(v.mode)
      ? (v.mode as LineageFollowMode)
      : DEFAULT_LINEAGE_FOLLOW.mode,
    legalBasis:
      typeof v.legalBasis === 'string' && v.legalBasis.trim()
        ? v.legalBasis
        : DEFAULT_LINEAGE_FOLLOW.legalBasis,
  };
}
