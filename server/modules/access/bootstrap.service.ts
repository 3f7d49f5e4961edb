import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { provinceLines, soleProvince } from '../units/departments.service.js';
import { importGso, loadGsoData } from '../units/gso-import.service.js';
import { listUnits } from '../units/units.service.js';
import type { UserOut } from '../users/users.schemas.js';
import { createUser } from '../users/users.service.js';
import { addGrant } from './access.service.js';

/** The shipped GSO data set (as the units module loads it). */
export type GsoData = ReturnType<typeof loadGsoData>;

export type AdministratorInput = {
  email: string;
  fullName: string;
  password: string;
  /**
   * Code of the unit the administration covers (its whole subtree), e.g. the province's GSO code. Omitted:
   * the registry's only province in force. On an empty registry a current GSO province code imports that
   * province (with its units before and after 1/7/2025) from the shipped GSO data first.
   */
  unitCode?: string | undefined;
  /** The GSO data (tests may pass a prepared copy); the shipped file when needed and omitted. */
  gso?: GsoData | undefined;
};

type ProvinceLine = { code: string; fullName: string };

/** `admin create` could not tell which province is meant: the message names the choices (Vietnamese, English). */
export class ProvinceChoiceError extends Error {
  constructor(
    readonly reason: 'none' | 'several',
    readonly provinces: ProvinceLine[],
  ) {
    super(provinceChoiceMessage(reason, provinces));
    this.name = 'ProvinceChoiceError';
  }
}

/** Why `admin create` needs `--unit`, in Vietnamese then English, with the provinces to choose from. */
export function provinceChoiceMessage(reason: 'none' | 'several', provinces: ProvinceLine[]): string {
  const head =
    reason === 'several'
      ? [
          `Sổ đăng ký đơn vị có ${provinces.length} tỉnh, thành phố đang hoạt động; chưa biết tạo quản trị viên cho tỉnh nào. Hãy chỉ rõ bằng --unit MÃ.`,
          `The unit registry holds ${provinces.length} provinces in force, so it is not clear which one the administrator is for. Name it with --unit CODE.`,
        ]
      : [
          'Sổ đăng ký đơn vị chưa có tỉnh nào. Hãy chỉ rõ tỉnh bằng --unit MÃ (mã tỉnh của Tổng cục Thống kê): tỉnh đó và các đơn vị hành chính của nó trước và sau 1/7/2025 sẽ được nhập từ dữ liệu GSO kèm theo.',
          'The unit registry has no province yet. Name yours with --unit CODE (its GSO code): that province and its administrative units before and after 1/7/2025 are imported from the shipped GSO data.',
        ];
  return [...head, provinceLines(provinces)].join('\n');
}

/** The current GSO provinces (code, full name), for the empty registry's message. */
function gsoProvinces(data: GsoData): ProvinceLine[] {
  return data.new.provinces.map(([code, , fullName]) => ({ code, fullName }));
}

/**
 * `chidao admin create`: an administrator over a province — the one named, or the registry's only
 * province in force; several provinces or an empty registry without `--unit` are refused with the choices
 * ({@link ProvinceChoiceError}). All-or-nothing: a refused password leaves no imported province behind.
 */
export async function createAdministrator(
  ctx: RequestContext,
  input: AdministratorInput,
): Promise<{ user: UserOut; unitName: string; importedUnits: number }> {
  const today = todayInVietnam();
  const choice = await soleProvince(ctx.db, today);
  let gso = input.gso;
  if (!input.unitCode && choice.kind === 'several')
    throw new ProvinceChoiceError('several', choice.provinces);
  if (!input.unitCode && choice.kind === 'none')
    throw new ProvinceChoiceError('none', gsoProvinces((gso ??= loadGsoData())));
  const code = input.unitCode ?? (choice.kind === 'one' ? choice.province.code : '');
  // Read before the transaction (nothing slow while PGlite's one connection is held).
  if (choice.kind === 'none') gso ??= loadGsoData();
  return ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    const find = async () =>
      (await listUnits(tx, { q: code, limit: 50 })).find((u) => u.code === code && !u.validTo);
    let unit = await find();
    let importedUnits = 0;
    if (!unit && choice.kind === 'none' && gso?.new.provinces.some(([c]) => c === code)) {
      importedUnits = (await importGso(t, { province: code, data: gso })).unitsCreated;
      unit = await find();
    }
    if (!unit) throw new AppError(404, 'NOT_FOUND', 'unit.not_found', { code });
    const user = await createUser(
      t,
      { email: input.email, fullName: input.fullName, password: input.password, unitId: null },
      { skipAuthorization: true },
    );
    await addGrant(
      t,
      { userId: user.id, role: 'admin', unitId: unit.id, note: 'chidao admin create' },
      { skipAuthorization: true },
    );
    return { user, unitName: unit.fullName, importedUnits };
  });
}
