import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';

/**
 * What a province's registry still lacks that a shipped import provides — shown on the administrator's
 * set-up list with the command that fills it:
 *
 * - `historyMissing`: its districts were written by the 2025-only GSO import (their records start with the
 *   2025 list, `known_since` in 2025), so the mergers of 2017–2025 and the units they ended are not there —
 *   `chidao units import-gso --province CODE` adds them (decision 0007). A province without districts (a
 *   hand-made registry) is not flagged.
 * - `departmentsMissing`: no Party body under the province (the Tỉnh ủy, its office) — the departments
 *   template has not been imported: `chidao units import-departments --province CODE` adds the standard
 *   bodies (Party, the Fatherland Front, management boards) and matches the departments it already has.
 */
export async function registryGaps(
  db: Db,
  provinceId: string,
): Promise<{ historyMissing: boolean; departmentsMissing: boolean }> {
  const [found] = await rows<{ districts: number; late_districts: number; party: number }>(
    db,
    sql`WITH children AS (
          SELECT DISTINCT u.id, u.kind, u.known_since
            FROM units u JOIN unit_versions v ON v.unit_id = u.id
           WHERE v.parent_id = ${provinceId}::uuid)
        SELECT count(*) FILTER (WHERE kind = 'district')::int AS districts,
               count(*) FILTER (WHERE kind = 'district' AND known_since >= '2025-01-01')::int AS late_districts,
               count(*) FILTER (WHERE kind = 'party_body')::int AS party
          FROM children`,
  );
  return {
    historyMissing: (found?.districts ?? 0) > 0 && (found?.late_districts ?? 0) > 0,
    departmentsMissing: (found?.party ?? 0) === 0,
  };
}
