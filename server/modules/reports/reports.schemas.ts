/** The contract of the periodic reports' API (`/api/report-forms`, `/api/report-assignments`, `/api/report-rounds`, `/api/reports`). */
import { z } from 'zod';
import { versionField } from '../../core/http.js';
import { workItemOut } from '../work/work.schemas.js';
import { FormVersion } from './form/index.js';

const date = z.iso.date();
const bilingual = z.object({ vi: z.string(), en: z.string() });
const values = z.record(z.string(), z.unknown());
const notes = z.record(z.string(), z.string().max(2000));
const problem = z.object({
  key: z.string(),
  field: z.string().nullable(),
  /** The rule or section it is about, when it is not a field's (the designer places it there). */
  rule: z.string().nullable().optional(),
  section: z.string().nullable().optional(),
  /** The fields a failed rule reads (shown under each). */
  fields: z.array(z.string()).nullable().optional(),
  severity: z.string(),
  message: z.string(),
});

// ---------------------------------------------------------------------------------------------------
// Forms

export const formKeyParams = z.object({ key: z.string().min(1).max(64) });

export const formListOut = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      subject: z.enum(['unit', 'member']),
      shipped: z.boolean(),
      name: bilingual,
      latestPublished: z
        .object({ id: z.uuid(), number: z.number().int(), publishedAt: z.string().nullable() })
        .nullable(),
      draft: z.object({ id: z.uuid(), number: z.number().int(), version: z.number().int() }).nullable(),
      versions: z.array(
        z.object({
          id: z.uuid(),
          number: z.number().int(),
          status: z.enum(['draft', 'published']),
          inUse: z.boolean(),
          publishedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  abilities: z.object({ design: z.boolean() }),
});

export const formVersionOut = z.object({
  id: z.uuid(),
  formKey: z.string(),
  number: z.number().int(),
  status: z.enum(['draft', 'published']),
  version: z.number().int(),
  definition: FormVersion,
  publishedAt: z.string().nullable(),
  inUse: z.boolean(),
  problems: z.array(problem),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean() }),
});

/** A definition as the designer sends it (checked by the service: every problem names its field). */
export const formCreateIn = z.object({ definition: z.unknown() });
export const draftUpdateIn = z.object({ version: versionField, definition: z.unknown() });
export const versionIn = z.object({ version: versionField });

// ---------------------------------------------------------------------------------------------------
// Assignments

