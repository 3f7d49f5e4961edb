import type { RequestContext } from '../../core/context.js';
import { addGrant } from '../access/access.service.js';
import { hashPassword } from '../auth/password-hash.js';
import { createDocumentRecord } from '../documents/documents.service.js';
import { createUser, findUserByEmail, removeDemoUsers } from '../users/users.service.js';
import { insertUnits, listUnits } from '../units/units.service.js';
import { DEMO_ACCOUNTS, DEMO_DOCUMENTS, DEMO_PASSWORD, DEPARTMENTS, PROVINCE } from './nghe-an.js';

export type DemoSeedResult = { created: boolean; accounts: { email: string; role: string }[] };

/**
 * Seeds the demo province (Nghệ An) and one demo account per role. Idempotent: a second run adds
 * nothing. Runs in one transaction, so a failure leaves no half-seeded database.
 */
export async function seedDemo(
  ctx: RequestContext,
  options: { withAccounts: boolean },
): Promise<DemoSeedResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role }));
  const existing = await listUnits(ctx.db, { kind: 'province', q: PROVINCE.fullName });
  const alreadySeeded = existing.some((u) => u.code === PROVINCE.code);
  if (alreadySeeded && (!options.withAccounts || (await findUserByEmail(ctx, DEMO_ACCOUNTS[0]!.email)))) {
    return { created: false, accounts: options.withAccounts ? accounts : [] };
  }
  const passwordHash = options.withAccounts ? await hashPassword(DEMO_PASSWORD) : '';
  await ctx.db.transaction(async (tx) => {
    const t: RequestContext = { ...ctx, db: tx };
    let provinceId: string;
    const unitIds = new Map<string, string>();
    if (!alreadySeeded) {
      const [province] = await insertUnits(t, [
        {
          code: PROVINCE.code,
          name: PROVINCE.name,
          fullName: PROVINCE.fullName,
          kind: 'province',
          parentId: null,
          validFrom: PROVINCE.validFrom,
        },
      ]);
      provinceId = province!.id;
      const depts = await insertUnits(
        t,
        DEPARTMENTS.map((d) => ({
          code: `40.${d.key}`,
          name: d.name,
          fullName: `${d.name} tỉnh Nghệ An`.replace('tỉnh tỉnh', 'tỉnh'),
          kind: d.kind ?? 'department',
          parentId: provinceId,
          validFrom: d.from ?? '2008-04-04',
          validTo: d.until ?? null,
        })),
      );
      DEPARTMENTS.forEach((d, i) => unitIds.set(d.key, depts[i]!.id));
      for (const doc of DEMO_DOCUMENTS) {
        await createDocumentRecord(t, {
          numberSymbol: doc.numberSymbol,
          type: doc.type,
          issuer: doc.issuer,
          issuedOn: doc.issuedOn,
          title: doc.title,
          summary: doc.summary,
          unitId: unitIds.get(doc.owner)!,
          access: doc.access,
        });
      }
    } else {
      provinceId = existing.find((u) => u.code === PROVINCE.code)!.id;
      const depts = await listUnits(tx, { parentId: provinceId, limit: 2000 });
      for (const d of DEPARTMENTS) {
        const found = depts.find((u) => u.code === `40.${d.key}`);
        if (found) unitIds.set(d.key, found.id);
      }
    }
    unitIds.set('province', provinceId);
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
    }
  });
  return { created: true, accounts: options.withAccounts ? accounts : [] };
}

export { removeDemoUsers };
