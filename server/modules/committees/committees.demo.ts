import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  addAssignmentRecord,
  addMembershipRecord,
  createBodyRecord,
  createCommitteeRecord,
  findCommittee,
  linkMembershipRecord,
} from './committees.service.js';
import { committeeBodies } from './committees.table.js';
import type { Position } from './committees.schemas.js';
import { createDocumentRecord, findDocumentBySymbol } from '../documents/documents.service.js';
import { unitsAsOf } from '../units/lineage.service.js';
import { findUserByEmail } from '../users/users.service.js';
import { DEPARTMENTS } from '../demo/nghe-an.js';

/** The Provincial PAR Steering Committee, founded by Decision 1830-QĐ/TU of 6/3/2023. */
export const FOUNDING_SYMBOL = '1830-QĐ/TU';
export const FOUNDED_ON = '2023-03-06';

/** A fictional kiện toàn decision of 2024 (one member replaced). */
export const RESHUFFLE = {
  numberSymbol: '2468-QĐ/TU',
  type: 'quyet_dinh',
  issuer: 'Tỉnh ủy Nghệ An',
  issuedOn: '2024-05-15',
  title: 'Quyết định kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An (dữ liệu minh họa)',
  summary: 'Thay đổi một Ủy viên Ban Chỉ đạo do điều động công tác. Số hiệu và nội dung là giả định.',
  access: 'public' as const,
};

type DemoMember = {
  name: string;
  /** Linked demo account, when there is a natural one. */
  email?: string;
  position: Position;
  office: string;
  from: string;
  to?: string;
  /** The membership starts by the reshuffle decision rather than the founding one. */
  byReshuffle?: boolean;
  /** Department keys the member follows (phân công theo dõi). */
  follows?: string[];
};

/**
 * The committee's working group (Tổ giúp việc), founded by the committee's own decision before its first
 * session (the seeds: the first session "công bố các quyết định thành lập Ban Chỉ đạo, Tổ giúp việc").
 * The committee was founded by the Tỉnh ủy, so its decisions are Party documents ("…-QĐ/BCĐ", Hướng dẫn
 * 36-HD/VPTW). Number and content are fictional.
 */
export const WORKING_GROUP_DECISION = {
  numberSymbol: '02-QĐ/BCĐ',
  type: 'quyet_dinh',
  issuer: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
  issuedOn: '2023-03-15',
  title: 'Quyết định thành lập Tổ giúp việc Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An (dữ liệu minh họa)',
  summary:
    'Thành lập Tổ giúp việc gồm công chức Sở Nội vụ, Văn phòng UBND tỉnh, Sở Tư pháp; Tổ trưởng là Phó Giám đốc Sở Nội vụ. Số hiệu và nội dung là giả định.',
  access: 'public' as const,
};
export const WORKING_GROUP_NAME = 'Tổ giúp việc Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An';

