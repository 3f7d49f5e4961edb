/**
 * The name a unit is shown by beside a record. Local governments are shown by their full name, which carries
 * their level: GSO's short names repeat within a province (Hà Tĩnh had a Huyện Kỳ Anh and a Thị xã Kỳ Anh, and
 * since 1/7/2025 has a Xã Kỳ Anh). Agencies and organisations are shown by their name ("Sở Tư pháp"): their full
 * name only adds the province ("Sở Tư pháp tỉnh Hà Tĩnh"), which every page already says.
 */
export const TERRITORIAL_KINDS: readonly string[] = ['province', 'district', 'commune'];

export function unitDisplayName(u: { kind: string; name: string; fullName: string | null }): string {
  return TERRITORIAL_KINDS.includes(u.kind) && u.fullName ? u.fullName : u.name;
}
