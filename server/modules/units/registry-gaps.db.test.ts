import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../core/context.js';
import type { Database } from '../../db/client.js';
import { freshDatabase } from '../../test/harness.js';
import { importDepartments, provinceByCode } from './departments.service.js';
import { importGso } from './gso-import.service.js';
import { registryGaps } from './registry-gaps.service.js';

let database: Database;
let drop: () => Promise<void>;
let ctx: RequestContext;

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  ctx = systemContext(database.db);
});
afterAll(() => drop());

describe("what a province's registry lacks (the administrator's set-up list)", () => {
  it('Hà Tĩnh from the 2025 lists only lacks its history and its Party bodies; each import fills its own gap', async () => {
    await importGso(ctx, { province: '42', history: null });
    const haTinh = (await provinceByCode(database.db, '42'))!;
    expect(await registryGaps(database.db, haTinh.id)).toEqual({
      historyMissing: true,
      departmentsMissing: true,
    });

    // `chidao units import-gso --province 42`: the mergers of 2017–2025 (decision 0007).
    await importGso(ctx, { province: '42' });
    expect(await registryGaps(database.db, haTinh.id)).toEqual({
      historyMissing: false,
      departmentsMissing: true,
    });

    // `chidao units import-departments --province 42`: the Tỉnh ủy, its office, the Fatherland Front…
    await importDepartments(ctx, { province: '42' });
    expect(await registryGaps(database.db, haTinh.id)).toEqual({
      historyMissing: false,
      departmentsMissing: false,
    });
  });
});
