/**
 * Values built from a route's own request schemas (Zod → JSON Schema): a valid sample to start from, and
 * the hostile variants the fuzz test and the unit-scope test send — wrong types, huge strings, control
 * characters, invalid UTF-8, out-of-range numbers, impossible dates, unknown ids. Deterministic for a seed.
 */
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: Json;
};

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** A Zod schema as JSON Schema, in its input form (what a client sends); null when there is none. */
export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  const root = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  return inlineRefs(root, root.$defs ?? {}, 0) as JsonSchema;
}

/** Replaces `{ $ref: '#/$defs/X' }` by the definition (schemas given an id with `.meta({ id })`). */
function inlineRefs(node: unknown, defs: Record<string, JsonSchema>, depth: number): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, defs, depth));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as { $ref?: string }).$ref;
  if (ref?.startsWith('#/$defs/') && depth < 20) return inlineRefs(defs[ref.slice(8)] ?? {}, defs, depth + 1);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(v, defs, depth)]));
}

/**
 * Ids to put in id-looking fields, by field name: `unitId`/`…UnitId` get a unit, other uuids one of the
 * known record ids (or a fresh unknown one).
 */
export type Hints = {
  unitId?: string;
  ids?: readonly string[];
  /** Field-name overrides (exact name → value). */
  fields?: Record<string, Json>;
};

const DATE = '2026-06-15';
const DATETIME = '2026-06-15T08:00:00.000Z';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000f022';

function typesOf(s: JsonSchema): string[] {
  if (s.type) return [s.type].flat();
  if (s.properties || s.additionalProperties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

/** A string meeting the schema's format, pattern and length (best effort; the caller validates with Zod). */
function sampleString(s: JsonSchema, name: string, hints: Hints, r: Rng): string {
  if (s.format === 'uuid' || /(^id$|Id$)/.test(name)) {
    if (/unitId$/i.test(name) && hints.unitId) return hints.unitId;
    if (s.format === 'uuid') return hints.ids?.length ? r.pick(hints.ids) : UNKNOWN_ID;
  }
  if (s.format === 'date') return DATE;
  if (s.format === 'date-time') return DATETIME;
  if (s.format === 'email' || /email/i.test(name)) return 'fuzz.nguoidung@example.vn';
  if (s.format === 'uri' || s.format === 'url') return 'https://example.vn/a';
  if (s.pattern) {
    const fromPattern = PATTERN_SAMPLES.find((c) => safeTest(s.pattern!, c));
    if (fromPattern) return fromPattern;
  }
  const base = /code/i.test(name) ? '40' : 'Rà soát thủ tục hành chính';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  let value = base.length >= min ? base : base.padEnd(min, 'a');
  if (value.length > max) value = value.slice(0, Math.max(max, min));
  return value;
}

/** Candidates tried against a schema's pattern (dates, years, codes, tokens, periods…). */
const PATTERN_SAMPLES = [
  DATE,
  '2026',
  '40',
  '2026-Q2',
  '2026-06',
  '2026-H1',
  'plan_task',
  '08:00',
  'abc',
  'a',
  '#1c7ed6',
  'vi',
  '0912345678',
  'ABC-123',
  '1.001234',
];

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

/** A value valid for the schema as far as JSON Schema says (optional properties included when `full`). */
export function sample(s: JsonSchema, hints: Hints, r: Rng, name = '', full = true, depth = 0): Json {
  if (depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return r.pick(s.enum);
  if (hints.fields && name in hints.fields) return hints.fields[name]!;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) {
    const nonNull = alternatives.filter((a) => !typesOf(a).includes('null'));
    return sample(r.pick(nonNull.length ? nonNull : alternatives), hints, r, name, full, depth + 1);
  }
  if (s.allOf?.length) {
    const merged = s.allOf.reduce<JsonSchema>(
      (acc, part) => ({
        ...acc,
        ...part,
        properties: { ...acc.properties, ...part.properties },
        required: [...(acc.required ?? []), ...(part.required ?? [])],
      }),
      {},
    );
    return sample(merged, hints, r, name, full, depth + 1);
  }
  const types = typesOf(s).filter((t) => t !== 'null');
  const type = types[0];
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (!full && !s.required?.includes(key)) continue;
        out[key] = sample(prop, hints, r, key, full, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p) => sample(p, hints, r, name, full, depth + 1));
      const n = Math.max(s.minItems ?? 0, s.maxItems === 0 ? 0 : 1);
      return Array.from({ length: n }, () => sample(s.items ?? {}, hints, r, name, full, depth + 1));
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
      if (/year/i.test(name) && (lo ?? 2000) <= 2026 && (hi ?? 2100) >= 2026) return 2026;
      if (/version/i.test(name)) return 1;
      if (lo !== undefined && hi !== undefined) return Math.floor((lo + hi) / 2);
      if (lo !== undefined) return lo;
      if (hi !== undefined) return Math.min(hi, 1);
      return 1;
    }
    case 'boolean':
      return true;
    case 'string':
      return sampleString(s, name, hints, r);
    default:
      return 'x';
  }
}

