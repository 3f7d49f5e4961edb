/**
 * Rules kept as dated versions (rules are data: the hotline's deadlines, the inspections' numbers…), as their
 * settings pages show them: which state a version is in today, the order they are listed in, the version chidao
 * ships, and where the server's problems with a new version go on its form. Pure.
 */
import type { FieldError } from '../../lib/api';

/** The fields every rule version has, whatever its rules. */
export type DatedVersion = { id: string; validFrom: string; note: string; rules: { version: string } };

/** Where a version stands today: in force, not yet (a later date), or replaced by a later one. */
export type VersionState = 'in_force' | 'upcoming' | 'replaced';

export function versionState(
  v: Pick<DatedVersion, 'id' | 'validFrom'>,
  currentId: string,
  today: string,
): VersionState {
  if (v.id === currentId) return 'in_force';
  return v.validFrom > today ? 'upcoming' : 'replaced';
}

/** The versions, latest date first. */
export const byDateDesc = <V extends Pick<DatedVersion, 'validFrom'>>(versions: readonly V[]): V[] =>
  [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));

/** The rules chidao ships (written as the first version the first time they are needed): named as such. */
export const isShippedDefault = (v: Pick<DatedVersion, 'note' | 'rules'>) =>
  v.note === 'chidao' && v.rules.version.startsWith('chidao-');

/** The fields every version's form has; a page's draft adds its rules' own. */
export type VersionDraftHead = {
  validFrom: string | null;
  version: string;
  note: string;
  basis: { vi: string; en: string }[];
};

/** What to say under a field: a text of ours (key + values) or the server's own, already in the reader's language. */
export type FieldMessage = { key: string; values?: Record<string, number> } | { text: string };

/**
 * The server's answer to a new version (400 details) as messages on the form's fields. The server names a
 * problem two ways: the rules' own check (`RULES_INVALID`: `rules.<path>` with its message already in the
 * reader's words) and Zod's (`VALIDATION_FAILED`: `rules.<path>` of a value with the wrong shape, in English:
 * said by the page in the reader's words, `required` for the version's name, else `invalid`). `validFrom` and
 * `note` come translated from the server and are kept. `fieldOf` gives the form's field of a rules path (the
 * part after `rules.`), or null: what cannot be placed goes under `form`. The first problem of a field wins.
 */
export function placeProblems(
  details: readonly FieldError[],
  code: string,
  fieldOf: (path: string) => string | null,
): Map<string, FieldMessage> {
  const out = new Map<string, FieldMessage>();
  const put = (field: string, m: FieldMessage) => {
    if (!out.has(field)) out.set(field, m);
  };
  for (const d of details) {
    if (d.field === 'validFrom' || d.field === 'note') {
      put(d.field, { text: d.message });
      continue;
    }
    const path = d.field.replace(/^rules\.?/, '');
    const field = fieldOf(path);
    if (code === 'RULES_INVALID') {
      put(field ?? 'form', { text: d.message });
      continue;
    }
    put(field ?? 'form', field === 'version' ? { key: 'required' } : { key: 'invalid' });
  }
  return out;
}
