import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { timingOut, uploadOut, workEventOut } from '../work/work.schemas.js';
import { REFORM_AREAS, TASK_ACTIONS, TASK_STATUSES } from '../tasks/index.js';
import { REPORT_ACTIONS, REPORT_KINDS, REPORT_STATUSES } from './pilot-rules.js';

const date = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

// ---------------------------------------------------------------------------------------------------
// Inputs (`…Body`: what a client sends, `z.input`; `…Input`: what the service receives after parsing)

export const programmeCreateIn = z.object({
  committeeId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  decisionDocumentId: z.uuid().nullish(),
  note: optionalText(2000),
});
export type ProgrammeInput = z.infer<typeof programmeCreateIn>;
export type ProgrammeCreateBody = z.input<typeof programmeCreateIn>;

export const programmeUpdateIn = z.object({
  version: versionField,
  decisionDocumentId: z.uuid().nullish(),
  note: optionalText(2000),
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdateIn>;
export type ProgrammeUpdateBody = z.input<typeof programmeUpdateIn>;

export const programmeListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  committeeId: z.uuid().optional(),
});

export const pilotUnitCreateIn = z.object({
  unitId: z.uuid(),
  responsibleMembershipId: z.uuid().nullish(),
  note: optionalText(2000),
});
export type PilotUnitInput = z.infer<typeof pilotUnitCreateIn>;
export type PilotUnitCreateBody = z.input<typeof pilotUnitCreateIn>;

export const pilotUnitUpdateIn = z.object({
  version: versionField,
  responsibleMembershipId: z.uuid().nullish(),
  note: optionalText(2000),
});
export type PilotUnitUpdate = z.infer<typeof pilotUnitUpdateIn>;
export type PilotUnitUpdateBody = z.input<typeof pilotUnitUpdateIn>;

export const itemCreateIn = z.object({
  title: z.string().trim().min(3).max(1000),
  description: optionalText(5000),
  reformArea: z.enum(REFORM_AREAS),
  dueDate: date,
});
export type ItemInput = z.infer<typeof itemCreateIn>;
export type ItemCreateBody = z.input<typeof itemCreateIn>;

export const itemUpdateIn = z.object({
  version: versionField,
  title: z.string().trim().min(3).max(1000).optional(),
  description: optionalText(5000),
  reformArea: z.enum(REFORM_AREAS).optional(),
});
export type ItemUpdate = z.infer<typeof itemUpdateIn>;
export type ItemUpdateBody = z.input<typeof itemUpdateIn>;

export const itemActionIn = z.object({
  action: z.enum(TASK_ACTIONS),
  version: versionField,
  reason: z.string().trim().max(2000).nullish(),
  documentId: z.uuid().nullish(),
  output: z.string().trim().max(5000).nullish(),
  fileIds: z.array(z.uuid()).max(20).optional(),
  newDueDate: date.nullish(),
  /** The day the step took effect, when recorded later (the work engine's effective-date rules). */
  effectiveDate: date.nullish(),
});
export type ItemActionInput = z.infer<typeof itemActionIn>;
export type ItemActionBody = z.input<typeof itemActionIn>;

export const reportSaveIn = z.object({
  /** The report's version when it exists already (optimistic concurrency); omitted for a new report. */
  version: versionField.nullish(),
  overall: z.string().max(20_000),
  assessments: z.array(z.object({ itemId: z.uuid(), text: z.string().max(5000) })).max(100),
  /** Save and submit to the standing agency in one step. */
  submit: z.boolean().optional(),
});
export type ReportSaveInput = z.infer<typeof reportSaveIn>;
export type ReportSaveBody = z.input<typeof reportSaveIn>;

export const reportActionIn = z.object({
  action: z.enum(['submit', 'accept', 'return']),
  version: versionField,
  reason: z.string().trim().max(2000).nullish(),
  /** The day the step took effect, when recorded later (the work engine's effective-date rules). */
  effectiveDate: date.nullish(),
});
export type ReportActionInput = z.infer<typeof reportActionIn>;
export type ReportActionBody = z.input<typeof reportActionIn>;

