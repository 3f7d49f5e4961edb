import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { insertUnits, listUnits } from '../units/units.service.js';
import type { UserOut } from '../users/users.schemas.js';
import { createUser } from '../users/users.service.js';
import { addGrant } from './access.service.js';

export type AdministratorInput = {
  email: string;
  fullName: string;
  password: string;
  /** Code of the unit the administration covers (its whole subtree), e.g. the province's GSO code. */
  unitCode: string;
  /** Creates that top unit when the registry is still empty (a fresh PostgreSQL install). */
  createUnit?: { name: string; fullName: string };
};

/** `chidao admin create`: the first administrator, over a province (created if the registry is empty). */
export async function createAdministrator(
  ctx: RequestContext,
  input: AdministratorInput,
): Promise<{ user: UserOut; unitName: string }> {
  return ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    let unit = (await listUnits(tx, { q: input.unitCode, limit: 50 })).find(
      (u) => u.code === input.unitCode && !u.validTo,
    );
    if (!unit && input.createUnit) {
      [unit] = await insertUnits(t, [
        {
          code: input.unitCode,
          name: input.createUnit.name,
          fullName: input.createUnit.fullName,
          kind: 'province',
          parentId: null,
          validFrom: '1976-01-01',
        },
      ]);
    }
    if (!unit) throw new AppError(404, 'NOT_FOUND', 'unit.not_found');
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
    return { user, unitName: unit.fullName };
  });
}
