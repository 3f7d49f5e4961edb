import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/context.js';
import { freshDatabase } from '../../test/harness.js';
import type { Database } from '../../db/client.js';
import { removeDemoUsers, seedDemo } from '../demo/demo.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { createAdministrator } from './bootstrap.service.js';
import { listGrantsOf } from './access.service.js';

// A fresh production install: `chidao admin create` on an empty database, then optionally `chidao seed demo`.
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
});
afterAll(() => drop());

describe('first administrator on an empty database', () => {
  it('creates the province and an administrator over it', async () => {
    const ctx = systemContext(database.db);
    const { user, unitName } = await createAdministrator(ctx, {
      email: 'giamdoc@nghean.gov.vn',
      fullName: 'Nguyễn Giám Đốc',
      password: 'Cải cách 2026 tốt',
      unitCode: '40',
      createUnit: { name: 'Nghệ An', fullName: 'UBND tỉnh Nghệ An' },
    });
    expect(unitName).toBe('UBND tỉnh Nghệ An');
    const grants = await listGrantsOf(ctx, user.id);
    expect(grants.map((g) => [g.role, g.unitName])).toEqual([['admin', 'UBND tỉnh Nghệ An']]);
  });

  it('refuses a weak password', async () => {
    await expect(
      createAdministrator(systemContext(database.db), {
        email: 'b@nghean.gov.vn',
        fullName: 'B',
        password: 'ngan',
        unitCode: '40',
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('the demo seed afterwards reuses the province and completes the rest, twice without change', async () => {
    const ctx = systemContext(database.db);
    expect((await seedDemo(ctx, { withAccounts: true })).created).toBe(true);
    expect(await findUserByEmail(ctx, 'daumoi.tuphap@chidao.demo')).toBeDefined();
    expect((await seedDemo(ctx, { withAccounts: true })).created).toBe(false);
  });

  it('with demo mode off, demo accounts are deactivated and lose their grants; real accounts stay', async () => {
    const ctx = systemContext(database.db);
    expect(await removeDemoUsers(ctx)).toBe(10);
    const demo = (await findUserByEmail(ctx, 'admin@chidao.demo'))!;
    expect(demo.active).toBe(false);
    expect(demo.passwordHash).toBeNull();
    expect(await listGrantsOf(ctx, demo.id)).toEqual([]);
    const real = (await findUserByEmail(ctx, 'giamdoc@nghean.gov.vn'))!;
    expect(real.active).toBe(true);
  });
});