export const assignmentQuery = z.object({ ownerUnitId: z.uuid(), formKey: z.string().max(64).optional() });
export const assignmentCreateIn = z.object({
  formKey: z.string().min(1).max(64),
  ownerUnitId: z.uuid(),
  periodType: z.enum(['month', 'quarter', 'half', 'nine_months', 'year']),
  target: z.enum(['unit', 'kinds']),
  unitId: z.uuid(),
  unitKinds: z
    .array(
      z.enum([
        'province',
        'department',
        'district',
        'commune',
        'management_board',
        'party_body',
        'mass_organisation',
        'other',
      ]),
    )
    .max(8)
    .optional(),
  focalPointSubmits: z.boolean().optional(),
  validFrom: date,
  validTo: date.nullish(),
  documentId: z.uuid().nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export const assignmentUpdateIn = z.object({
  version: versionField,
  validTo: date.nullish(),
  focalPointSubmits: z.boolean().optional(),
  note: z.string().trim().max(2000).nullish(),
});
export const assignmentOut = z.object({
  id: z.uuid(),
  formKey: z.string(),
  ownerUnitId: z.uuid(),
  periodType: z.string(),
  target: z.enum(['unit', 'kinds']),
  unitId: z.uuid(),
  unitName: z.string(),
  unitKinds: z.array(z.string()),
  focalPointSubmits: z.boolean(),
  validFrom: date,
  validTo: date.nullable(),
  documentId: z.uuid().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const assignmentListOut = z.object({ items: z.array(assignmentOut) });

// ---------------------------------------------------------------------------------------------------
// Rounds

const rates = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  notSubmitted: z.number().int(),
  submittedRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  acceptedRate: z.number().nullable(),
});

export const roundQuery = z.object({ ownerUnitId: z.uuid(), formKey: z.string().max(64).optional() });
export const roundCreateIn = z.object({
  formKey: z.string().min(1).max(64),
  ownerUnitId: z.uuid(),
  periodKey: z.string().min(6).max(16),
  note: z.string().trim().max(2000).nullish(),
});
export const roundPreviewQuery = z.object({
  formKey: z.string().min(1).max(64),
  ownerUnitId: z.uuid(),
  periodKey: z.string().min(6).max(16),
});
export const roundPreviewOut = z.object({
  periodKey: z.string(),
  periodLabel: bilingual,
  windowFrom: date,
  windowTo: date,
  dueDate: date,
  rules: z.object({ id: z.string(), version: z.number(), basis: z.array(z.string()) }),
  expected: z.number().int(),
  exists: z.boolean(),
});

const roundSummary = z.object({
  id: z.uuid(),
  formKey: z.string(),
  formName: bilingual,
  formVersion: z.number().int(),
  ownerUnitId: z.uuid(),
  periodKey: z.string(),
  periodLabel: bilingual,
  windowFrom: date,
  windowTo: date,
  dueDate: date,
  status: z.enum(['open', 'closed']),
  meetingId: z.uuid().nullable(),
  rates,
});
export const roundListOut = z.object({
  items: z.array(roundSummary),
  abilities: z.object({ open: z.boolean() }),
});
export const roundDetailOut = roundSummary.extend({
  ownerUnitName: z.string(),
  rules: z.unknown(),
  note: z.string().nullable(),
  version: z.number().int(),
  units: z.array(
    z.object({
      reportId: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      unitKind: z.string(),
      unitEnded: z.boolean(),
      status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
      dueDate: date,
      extended: z.boolean(),
      extensionReason: z.string().nullable(),
      firstSubmittedOn: date.nullable(),
      submittedOn: date.nullable(),
      acceptedOn: date.nullable(),
      late: z.boolean(),
      overdue: z.boolean(),
    }),
  ),
  byKind: z.array(z.object({ kind: z.string(), rates })),
  abilities: z.object({ manage: z.boolean(), remind: z.boolean(), consolidate: z.boolean() }),
});
export const remindIn = z.object({ unitIds: z.array(z.uuid()).max(5000).optional() });
export const remindOut = z.object({ reminded: z.number().int(), recipients: z.number().int() });

// ---------------------------------------------------------------------------------------------------
// Reports

export const reportOut = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  title: bilingual,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  /** A member's report to a session: the member who owes it (named instead of their unit). */
  memberName: z.string().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ key: z.string(), label: bilingual, windowFrom: date, windowTo: date }),
  form: z.object({ key: z.string(), number: z.number().int(), definition: FormVersion }),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  version: z.number().int(),
  dueDate: date,
  roundDueDate: date,
  extensionReason: z.string().nullable(),
  firstSubmittedOn: date.nullable(),
  submittedOn: date.nullable(),
  submittedByName: z.string().nullable(),
  acceptedOn: date.nullable(),
  late: z.boolean(),
  values: z.unknown(),
  evaluated: values,
  problems: z.array(problem),
  complete: z.boolean(),
  prefill: z.array(
    z.object({
      field: z.string(),
      source: z.string(),
      sourceLabel: bilingual,
      value: z.number(),
      asOf: date,
      changed: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  comments: z.array(z.object({ target: z.string(), text: z.string() })),
  lastReason: z.string().nullable(),
  work: workItemOut,
  abilities: z.object({ edit: z.boolean(), refreshPrefill: z.boolean() }),
});
export const myReportsOut = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: bilingual,
      unit: z.object({ id: z.uuid(), name: z.string() }),
      periodKey: z.string(),
      status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
      roundId: z.uuid(),
      periodLabel: bilingual,
      dueDate: date,
      firstSubmittedOn: date.nullable(),
      late: z.boolean(),
      /** Not submitted (draft or returned) and past its deadline. */
      overdue: z.boolean(),
      roundOpen: z.boolean(),
    }),
  ),
});
export type MyReportsOut = z.infer<typeof myReportsOut>;

