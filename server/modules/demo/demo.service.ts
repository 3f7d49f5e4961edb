import type { RequestContext } from '../../core/context.js';
import { addGrant } from '../access/access.service.js';
import { hashPassword } from '../auth/password-hash.js';
import { createDocumentRecord, listAllDocumentSymbols } from '../documents/documents.service.js';
import { createUser, findUserByEmail, removeDemoUsers } from '../users/users.service.js';
import { insertUnits, listUnits } from '../units/units.service.js';
import { DEMO_ACCOUNTS, DEMO_DOCUMENTS, DEMO_PASSWORD, DEPARTMENTS, PROVINCE } from './nghe-an.js';

export type DemoSeedResult = { created: boolean; accounts: { email: string; role: string }[] };

const deptCode = (key: string) => `40.${key}`;

/**
 * Seeds the demo province (Nghệ An): the province, its departments before and after the 2025
 * reorganisation, the documents named in the sources, and (in demo mode) one account per role.
 * Idempotent piece by piece — whatever already exists (e.g. the province created by `chidao admin
 * create`) is reused — and all-or-nothing: it runs in one transaction.
 */
export async function seedDemo(
  ctx: RequestContext,
  options: { withAccounts: boolean },
): Promise<DemoSeedResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role }));
  const passwordHash = options.withAccounts ? await hashPassword(DEMO_PASSWORD) : '';
  let created = false;
  await ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    let province = (await listUnits(tx, { kind: 'province', q: PROVINCE.code })).find(
      (u) => u.code === PROVINCE.code && !u.validTo,
    );
    if (!province) {
      [province] = await insertUnits(t, [
        {
          code: PROVINCE.code,
          name: PROVINCE.name,
          fullName: PROVINCE.fullName,
          kind: 'province',
          parentId: null,
          validFrom: PROVINCE.validFrom,
        },
      ]);
      created = true;
    }
    const unitIds = new Map<string, string>([['province', province!.id]]);
    const existing = new Map(
      (await listUnits(tx, { parentId: province!.id, limit: 5000 })).map((u) => [u.code, u.id]),
    );
    const missing = DEPARTMENTS.filter((d) => !existing.has(deptCode(d.key)));
    const inserted = await insertUnits(
      t,
      missing.map((d) => ({
        code: deptCode(d.key),
        name: d.name,
        fullName: `${d.name} tỉnh Nghệ An`.replace('tỉnh tỉnh', 'tỉnh'),
        kind: d.kind ?? 'department',
        parentId: province!.id,
        validFrom: d.from ?? '2008-04-04',
        validTo: d.until ?? null,
      })),
    );
    if (inserted.length) created = true;
    inserted.forEach((u) => existing.set(u.code, u.id));
    for (const d of DEPARTMENTS) unitIds.set(d.key, existing.get(deptCode(d.key))!);

    const symbols = new Set(await listAllDocumentSymbols(t));
    for (const doc of DEMO_DOCUMENTS.filter((d) => !symbols.has(d.numberSymbol))) {
      const { owner, ...fields } = doc;
      await createDocumentRecord(t, { ...fields, unitId: unitIds.get(owner)! });
      created = true;
    }

    if (!options.withAccounts) return;
    for (const a of DEMO_ACCOUNTS) {
      if (await findUserByEmail(t, a.email)) continue;
      const user = await createUser(
        t,
        {
          email: a.email,
          fullName: a.fullName,
          position: a.position,
          unitId: unitIds.get(a.unit) ?? null,
          demo: true,
        },
        { skipAuthorization: true, passwordHash },
      );
      await addGrant(
        t,
        { userId: user.id, role: a.role, unitId: unitIds.get(a.over)!, note: 'demo' },
        { skipAuthorization: true },
      );
      created = true;
    }
  });
  return { created, accounts: options.withAccounts ? accounts : [] };
}

export { removeDemoUsers };
