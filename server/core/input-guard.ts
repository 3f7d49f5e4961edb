import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { MessageKey } from './messages.js';

/**
 * One gate for every route, before its own validation (a `preValidation` hook in app.ts): request strings
 * that no field can use are refused as 400 VALIDATION_FAILED naming the field, instead of failing deep
 * down (PostgreSQL refuses NUL in text and JSON; the date arithmetic stops at the calendar's years).
 *
 * - Control characters: C0 (U+0000–U+001F) other than tab, line feed and carriage return, in any string
 *   value or key of the body, the query or the path parameters. Multi-line text keeps its tabs and line
 *   breaks; a field that must be one line says so in its own schema.
 * - Lone UTF-16 surrogates (`\ud800` in JSON): half a character, which UTF-8 cannot store; refused as the
 *   control characters are.
 * - Dates: a string that is a date (`YYYY-MM-DD`, or a date-time starting with one) must fall between
 *   1800-01-01 and 2199-12-31, the years the lunar and working-day calendar knows (the unit registry's
 *   "before the records begin", 1900-01-01, is inside); dates beyond them name no period, deadline or unit
 *   version (0001-01-01, 9999-12-31).
 */
export const DATE_RANGE = { from: '1800-01-01', to: '2199-12-31' } as const;

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const DATE_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

/** A UTF-16 surrogate without its pair: not a character, and not storable as UTF-8 (found by the fuzz test). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problem(value: string): MessageKey | null {
  if (FORBIDDEN_CONTROL.test(value)) return 'error.control_character';
  if (LONE_SURROGATE.test(value)) return 'error.control_character';
  const date = DATE_LIKE.exec(value);
  if (date) {
    const day = `${date[1]}-${date[2]}-${date[3]}`;
    if (day < DATE_RANGE.from || day > DATE_RANGE.to) return 'error.date_out_of_range';
  }
  return null;
}

const MAX_DEPTH = 64;

/** The first unusable string in a parsed JSON value (or query/params object): its field path and problem. */
export function findUnsafeString(
  value: unknown,
  path: string,
  depth = 0,
): { field: string; key: MessageKey } | null {
  if (typeof value === 'string') {
    const key = problem(value);
    return key ? { field: path, key } : null;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeString(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const field = path ? `${path}.${k}` : k;
    if (FORBIDDEN_CONTROL.test(k)) return { field: path || 'body', key: 'error.control_character' };
    const found = findUnsafeString(v, field, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The `preValidation` hook: path parameters, query and body, in that order. */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const found =
    findUnsafeString(request.params, '') ??
    findUnsafeString(request.query, '') ??
    findUnsafeString(request.body, typeof request.body === 'string' ? 'body' : '');
  if (!found) return;
  const field = found.field || 'body';
  throw new AppError(400, 'VALIDATION_FAILED', found.key, { field, ...DATE_RANGE }, [
    { field, message: found.key },
  ]);
}
