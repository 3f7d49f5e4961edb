/**
 * Shared set-up of the dossier route tests (not a test itself): the demo province's departments across the
 * 1/3/2025 merger (Sở GTVT into Sở Xây dựng, NĐ 45/2025/NĐ-CP), two procedures, and dossier payloads.
 */
import { expect } from 'vitest';
import type { Caller } from '../../test/harness.js';

/** A hộ tịch procedure (5 working days, fully online) and a construction permit (3 days, partly online). */
export const TEST_PROCEDURES = [
  {
    code: '1.001234',
    name: 'Đăng ký khai sinh có yếu tố nước ngoài',
    field: 'Hộ tịch',
    level: 'province',
    onlineCapability: 'full',
    timeLimitDays: 5,
  },
  {
    code: '2.000123',
    name: 'Cấp giấy phép xây dựng',
    field: 'Hoạt động xây dựng',
    level: 'province',
    onlineCapability: 'partial',
    timeLimitDays: 3,
  },
] as const;

/** The id of the department named exactly `name` on `asOf`. */
export async function departmentId(caller: Caller, name: string, asOf: string): Promise<string> {
  const res = await caller.request(
    'GET',
    `/api/units?q=${encodeURIComponent(name)}&asOf=${asOf}&kind=department`,
  );
  const found = (res.json() as { items: { id: string; name: string }[] }).items.find((u) => u.name === name);
  if (!found) throw new Error(`unit ${name} not found: ${res.body}`);
  return found.id;
}

/** Sở GTVT (until 28/2/2025), Sở Xây dựng (its successor) and Sở Tư pháp. */
export async function mergerDepartments(
  caller: Caller,
): Promise<Record<'gtvt' | 'xaydung' | 'tuphap', string>> {
  return {
    gtvt: await departmentId(caller, 'Sở Giao thông vận tải', '2025-01-15'),
    xaydung: await departmentId(caller, 'Sở Xây dựng', '2025-06-01'),
    tuphap: await departmentId(caller, 'Sở Tư pháp', '2025-06-01'),
  };
}

/** Adds `TEST_PROCEDURES` through the API; returns their ids by code. */
export async function addTestProcedures(caller: Caller): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const p of TEST_PROCEDURES) {
    const res = await caller.request('POST', '/api/dossiers/procedures', p);
    expect(res.statusCode, res.body).toBe(201);
    ids[p.code] = (res.json() as { id: string }).id;
  }
  return ids;
}

/** A dossier as `POST /api/dossiers/batch` takes it: in person, processing, unless `over` says otherwise. */
export const testDossier = (
  code: string,
  over: Record<string, unknown>,
  procedureCode: string = TEST_PROCEDURES[0].code,
): Record<string, unknown> => ({ code, procedureCode, channel: 'in_person', status: 'processing', ...over });

/** A Vietnam-time instant of a day. */
export const localAt = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;
