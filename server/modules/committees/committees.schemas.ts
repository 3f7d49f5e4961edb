import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { COVERAGE_KINDS } from './coverage-rules.js';

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

/**
 * Who founded a committee: a Party committee (e.g. the Ban Thường vụ Tỉnh ủy: Party documents, Hướng dẫn
 * 36-HD/VPTW) or the state (UBND: administrative documents, Decree 30/2020/NĐ-CP).
 */
export const FOUNDER_KINDS = ['state', 'party'] as const;
export type FounderKind = (typeof FOUNDER_KINDS)[number];

/** Kinds of committee body: the working group (Tổ giúp việc). */
export const BODY_KINDS = ['to_giup_viec'] as const;
/** The position of a body's members in the committee's composition. */
export const BODY_POSITION = 'to_giup_viec';

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
    founderKind: z.enum(FOUNDER_KINDS),
    founderName: z.string().nullable(),
    symbol: z.string(),
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
    /** The body (Tổ giúp việc) the member belongs to. */
    bodyId: z.uuid().nullable(),
    assignments: z.array(assignmentOut),
    version: z.number(),
    abilities: abilitiesOut,
  })
  .meta({ id: 'CommitteeMembership' });
export type MembershipOut = z.infer<typeof membershipOut>;

export const bodyOut = z
  .object({
    id: z.uuid(),
    committeeId: z.uuid(),
    kind: z.enum(BODY_KINDS),
    name: z.string(),
    foundingDocument: documentRefOut.nullable(),
    foundedOn: z.string(),
    dissolvedOn: z.string().nullable(),
    headMembershipId: z.uuid().nullable(),
    version: z.number(),
    abilities: abilitiesOut,
  })
  .meta({ id: 'CommitteeBody' });
export type BodyOut = z.infer<typeof bodyOut>;

export const compositionOut = z
  .object({
    committee: committeeOut,
    asOf: z.string(),
    /** Everyone in office on the date, body members included (they carry `bodyId`). */
    members: z.array(membershipOut),
    /** The committee's bodies in force on the date (Tổ giúp việc). */
    bodies: z.array(bodyOut),
  })
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
    /** The kind listed in `items` (null when the province has none of the counted kinds on the date). */
    kind: z.enum(COVERAGE_KINDS).nullable(),
    asOf: z.string(),
    /** The province counted (the committee's top unit), as it was named then. */
    scope: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** Each kind of unit present in the province on the date, with its counts. */
    categories: z.array(
      z.object({
        kind: z.enum(COVERAGE_KINDS),
        total: z.number(),
        founded: z.number(),
        followed: z.number(),
      }),
    ),
    total: z.number(),
    founded: z.number(),
    followed: z.number(),
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
        /** The provincial committee's members following the unit on the date. */
        followedBy: z.array(z.object({ membershipId: z.uuid(), name: z.string() })),
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
  founderKind: z.enum(FOUNDER_KINDS).optional(),
  founderName: optionalText(300),
  symbol: z.string().trim().min(1).max(30).optional(),
});
export type CommitteeInput = z.infer<typeof committeeCreateIn>;
export type CommitteeCreateBody = z.input<typeof committeeCreateIn>;

export const committeeUpdateIn = z.object({
  version: versionField,
  name: committeeCreateIn.shape.name.optional(),
  standingUnitId: z.uuid().nullish(),
  foundingDocumentId: z.uuid().nullish(),
  foundedOn: date.optional(),
  dissolvedOn: date.nullish(),
  founderKind: z.enum(FOUNDER_KINDS).optional(),
  founderName: optionalText(300),
  symbol: z.string().trim().min(1).max(30).optional(),
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
  /** The body (Tổ giúp việc) a `to_giup_viec` member joins. */
  bodyId: z.uuid().nullish(),
});
export type MembershipInput = z.infer<typeof membershipCreateIn>;
export type MembershipCreateBody = z.input<typeof membershipCreateIn>;

/** Links a membership recorded by name to the person's account (their landing page then shows it). */
export const membershipLinkIn = z.object({
  version: versionField,
  /** The account, by id or by its e-mail (as the standing agency knows the person). */
  userId: z.uuid().optional(),
  email: z.string().trim().max(320).optional(),
});
export type MembershipLinkInput = z.infer<typeof membershipLinkIn>;
export type MembershipLinkBody = z.input<typeof membershipLinkIn>;

export const bodyCreateIn = z.object({
  kind: z.enum(BODY_KINDS).optional(),
  name: z.string().trim().min(3).max(300),
  foundingDocumentId: z.uuid().nullish(),
  foundedOn: date,
  dissolvedOn: date.nullish(),
});
export type BodyInput = z.infer<typeof bodyCreateIn>;
export type BodyCreateBody = z.input<typeof bodyCreateIn>;

export const bodyUpdateIn = z.object({
  version: versionField,
  name: bodyCreateIn.shape.name.optional(),
  foundingDocumentId: z.uuid().nullish(),
  foundedOn: date.optional(),
  dissolvedOn: date.nullish(),
  /** The head (Tổ trưởng): one of the body's members. */
  headMembershipId: z.uuid().nullish(),
});
export type BodyUpdate = z.infer<typeof bodyUpdateIn>;
export type BodyUpdateBody = z.input<typeof bodyUpdateIn>;
export const bodyParams = z.object({ id: z.uuid(), bodyId: z.uuid() });

/** Ends a membership or an assignment: the last day, by which decision. */
export const endIn = z.object({
  version: versionField,
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
  /** The kind of unit to list (default: the first present). */
  kind: z.enum(COVERAGE_KINDS).optional(),
  asOf: date.optional(),
  /** The provincial committee: its top unit is the province counted, its members the followers. */
  committeeId: z.uuid().optional(),
  /** Count within this unit instead (its subtree on the date). */
  withinId: z.uuid().optional(),
});
