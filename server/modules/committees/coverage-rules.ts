/**
 * Pure rules of a province's coverage: which kinds of unit are expected to found their own steering
 * committee and to be followed by a member of the provincial one, counted by kind (data, not names), and
 * which local-government level a provincial document is addressed to on a date. No I/O.
 *
 * Sources: every department and locality sets up its own PAR steering committee (Nghệ An 2023: 20 of 21
 * districts had); management boards (BQL Khu kinh tế) and Party and mass organisations are brought under
 * PAR too (Sơn La, Kết luận 436-KL/TU 2022: "Đẩy mạnh CCHC trong Đảng, MTTQ và các tổ chức chính trị - xã
 * hội") — see docs/domain-notes §1. Districts exist until 30/6/2025; from 1/7/2025 local government has two
 * levels (Luật Tổ chức chính quyền địa phương 2025), so the localities are then the communes.
 */

/**
 * The unit kinds counted in a province's coverage, each a category of its own, in the order a page lists
 * them. Keys are the unit registry's kinds (server/modules/units: UNIT_KINDS); the province itself and
 * `other` are not counted.
 */
export const COVERAGE_KINDS = [
  'department',
  'management_board',
  'party_body',
  'mass_organisation',
  'district',
  'commune',
] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export const isCoverageKind = (kind: string): kind is CoverageKind =>
  (COVERAGE_KINDS as readonly string[]).includes(kind);

export type CoverageUnit = { id: string; kind: string };
export type CoverageCategory = { kind: CoverageKind; total: number; founded: number; followed: number };

/**
 * For each counted kind present among `units` (the province's units in force on the date): how many,
 * how many have a committee of their own then (`founded`), how many a provincial member follows then.
 * Kinds absent on that date are left out (no districts after 30/6/2025; no Party bodies until imported).
 */
export function coverageCategories(
  units: readonly CoverageUnit[],
  founded: ReadonlySet<string>,
  followed: ReadonlySet<string>,
): CoverageCategory[] {
  const out = new Map<CoverageKind, CoverageCategory>();
  for (const u of units) {
    if (!isCoverageKind(u.kind)) continue;
    const c = out.get(u.kind) ?? { kind: u.kind, total: 0, founded: 0, followed: 0 };
    c.total += 1;
    if (founded.has(u.id)) c.founded += 1;
    if (followed.has(u.id)) c.followed += 1;
    out.set(u.kind, c);
  }
  return COVERAGE_KINDS.flatMap((k) => (out.has(k) ? [out.get(k)!] : []));
}

/** The kind a coverage page opens on: the one asked for if present, else the first present. */
export function defaultCoverageKind(
  categories: readonly CoverageCategory[],
  asked?: CoverageKind,
): CoverageKind | null {
  if (asked && categories.some((c) => c.kind === asked)) return asked;
  return categories[0]?.kind ?? null;
}

/**
 * How a provincial document names the local governments it is sent to, by the level directly below the
 * province in force then: the districts while they exist, else the communes (data: kind → words).
 */
export const LOCAL_RECIPIENTS: readonly { kind: 'district' | 'commune'; label: string }[] = [
  { kind: 'district', label: 'UBND cấp huyện' },
  { kind: 'commune', label: 'UBND cấp xã' },
];

/** The recipient line for the localities, given the unit kinds in force in the province on the date. */
export function localRecipient(kindsInForce: ReadonlySet<string>): string | null {
  return LOCAL_RECIPIENTS.find((r) => kindsInForce.has(r.kind))?.label ?? null;
}
