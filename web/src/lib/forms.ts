import { ApiError } from './api';

type FormLike = {
  setFieldError: (path: string, error: string) => void;
  getValues: () => object;
};

/**
 * Puts the server's per-field messages (`details[].message`) under the matching fields of a Mantine
 * form. Returns true when at least one field got a message (so the caller need not repeat them).
 */
export function applyServerErrors(form: FormLike, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const fields = new Set(Object.keys(form.getValues()));
  let placed = false;
  for (const d of error.details) {
    const field = d.field.split('.')[0] ?? d.field;
    if (fields.has(field)) {
      form.setFieldError(field, d.message);
      placed = true;
    }
  }
  return placed;
}

/** Trimmed text, or null when empty (for optional API fields). */
export function orNull(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
}
