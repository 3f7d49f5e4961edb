import type { Actor } from '../access/actor.js';
import { loadedModules } from '../../core/module.js';
import type { SectionId } from './auth.schemas.js';

/**
 * The sections of the web UI a user sees, computed from their roles here so the web never repeats a rule.
 * Each module declares its sections with their roles (`sections` in `<name>.module.ts`); a page inside a
 * section has the id `<section>.<page>` and the web lists it under its section; its roles are those of the
 * API it uses.
 */
export function navigationFor(actor: Actor): SectionId[] {
  return loadedModules()
    .flatMap((m) => m.sections ?? [])
    .toSorted((a, b) => a.order - b.order)
    .filter((s) => s.roles === 'all' || actor.hasRole(...s.roles))
    .map((s) => s.id);
}