export const reportKindParams = z.object({ id: z.uuid(), kind: z.enum(REPORT_KINDS) });
export const asOfQuery = z.object({ asOf: date.optional() });

// ---------------------------------------------------------------------------------------------------
// Outputs

export const documentRefOut = z.object({
  id: z.uuid(),
  numberSymbol: z.string(),
  issuedOn: z.string(),
  title: z.string(),
});
export type DocumentRefOut = z.infer<typeof documentRefOut>;

const successorOut = z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() });

/** The unit as it was in the programme year, whether it has ended, and the units that continue it today. */
export const unitAsItWasOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    ended: z.boolean(),
    successors: z.array(successorOut),
  })
  .meta({ id: 'PilotUnitAsItWas' });
export type UnitAsItWasOut = z.infer<typeof unitAsItWasOut>;

export const responsibleOut = z.object({
  membershipId: z.uuid(),
  name: z.string(),
  position: z.string(),
  office: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type ResponsibleOut = z.infer<typeof responsibleOut>;

const pilotUnitAbilities = z.object({
  read: z.boolean(),
  manage: z.boolean(),
  work: z.boolean(),
  review: z.boolean(),
});

export const pilotUnitCardOut = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    year: z.number(),
    unit: unitAsItWasOut,
    responsible: responsibleOut.nullable(),
    note: z.string().nullable(),
    version: z.number(),
    progress: z.object({
      total: z.number(),
      verified: z.number(),
      overdue: z.number(),
      verifiedItemIds: z.array(z.string()),
      overdueItemIds: z.array(z.string()),
    }),
    reports: z.array(z.object({ kind: z.enum(REPORT_KINDS), status: z.enum(REPORT_STATUSES).nullable() })),
    abilities: pilotUnitAbilities,
  })
  .meta({ id: 'PilotUnitCard' });
export type PilotUnitCardOut = z.infer<typeof pilotUnitCardOut>;

export const programmeOut = z
  .object({
    id: z.uuid(),
    committeeId: z.uuid(),
    committeeName: z.string(),
    year: z.number(),
    decisionDocumentId: z.uuid().nullable(),
    decision: documentRefOut.nullable(),
    note: z.string().nullable(),
    version: z.number(),
    abilities: z.object({ read: z.boolean(), manage: z.boolean() }),
    pilotUnits: z.array(pilotUnitCardOut),
  })
  .meta({ id: 'PilotProgramme' });
export type ProgrammeOut = z.infer<typeof programmeOut>;

export const programmeListOut = z.object({
  /** The year shown (the one asked for, else the latest with a programme; null when there is none). */
  year: z.number().nullable(),
  /** Every year that has a programme, for the year picker. */
  years: z.array(z.number()),
  items: z.array(programmeOut),
  abilities: z.object({ create: z.boolean() }),
});
export type ProgrammeListOut = z.infer<typeof programmeListOut>;

export const itemOut = z
  .object({
    id: z.uuid(),
    pilotUnitId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    reformArea: z.enum(REFORM_AREAS),
    dueDate: z.string(),
    /** The due date first set (an `extend` moves `dueDate`, never this). */
    originalDueDate: z.string(),
    status: z.enum(TASK_STATUSES),
    output: z.string().nullable(),
    reportedOn: z.string().nullable(),
    verifiedOn: z.string().nullable(),
    lastReason: z.string().nullable(),
    version: z.number(),
    /** Derived on the unit's clock (an ended unit's stops on its last day). */
    timing: timingOut,
    /** The actions the caller may take now (the web shows exactly these buttons). */
    allowedActions: z.array(z.enum(TASK_ACTIONS)),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'PilotItem' });
export type ItemOut = z.infer<typeof itemOut>;