export const reportSaveIn = z.object({
  version: versionField,
  values,
  changeNotes: notes.optional(),
});

// ---------------------------------------------------------------------------------------------------
// Consolidation

export const consolidationOut = z.object({
  roundId: z.uuid(),
  title: bilingual,
  form: z.object({ key: z.string(), number: z.number().int(), definition: FormVersion }),
  values,
  evaluated: values,
  problems: z.array(problem),
  complete: z.boolean(),
  figures: z.record(
    z.string(),
    z.object({ value: z.number().nullable(), reported: z.number().int(), aggregate: z.string() }),
  ),
  changeNotes: z.record(z.string(), z.string()),
  units: z.object({
    submitted: z.number().int(),
    notSubmitted: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
  }),
  stale: z.boolean(),
  computedAt: z.string(),
  documentId: z.uuid().nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export const consolidationSaveIn = reportSaveIn;
export const traceQuery = z.object({
  field: z.string().min(1).max(64),
  row: z.string().max(64).optional(),
  col: z.string().max(64).optional(),
});
export const traceOut = z.object({
  field: z.string(),
  label: bilingual,
  aggregate: z.string(),
  value: z.number().nullable(),
  lines: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      reportId: z.string(),
      value: z.union([z.number(), z.string(), z.array(z.string())]),
      weight: z.number().nullish(),
    }),
  ),
  notSubmitted: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
});

export const documentQuery = z.object({
  /**
   * Who issues the consolidated report: the province's People's Committee (state layout, Decree 30/2020/NĐ-CP),
   * or the Steering Committee (its own layout: Party when the Tỉnh ủy founded it).
   */
  issuer: z.enum(['province', 'committee']).default('province'),
});

export const issueIn = z.object({
  version: versionField,
  /** The register number of the report (its symbol follows the issuer's layout: 05/BC-UBND, 05-BC/BCĐ). */
  number: z.number().int().min(1).max(99999),
  issuedOn: date,
  issuer: z.enum(['province', 'committee']),
});

export const memberRoundIn = z.object({
  /** Default: 3 working days before the session. */
  dueDate: date.nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export const memberRoundOut = z.object({
  round: z.lazy(() => roundDetailOut).nullable(),
  abilities: z.object({ open: z.boolean() }),
  suggestedDueDate: date,
});
export type MemberRoundOut = z.infer<typeof memberRoundOut>;

export const prefillSourcesOut = z.object({
  items: z.array(z.object({ id: z.string(), label: bilingual })),
});
export type PrefillSourcesOut = z.infer<typeof prefillSourcesOut>;

export type FormListOut = z.infer<typeof formListOut>;
export type FormVersionOut = z.infer<typeof formVersionOut>;
export type FormCreateBody = z.input<typeof formCreateIn>;
export type DraftUpdateBody = z.input<typeof draftUpdateIn>;
export type AssignmentOut = z.infer<typeof assignmentOut>;
export type AssignmentListOut = z.infer<typeof assignmentListOut>;
export type AssignmentCreateBody = z.input<typeof assignmentCreateIn>;
export type AssignmentUpdateBody = z.input<typeof assignmentUpdateIn>;
export type RoundPreviewOut = z.infer<typeof roundPreviewOut>;
export type RoundListOut = z.infer<typeof roundListOut>;
export type RoundDetailOut = z.infer<typeof roundDetailOut>;
export type RoundCreateBody = z.input<typeof roundCreateIn>;
export type RemindOut = z.infer<typeof remindOut>;
export type ReportOut = z.infer<typeof reportOut>;
export type ReportSaveBody = z.input<typeof reportSaveIn>;
export type ConsolidationOut = z.infer<typeof consolidationOut>;
export type TraceOut = z.infer<typeof traceOut>;
/** A form definition as the designer edits it (the engine's `FormVersion`). */
export type FormDefinition = z.infer<typeof FormVersion>;
export type FormDefinitionInput = z.input<typeof FormVersion>;
