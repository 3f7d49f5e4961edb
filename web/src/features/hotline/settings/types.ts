/**
 * The hotline settings' shapes: the server's own (type-only imports of its Zod schemas, erased from the
 * bundle), so the page and `GET /api/hotline/settings` cannot drift.
 */
import type { z } from 'zod';
import type {
  CategoryOut,
  categoryCreateIn,
  categoryUpdateIn,
  routeCreateIn,
  ruleVersionIn,
  ruleVersionOut,
  settingsOut,
} from '../../../../../server/modules/hotline/hotline.schemas';

export type Settings = z.infer<typeof settingsOut>;
export type Category = CategoryOut;
export type Route = Settings['routes'][number];
export type RuleVersion = Settings['rules']['versions'][number];
export type SlaRules = RuleVersion['rules'];
export type CategoryCreate = z.input<typeof categoryCreateIn>;
export type CategoryUpdate = z.input<typeof categoryUpdateIn>;
export type RouteCreate = z.input<typeof routeCreateIn>;
export type RuleVersionCreate = z.input<typeof ruleVersionIn>;
export type RuleVersionCreated = z.infer<typeof ruleVersionOut>;