export const reportOut = z
  .object({
    id: z.uuid().nullable(),
    pilotUnitId: z.uuid(),
    kind: z.enum(REPORT_KINDS),
    period: z.object({
      key: z.string(),
      label: z.string(),
      window: z.object({ from: z.string(), to: z.string() }),
      due: z.string(),
    }),
    status: z.enum(REPORT_STATUSES).nullable(),
    overall: z.string(),
    assessments: z.array(z.object({ itemId: z.string(), text: z.string() })),
    submittedOn: z.string().nullable(),
    submittedByName: z.string().nullable(),
    reviewedOn: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    returnReason: z.string().nullable(),
    /** Days after the due date the report was submitted (0 = on time); null when not submitted. */
    daysLate: z.number().nullable(),
    version: z.number().nullable(),
    allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  })
  .meta({ id: 'PilotReport' });
export type ReportOut = z.infer<typeof reportOut>;

/** A count with the ids of the items it counts. */
const metric = z.object({ value: z.number(), taskIds: z.array(z.string()) });

/**
 * The KPIs of a set of pilot items (computeKpis of ../tasks, `count` method): the status counts partition
 * the items; `overdue` and `verifiedOnTime` cut across them. Every number lists the items it counts.
 */
export const kpisOut = z
  .object({
    total: metric,
    notStarted: metric,
    inProgress: metric,
    reportedDone: metric,
    returned: metric,
    verified: metric,
    cancelled: metric,
    verifiedOnTime: metric,
    overdue: metric,
    /** Verified / (total − cancelled) in percent (0–100), null when nothing is owed. */
    completionPct: z.object({
      value: z.number().nullable(),
      method: z.enum(['count', 'weighted']),
      numerator: z.number(),
      denominator: z.number(),
      numeratorTaskIds: z.array(z.string()),
      taskIds: z.array(z.string()),
    }),
  })
  .meta({ id: 'PilotItemKpis' });
export type KpisOut = z.infer<typeof kpisOut>;

export const pilotUnitDetailOut = pilotUnitCardOut
  .extend({
    programme: z.object({
      id: z.uuid(),
      year: z.number(),
      committeeId: z.uuid(),
      committeeName: z.string(),
      decision: documentRefOut.nullable(),
    }),
    items: z.array(itemOut),
    reports: z.array(reportOut),
    kpis: kpisOut,
  })
  .meta({ id: 'PilotUnitDetail' });
export type PilotUnitDetailOut = z.infer<typeof pilotUnitDetailOut>;

export const pilotKpisOut = z
  .object({
    programmeId: z.uuid(),
    year: z.number(),
    asOf: z.string(),
    overall: kpisOut,
    units: z.array(
      z.object({ pilotUnitId: z.uuid(), unitId: z.uuid(), unitName: z.string(), kpis: kpisOut }),
    ),
  })
  .meta({ id: 'PilotKpis' });
export type PilotKpisOut = z.infer<typeof pilotKpisOut>;

export const membersOut = z.object({ year: z.number(), items: z.array(responsibleOut) });
export type MembersOut = z.infer<typeof membersOut>;

/** An item's history: the work engine's events (../work), the same for every kind of owed work. */
export const itemEventOut = workEventOut;
export const itemEventsOut = z.object({ items: z.array(itemEventOut) });
export type ItemEventsOut = z.infer<typeof itemEventsOut>;

/** An uploaded evidence file, to cite by its id in an action. */
export const evidenceUploadOut = uploadOut;
export type EvidenceUploadOut = z.infer<typeof evidenceUploadOut>;

/** A pilot item of a unit a committee member follows (the member cockpit), with its unit and year. */
export const pilotItemsForUnitsOut = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The reform area (NQ 76/NQ-CP) the item belongs to. */
  reformArea: z.string(),
  status: z.enum(TASK_STATUSES),
  dueDate: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  pilotUnitId: z.uuid(),
  year: z.number(),
  timing: timingOut,
});
export type PilotItemForUnit = z.infer<typeof pilotItemsForUnitsOut>;
