import { z } from 'zod';
import { QD766_CRITERIA, QD766_GROUPS } from '../qd766.js';
import { THRESHOLD_KEYS } from './dossiers-settings.rules.js';

const share = z.number().min(0).max(1);

export const thresholdIn = z.object({
  key: z.enum(THRESHOLD_KEYS),
  green: share,
  amber: share,
  source: z.string().trim().max(500).nullish(),
});

export const settingsIn = z.object({
  /** The latest version number the editor read (0 when none is stored yet): optimistic concurrency. */
  version: z.number().int().min(0),
  effectiveFrom: z.iso.date(),
  note: z.string().trim().min(1).max(2000),
  legalBasis: z.string().trim().max(2000).nullish(),
  thresholds: z.array(thresholdIn).min(1).max(20),
  qd766: z.object({
    groups: z
      .array(
        z.object({
          key: z.string().max(100),
          max: z.number().min(0).max(100),
          confirmed: z.boolean().optional(),
          criteria: z
            .array(
              z.object({
                key: z.string().max(100),
                weight: z.number().min(0).max(1000),
                confirmed: z.boolean().optional(),
              }),
            )
            .min(1)
            .max(20),
        }),
      )
      .min(1)
      .max(10),
  }),
});
export type SettingsIn = z.infer<typeof settingsIn>;
/** The body of a new version as a client sends it. */
export type SettingsInput = z.input<typeof settingsIn>;

export const settingsQuery = z.object({
  /** The day whose rules are "current" (default: today in Vietnam). */
  asOf: z.iso.date().optional(),
});

export const thresholdOut = z.object({
  key: z.enum(THRESHOLD_KEYS),
  direction: z.enum(['higher', 'lower']),
  green: z.number(),
  amber: z.number(),
  source: z.string().nullable(),
});
export type ThresholdRuleOut = z.infer<typeof thresholdOut>;

export const qd766ConfigOut = z.object({
  version: z.string(),
  validFrom: z.iso.date(),
  basis: z.string(),
  groups: z.array(
    z.object({
      key: z.enum(QD766_GROUPS),
      max: z.number(),
      confirmed: z.boolean(),
      criteria: z.array(
        z.object({
          key: z.string(),
          weight: z.number(),
          confirmed: z.boolean(),
          formulaConfirmed: z.boolean(),
          source: z.enum(['dossiers', 'external']),
        }),
      ),
    }),
  ),
});
/** The QĐ 766 structure of a version: group maxima, criterion weights, whether each is confirmed. */
export type Qd766ConfigOut = z.infer<typeof qd766ConfigOut>;
export type Qd766GroupOut = Qd766ConfigOut['groups'][number];
export type Qd766CriterionOut = Qd766GroupOut['criteria'][number];

export const settingsVersionOut = z
  .object({
    /** Null for the code's defaults (version 0). */
    id: z.uuid().nullable(),
    version: z.number().int(),
    effectiveFrom: z.iso.date(),
    isDefault: z.boolean(),
    thresholds: z.array(thresholdOut),
    qd766: qd766ConfigOut,
    note: z.string().nullable(),
    legalBasis: z.string().nullable(),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DossierRulesVersion' });
export type SettingsVersionOut = z.infer<typeof settingsVersionOut>;

export const settingsOut = z.object({
  asOf: z.iso.date(),
  /** The rules in force on `asOf`. */
  current: settingsVersionOut,
  /** The highest stored version number (0: none yet); send it back with a new version. */
  latestVersion: z.number().int(),
  /** Stored versions, newest first. */
  history: z.array(settingsVersionOut),
  /** The code's defaults (in force where no stored version is). */
  defaults: settingsVersionOut,
  /**
   * Every criterion chidao can score, with the group it belongs to: the editor offers those a group does not
   * hold yet; `shipped` ones (in the defaults) cannot be dropped, the others (added by a version) can.
   */
  criteria: z.array(
    z.object({
      key: z.enum(QD766_CRITERIA),
      group: z.enum(QD766_GROUPS),
      source: z.enum(['dossiers', 'external']),
      formulaConfirmed: z.boolean(),
      shipped: z.boolean(),
    }),
  ),
  abilities: z.object({ create: z.boolean() }),
});
export type SettingsOut = z.infer<typeof settingsOut>;