/** The working group's members (fictional); the head first. */
export const WORKING_GROUP: {
  name: string;
  office: string;
  head?: boolean;
  linkTo?: string;
  linkedOn?: string;
}[] = [
  { name: 'Nguyễn Hữu Thắng', office: 'Phó Giám đốc Sở Nội vụ', head: true },
  { name: 'Phan Thị Minh Huệ', office: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ' },
  { name: 'Hồ Văn Lộc', office: 'Phó Chánh Văn phòng UBND tỉnh' },
  { name: 'Trần Đình Khoa', office: 'Trưởng phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh' },
  // Recorded by name as printed in the decision, linked to her account when it was opened.
  {
    name: 'Lê Thị Thường Trực',
    office: 'Chuyên viên Phòng CCHC, Sở Nội vụ',
    linkTo: 'thuongtruc@chidao.demo',
    linkedOn: '2023-04-03',
  },
];

/** Fictional people (the real committee's names are not reproduced). */
export const DEMO_MEMBERS: DemoMember[] = [
  {
    name: 'Trần Văn Chỉ Đạo',
    email: 'truongban@chidao.demo',
    position: 'truong_ban',
    office: 'Bí thư Tỉnh ủy',
    from: FOUNDED_ON,
  },
  {
    name: 'Nguyễn Văn An',
    position: 'pho_truong_ban_thuong_truc',
    office: 'Chủ tịch UBND tỉnh',
    from: FOUNDED_ON,
    follows: ['vpubnd'],
  },
  {
    name: 'Lê Văn Bình',
    position: 'pho_truong_ban',
    office: 'Phó Chủ tịch UBND tỉnh',
    from: FOUNDED_ON,
    follows: ['taichinh'],
  },
  {
    name: 'Hoàng Thị Cúc',
    position: 'pho_truong_ban',
    office: 'Giám đốc Sở Nội vụ',
    from: FOUNDED_ON,
    follows: ['noivu'],
  },
  {
    name: 'Phạm Thị Ủy Viên',
    email: 'uyvien@chidao.demo',
    position: 'uy_vien',
    office: 'Giám đốc Sở Tư pháp',
    from: FOUNDED_ON,
    follows: ['tuphap', 'xaydung'],
  },
  {
    name: 'Đinh Văn Dũng',
    position: 'uy_vien',
    office: 'Trưởng Ban Tổ chức Tỉnh ủy',
    from: FOUNDED_ON,
    to: '2024-05-14',
    follows: ['yte'],
  },
  {
    name: 'Võ Văn Giang',
    position: 'uy_vien',
    office: 'Trưởng Ban Tổ chức Tỉnh ủy',
    from: '2024-05-15',
    byReshuffle: true,
    follows: ['yte'],
  },
  {
    name: 'Trịnh Thị Hà',
    position: 'uy_vien',
    office: 'Chánh Văn phòng UBND tỉnh',
    from: FOUNDED_ON,
    follows: ['gddt'],
  },
];

/** Departments that founded their own committee, and when. */
export const DEPARTMENT_COMMITTEES: { key: string; foundedOn: string }[] = [
  { key: 'noivu', foundedOn: '2023-04-03' },
  { key: 'tuphap', foundedOn: '2023-04-10' },
  { key: 'xaydung', foundedOn: '2023-05-02' },
  { key: 'yte', foundedOn: '2023-05-15' },
  { key: 'gddt', foundedOn: '2023-06-01' },
];

/** The one district (by GSO code) that had not founded its committee — 20 of Nghệ An's 21 did in 2023. */
export const DISTRICT_WITHOUT_COMMITTEE = '417';

/**
 * The steering committees of the demo province, in the seed's transaction. Each committee is seeded
 * only when it does not exist yet. Returns whether anything was created.
 */
export async function seedCommittees(
  t: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  let created = false;
  const founding = await findDocumentBySymbol(t, FOUNDING_SYMBOL);
  if (!(await findCommittee(t, provinceId, 'province'))) {
    const committee = await createCommitteeRecord(t, {
      name: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An',
      level: 'province',
      hostUnitId: provinceId,
      standingUnitId: unitIds.get('noivu') ?? null,
      foundingDocumentId: founding?.id ?? null,
      foundedOn: FOUNDED_ON,
      // Founded by the Ban Thường vụ Tỉnh ủy (1830-QĐ/TU): its documents are Party documents.
      founderKind: 'party',
      founderName: 'Tỉnh ủy Nghệ An',
    });
    const reshuffle =
      (await findDocumentBySymbol(t, RESHUFFLE.numberSymbol)) ??
      (await createDocumentRecord(t, { ...RESHUFFLE, unitId: unitIds.get('noivu') ?? provinceId }));
    for (const m of DEMO_MEMBERS) {
      const user = m.email ? await findUserByEmail(t, m.email) : undefined;
      const membership = await addMembershipRecord(t, committee.id, {
        userId: user?.id ?? null,
        personName: user?.fullName ?? m.name,
        position: m.position,
        office: m.office,
        fromDate: m.from,
        toDate: m.to ?? null,
        decisionDocumentId: m.byReshuffle ? reshuffle.id : (founding?.id ?? null),
        // The replaced member's membership ends by the reshuffle decision.
        endDecisionDocumentId: m.to ? reshuffle.id : null,
      });
      for (const key of m.follows ?? []) {
        const unitId = unitIds.get(key);
        if (!unitId) continue;
        await addAssignmentRecord(t, membership.id, {
          unitId,
          fromDate: m.from,
          toDate: m.to ?? null,
          note: null,
          decisionDocumentId: m.byReshuffle ? reshuffle.id : (founding?.id ?? null),
        });
      }
    }
    await seedWorkingGroup(t, committee.id, unitIds.get('noivu') ?? provinceId);
    created = true;
  }

  for (const d of DEPARTMENT_COMMITTEES) {
    const unitId = unitIds.get(d.key);
    if (!unitId || (await findCommittee(t, unitId, 'department'))) continue;
    const name = DEPARTMENTS.find((x) => x.key === d.key)?.name ?? '';
    await createCommitteeRecord(t, {
      name: `Ban Chỉ đạo cải cách hành chính ${name}`.trim(),
      level: 'department',
      hostUnitId: unitId,
      foundedOn: d.foundedOn,
    });
    created = true;
  }

  const districts = await unitsAsOf(t.db, { date: '2024-06-01', kind: 'district', withinId: provinceId });
  for (const [i, u] of districts.entries()) {
    if (u.code === DISTRICT_WITHOUT_COMMITTEE || (await findCommittee(t, u.id, 'district'))) continue;
    await createCommitteeRecord(t, {
      name: `Ban Chỉ đạo cải cách hành chính ${u.fullName.charAt(0).toLowerCase()}${u.fullName.slice(1)}`,
      level: 'district',
      hostUnitId: u.id,
      // Founded between March and September 2023.
      foundedOn: `2023-${String(3 + (i % 7)).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}`,
    });
    created = true;
  }
  return created;
}

/**
 * The provincial committee's working group (Tổ giúp việc) with its founding decision, head and members;
 * one member recorded by name and later linked to her account (as the standing agency does on the page).
 */
async function seedWorkingGroup(t: RequestContext, committeeId: string, ownerUnitId: string): Promise<void> {
  const decision =
    (await findDocumentBySymbol(t, WORKING_GROUP_DECISION.numberSymbol)) ??
    (await createDocumentRecord(t, { ...WORKING_GROUP_DECISION, unitId: ownerUnitId }));
  const body = await createBodyRecord(t, committeeId, {
    name: WORKING_GROUP_NAME,
    foundingDocumentId: decision.id,
    foundedOn: WORKING_GROUP_DECISION.issuedOn,
  });
  for (const m of WORKING_GROUP) {
    const membership = await addMembershipRecord(t, committeeId, {
      userId: null,
      personName: m.name,
      position: 'to_giup_viec',
      office: m.office,
      fromDate: WORKING_GROUP_DECISION.issuedOn,
      decisionDocumentId: decision.id,
      bodyId: body.id,
    });
    if (m.head)
      await t.db
        .update(committeeBodies)
        .set({ headMembershipId: membership.id })
        .where(eq(committeeBodies.id, body.id));
    const user = m.linkTo ? await findUserByEmail(t, m.linkTo) : undefined;
    if (user) await linkMembershipRecord(t, membership.id, user.id);
  }
}