/**
 * A sample the Zod schema accepts: tries the full and the minimal form with a few random choices among
 * alternatives; null when none passes (the fuzz still sends its variants).
 */
export function validSample(
  zodSchema: unknown,
  hints: Hints,
  r: Rng,
): { value: Json; valid: boolean } | null {
  const js = jsonSchemaOf(zodSchema);
  if (!js) return null;
  const parse = (v: Json) => (zodSchema as z.ZodType).safeParse(v).success;
  let first: Json | undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const value = sample(js, hints, r, '', attempt % 2 === 0);
    first ??= value;
    if (parse(value)) return { value, valid: true };
  }
  return { value: first ?? null, valid: false };
}

/** Hostile replacements for one value of a given schema. */
export function hostileValues(s: JsonSchema, r: Rng): Json[] {
  const types = typesOf(s);
  const common: Json[] = [
    null,
    true,
    -1,
    [],
    {},
    '',
    'a\u0000b',
    '\u001b[31m\u0007',
    '\u202Efdp.exe',
    '\ud800',
    '😀'.repeat(50),
    "'; DROP TABLE units; --",
    '../../etc/passwd',
    'x'.repeat(r.pick([300, 5_000, 200_000])),
  ];
  const numbers: Json[] = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, '1e400', 'NaN'];
  const dates: Json[] = [
    '2026-02-30',
    '9999-12-31',
    '0001-01-01',
    '2026-13-01',
    '20260101',
    '2026-06-15T25:61:00Z',
    '-002026-06-15',
    '1900-01-01',
  ];
  const ids: Json[] = [
    '00000000-0000-4000-8000-000000000000',
    'not-a-uuid',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '1',
    '%',
  ];
  const out = [...common];
  if (types.includes('integer') || types.includes('number')) out.push(...numbers);
  if (s.format === 'date' || s.format === 'date-time') out.push(...dates);
  if (s.format === 'uuid') out.push(...ids);
  if (types.includes('array')) out.push(Array.from({ length: 10_000 }, () => 'x'));
  if (types.includes('object')) out.push(deep(2_000));
  return out;
}

/** An object nested n levels deep. */
export function deep(n: number): Json {
  let v: Json = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** The leaf paths of a sample (object keys and array positions) with the sub-schema found at each. */
export function pathsOf(
  s: JsonSchema,
  value: Json,
  at: (string | number)[] = [],
): { path: (string | number)[]; schema: JsonSchema }[] {
  const out = [{ path: at, schema: s }];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const objectish = alternatives.find((a) => a.properties) ?? alternatives[0];
    if (objectish && objectish !== s) return [...out, ...pathsOf(objectish, value, at).slice(1)];
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && s.properties) {
    for (const [key, prop] of Object.entries(s.properties)) {
      if (key in value) out.push(...pathsOf(prop, value[key]!, [...at, key]));
    }
  }
  if (Array.isArray(value) && value.length && s.items) out.push(...pathsOf(s.items, value[0]!, [...at, 0]));
  return out;
}

/** A copy of `value` with the thing at `path` replaced (or removed when `replacement` is undefined). */
export function replaceAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (!path.length) return replacement ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number]!, rest, replacement);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, Json> = { ...value };
    if (rest.length === 0 && replacement === undefined) delete copy[head as string];
    else copy[head as string] = replaceAt(copy[head as string] ?? null, rest, replacement);
    return copy;
  }
  return value;
}

/** JSON text with a string's first character replaced by bytes that are not UTF-8 (C3 28, lone FF). */
export function invalidUtf8Json(value: Json): Buffer {
  const text = JSON.stringify(value);
  const at = text.indexOf('"', 1);
  const bad = Buffer.from([0xc3, 0x28, 0xff]);
  if (at < 0) return Buffer.concat([Buffer.from('{"a":"'), bad, Buffer.from('"}')]);
  return Buffer.concat([Buffer.from(text.slice(0, at + 1)), bad, Buffer.from(text.slice(at + 1))]);
}
