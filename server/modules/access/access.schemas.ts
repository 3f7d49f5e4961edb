/** The access module's contract: the roles that can be granted and an account's role grants. */
import { z } from 'zod';
import { LINEAGE_FOLLOW_MODES } from './lineage-follow.rules.js';
import { ROLES, type Role } from './roles.js';

export { ROLES, type Role };

export const rolesOut = z.object({ items: z.array(z.enum(ROLES)) });
export type RolesOut = z.infer<typeof rolesOut>;

/** One role over one unit and everything below it, optionally between dates. */
export const grantOut = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    role: z.enum(ROLES),
    unitId: z.uuid(),
    unitName: z.string(),
    validFrom: z.iso.datetime().nullable(),
    validTo: z.iso.datetime().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'Grant' });
export type GrantOut = z.infer<typeof grantOut>;

export const grantListOut = z.object({ items: z.array(grantOut) });
export type GrantListOut = z.infer<typeof grantListOut>;

export const userIdParams = z.object({ id: z.uuid() });
export const grantIdParams = z.object({ grantId: z.uuid() });

export const grantIn = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  validFrom: z.iso.datetime().or(z.iso.date()).nullish(),
  validTo: z.iso.datetime().or(z.iso.date()).nullish(),
  note: z.string().max(500).nullish(),
});
export type GrantIn = z.input<typeof grantIn>;

/** Access follows lineage (`lineage-follow.rules.ts`): the rule in force and its change. */
export const lineageRuleOut = z
  .object({
    mode: z.enum(LINEAGE_FOLLOW_MODES),
    legalBasis: z.string(),
    version: z.number().int(),
    isDefault: z.boolean(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'LineageFollowRule' });
export type LineageRuleOut = z.infer<typeof lineageRuleOut>;

export const lineageRuleIn = z.object({
  mode: z.enum(LINEAGE_FOLLOW_MODES),
  legalBasis: z.string().trim().min(1).max(2000),
  version: z.number().int().min(0),
});
