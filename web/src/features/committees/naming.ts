/** How a committee is named after its unit (pure; tested in naming.test.ts). */

/** The words that name a level of local government, written in lower case inside a name ("… tỉnh Hà Tĩnh"). */
const TERRITORIAL = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu) /;

/** A unit as its committee is named after: a province by its full name ("Tỉnh Hà Tĩnh"), others by name. */
export const unitLabel = (u: { name: string; fullName?: string | null; kind: string } | undefined) =>
  u
    ? u.kind === 'province'
      ? (u.fullName ?? u.name).replace(/^(UBND|Ủy ban nhân dân) /, '')
      : u.name
    : undefined;

/** "Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh", "… Sở Tư pháp": the usual name of a unit's committee. */
export const defaultCommitteeName = (prefix: string, unitName: string | undefined) =>
  unitName ? `${prefix} ${unitName.replace(TERRITORIAL, (w) => w.toLocaleLowerCase('vi'))}` : '';
