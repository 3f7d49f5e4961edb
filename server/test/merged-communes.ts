/**
 * A test province with communes of which two merge on 1/7/2025 — Xã An and Xã Bình into Xã Hòa Bình — beside Xã
 * Đông and Xã Tây (and any other communes named): the fixture of the figures counted by lineage (the PAR Index's
 * computed criteria: a unit answers for the units it carries in the year).
 */
import type { RequestContext } from '../core/context.js';
import { recordEvent } from '../modules/units/lineage.service.js';
import { insertUnits } from '../modules/units/units.service.js';

export type MergedCommunes = {
  province: string;
  an: string;
  binh: string;
  dong: string;
  tay: string;
  hoaBinh: string;
  /** The other communes asked for, in order. */
  extra: string[];
};

export async function mergedCommunes(
  ctx: RequestContext,
  extra: readonly string[] = [],
): Promise<MergedCommunes> {
  const [province] = await insertUnits(ctx, [
    {
      code: '99',
      name: 'Thử',
      fullName: 'Tỉnh Thử',
      kind: 'province',
      parentId: null,
      validFrom: '1900-01-01',
    },
  ]);
  const commune = (code: string, name: string) => ({
    code,
    name,
    fullName: `Xã ${name}`,
    kind: 'commune' as const,
    parentId: province!.id,
    validFrom: '1900-01-01',
  });
  const names = ['An', 'Bình', 'Đông', 'Tây', ...extra];
  const made = await insertUnits(
    ctx,
    names.map((n, i) => commune(`9900${i + 1}`, n)),
  );
  const ids = made.map((x) => x.id);
  const merged = await recordEvent(
    ctx,
    {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      from: [ids[0]!, ids[1]!],
      to: [
        {
          create: {
            code: '99010',
            name: 'Hòa Bình',
            fullName: 'Xã Hòa Bình',
            kind: 'commune',
            parentId: province!.id,
          },
        },
      ],
      legalBasisText: 'Nghị quyết thử nghiệm sắp xếp đơn vị hành chính cấp xã',
    },
    { skipAuthorization: true },
  );
  return {
    province: province!.id,
    an: ids[0]!,
    binh: ids[1]!,
    dong: ids[2]!,
    tay: ids[3]!,
    hoaBinh: merged.created[0]!,
    extra: ids.slice(4),
  };
}
