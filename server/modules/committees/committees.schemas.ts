import { z } from 'zod';

export const COMMITTEE_LEVELS = ['province', 'department', 'district', 'commune', 'other'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

/** Positions in a committee, in the order a composition lists them (rank). */
export const POSITIONS = [
  'truong_ban',
  'pho_truong_ban_thuong_truc',
  'pho_truong_ban',
  'uy_vien',
  'thu_ky',
  'to_giup_viec',
] as const;
export type Position = (typeof POSITIONS)[number];
export const positionRank = (p: string) => {
  const i = (POSITIONS as readonly string[]).indexOf(p);
  return i < 0 ? POSITIONS.length : i;
};

const abilitiesOut = z.object({ read: z.boolean(), update: z.boolean() });

export const documentRefOut = z
  .object({ id: z.uuid(), numberSymbol: z.string(), issuedOn: z.string(), title: z.string() })
  .meta({ id: 'DocumentRef' });
export type DocumentRef = z.infer<typeof documentRefOut>;

export const committeeOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    level: z.enum(COMMITTEE_LEVELS),
    hostUnitId: z.uuid(),
    hostUnitName: z.string(),
    standingUnitId: z.uuid().nullable(),
    standingUnitName: z.string().nullable(),
    foundingDocumentId: z.uuid().nullable(),
    foundingDocument: documentRefOut.nullable(),
    foundedOn: z.string(),
    dissolvedOn: z.string().nullable(),
    version: z.number(),
    abilities: abilitiesOut,
  })
  .meta({ id: 'Committee' });
export type CommitteeOut = z.infer<typeof committeeOut>;

export const assignmentOut = z
  .object({
    id: z.uuid(),
    membershipId: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    note: z.string().nullable(),
    decision: documentRefOut.nullable(),
    version: z.number(),
    abilities: abilitiesOut,
  })
  .meta({ id: 'MonitoringAssignment' });
export type AssignmentOut = z.infer<typeof assignmentOut>;

export const membershipOut = z
  .object({
    id: z.uuid(),
    committeeId: z.uuid(),
    userId: z.uuid().nullable(),
    name: z.string(),
    position: z.enum(POSITIONS),
    office: z.string().nullable(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    decision: documentRefOut.nullable(),
    endDecision: documentRefOut.nullable(),
    assignments: z.array(assignmentOut),
    version: z.number(),
    abilities: abilitiesOut,
  })
  .meta({ id: 'CommitteeMembership' });
export type MembershipOut = z.infer<typeof membershipOut>;

export const compositionOut = z
  .object({ committee: committeeOut, asOf: z.string(), members: z.array(membershipOut) })
  .meta({ id: 'CommitteeComposition' });
/** A committee's members in office on `asOf`, in rank order, with their monitoring assignments. */
export type CompositionOut = z.infer<typeof compositionOut>;

export const committeeListOut = z.object({
  items: z.array(committeeOut),
  abilities: z.object({ create: z.boolean() }),
});
export type CommitteeListOut = z.infer<typeof committeeListOut>;

export const coverageOut = z
  .object({
    level: z.enum(['department', 'district']),
    asOf: z.string(),
    total: z.number(),
    founded: z.number(),
    items: z.array(
      z.object({
        unitId: z.uuid(),
        code: z.string(),
        unitName: z.string(),
        committee: z
          .object({
            id: z.uuid(),
            name: z.string(),
            foundedOn: z.string(),
            foundingDocument: documentRefOut.nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'CommitteeCoverage' });
export type CoverageOut = z.infer<typeof coverageOut>;

export const myMonitoringOut = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        assignmentId: z.uuid(),
        unitId: z.uuid(),
        unitName: z.string(),
        fromDate: z.string(),
        toDate: z.string().nullable(),
        note: z.string().nullable(),
        committeeId: z.uuid(),
        committeeName: z.string(),
        position: z.enum(POSITIONS),
      }),
    ),
  })
  .meta({ id: 'MyMonitoring' });
export type MyMonitoringOut = z.infer<typeof myMonitoringOut>;

const date = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const committeeCreateIn = z.object({
  name: z.string().trim().min(3).max(300),
  level: z.enum(COMMITTEE_LEVELS),
  hostUnitId: z.uuid(),
  standingUnitId: z.uuid().nullish(),
  foundingDocumentId: z.uuid().nullish(),
  foundedOn: date,
  dissolvedOn: date.nullish(),
});
export type CommitteeInput = z.infer<typeof committeeCreateIn>;
export type CommitteeCreateBody = z.input<typeof committeeCreateIn>;

export const committeeUpdateIn = z.object({
  version: z.number().int().positive(),
  name: committeeCreateIn.shape.name.optional(),
  standingUnitId: z.uuid().nullish(),
  foundingDocumentId: z.uuid().nullish(),
  foundedOn: date.optional(),
  dissolvedOn: date.nullish(),
});
export type CommitteeUpdate = z.infer<typeof committeeUpdateIn>;
export type CommitteeUpdateBody = z.input<typeof committeeUpdateIn>;

export const membershipCreateIn = z.object({
  userId: z.uuid().nullish(),
  personName: optionalText(200),
  position: z.enum(POSITIONS),
  office: optionalText(300),
  fromDate: date,
  toDate: date.nullish(),
  decisionDocumentId: z.uuid().nullish(),
});
export type MembershipInput = z.infer<typeof membershipCreateIn>;
export type MembershipCreateBody = z.input<typeof membershipCreateIn>;

/** Ends a membership or an assignment: the last day, by which decision. */
export const endIn = z.object({
  version: z.number().int().positive(),
  toDate: date,
  decisionDocumentId: z.uuid().nullish(),
});
export type EndInput = z.infer<typeof endIn>;
export type EndBody = z.input<typeof endIn>;

export const assignmentCreateIn = z.object({
  unitId: z.uuid(),
  fromDate: date,
  toDate: date.nullish(),
  note: optionalText(1000),
  decisionDocumentId: z.uuid().nullish(),
});
export type AssignmentInput = z.infer<typeof assignmentCreateIn>;
export type AssignmentCreateBody = z.input<typeof assignmentCreateIn>;

export const committeeListQuery = z.object({
  level: z.enum(COMMITTEE_LEVELS).optional(),
  hostUnitId: z.uuid().optional(),
});
export const asOfQuery = z.object({ asOf: date.optional() });
export const coverageQuery = z.object({
  level: z.enum(['department', 'district']),
  asOf: date.optional(),
  withinId: z.uuid().optional(),
});
