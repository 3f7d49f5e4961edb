import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '../../core/context.js';
import { freshDatabase } from '../../test/harness.js';
import type { Database } from '../../db/client.js';
import { removeDemoUsers, seedDemo } from '../demo/demo.service.js';
import { loadGsoData } from '../units/gso-import.service.js';
import { insertUnits } from '../units/units.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { adminCreateCommand } from './bootstrap.cli.js';
import { createAdministrator, ProvinceChoiceError } from './bootstrap.service.js';
import { listGrantsOf } from './access.service.js';

// A fresh production install: `chidao admin create` on an empty database, then optionally `chidao seed demo`.
let database: Database;
let drop: () => Promise<void>;
const gso = loadGsoData();
beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
});
afterAll(() => drop());

const ctx = () => systemContext(database.db);
const admin = (email: string, unitCode?: string) => ({
  email,
  fullName: 'Nguyễn Giám Đốc',
  password: 'Cải cách 2026 tốt',
  unitCode,
  gso,
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(m));
  try {
    const code = await adminCreateCommand(args, ctx(), { gso });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('first administrator on an empty database', () => {
  it('without --unit, is refused with the provinces to choose from (Vietnamese, then English)', async () => {
    const refused = await createAdministrator(ctx(), admin('a@nghean.gov.vn')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProvinceChoiceError);
    const message = (refused as ProvinceChoiceError).message;
    expect(message).toContain('Sổ đăng ký đơn vị chưa có tỉnh nào. Hãy chỉ rõ tỉnh bằng --unit MÃ');
    expect(message).toContain('The unit registry has no province yet. Name yours with --unit CODE');
    expect(message).toMatch(/^ {2}40 {3}Tỉnh Nghệ An$/m);
    expect((refused as ProvinceChoiceError).provinces).toHaveLength(34);
    expect(await findUserByEmail(ctx(), 'a@nghean.gov.vn')).toBeUndefined();
  });

  it('refuses a weak password, leaving the registry empty', async () => {
    await expect(
      createAdministrator(ctx(), { ...admin('b@nghean.gov.vn', '40'), password: 'ngan' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(createAdministrator(ctx(), admin('b@nghean.gov.vn'))).rejects.toBeInstanceOf(
      ProvinceChoiceError,
    );
  });

  it('with --unit CODE, imports that province from the GSO data and makes the administrator over it', async () => {
    const { user, unitName, importedUnits } = await createAdministrator(
      ctx(),
      admin('giamdoc@nghean.gov.vn', '40'),
    );
    expect(unitName).toBe('Tỉnh Nghệ An');
    expect(importedUnits).toBeGreaterThan(500);
    const grants = await listGrantsOf(ctx(), user.id);
    expect(grants.map((g) => [g.role, g.unitName])).toEqual([['admin', 'Tỉnh Nghệ An']]);
  });

  it('without --unit, takes the only province', async () => {
    const { user, unitName, importedUnits } = await createAdministrator(
      ctx(),
      admin('phogiamdoc@nghean.gov.vn'),
    );
    expect([unitName, importedUnits]).toEqual(['Tỉnh Nghệ An', 0]);
    expect((await listGrantsOf(ctx(), user.id)).map((g) => g.unitName)).toEqual(['Tỉnh Nghệ An']);
  });

  it('the demo seed afterwards reuses the province and completes the rest, twice without change', async () => {
    expect((await seedDemo(ctx(), { withAccounts: true })).created).toBe(true);
    expect(await findUserByEmail(ctx(), 'daumoi.tuphap@chidao.demo')).toBeDefined();
    expect((await seedDemo(ctx(), { withAccounts: true })).created).toBe(false);
  });

  it('with demo mode off, demo accounts are deactivated and lose their grants; real accounts stay', async () => {
    // The 11 sign-in accounts and the inspection team's 4 members from other departments (no password).
    expect(await removeDemoUsers(ctx())).toBe(15);
    const demo = (await findUserByEmail(ctx(), 'admin@chidao.demo'))!;
    expect(demo.active).toBe(false);
    expect(demo.passwordHash).toBeNull();
    expect(await listGrantsOf(ctx(), demo.id)).toEqual([]);
    const real = (await findUserByEmail(ctx(), 'giamdoc@nghean.gov.vn'))!;
    expect(real.active).toBe(true);
  });
});

describe('chidao admin create with several provinces', () => {
  const args = (email: string) => [
    '--email',
    email,
    '--name',
    'Trần Quản Trị',
    '--password',
    'Cải cách 2026 tốt',
  ];

  it('the only province is taken', async () => {
    const r = await cli(args('qt1@nghean.gov.vn'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Đã tạo quản trị viên qt1@nghean.gov.vn cho Tỉnh Nghệ An.');
    expect(r.out).toContain('Administrator qt1@nghean.gov.vn created over Tỉnh Nghệ An.');
  });

  it('several provinces: refused, naming them; --unit still works', async () => {
    await insertUnits(ctx(), [
      {
        code: '42',
        name: 'Hà Tĩnh',
        fullName: 'Tỉnh Hà Tĩnh',
        kind: 'province',
        parentId: null,
        validFrom: '1991-08-12',
      },
    ]);
    const refused = await cli(args('qt2@hatinh.gov.vn'));
    expect(refused.code).toBe(64);
    expect(refused.err).toContain('Sổ đăng ký đơn vị có 2 tỉnh, thành phố đang hoạt động');
    expect(refused.err).toContain('Name it with --unit CODE.');
    expect(refused.err).toMatch(/^ {2}40 {3}Tỉnh Nghệ An$/m);
    expect(refused.err).toMatch(/^ {2}42 {3}Tỉnh Hà Tĩnh$/m);
    expect(await findUserByEmail(ctx(), 'qt2@hatinh.gov.vn')).toBeUndefined();

    const chosen = await cli([...args('qt2@hatinh.gov.vn'), '--unit', '42']);
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain('cho Tỉnh Hà Tĩnh.');
    const unknown = await cli([...args('qt3@hatinh.gov.vn'), '--unit', '99']);
    expect(unknown.code).toBe(64);
    expect(unknown.err).toContain('Không có đơn vị mã 99 đang hoạt động trong sổ đăng ký.');
  });

  it('a missing option is named in both languages', async () => {
    const r = await cli(['--email', 'x@y.vn']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('admin create cần --email, --name và --password');
  });
});
