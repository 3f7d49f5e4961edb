import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedDataFolder } from '../../paths.js';
import { dayBefore, endsPredecessors, overlaps, shapeProblem } from './lineage-rules.js';
import { UNIT_KINDS } from './units.schemas.js';

/**
 * The standard set of provincial departments and bodies, before and after the reorganisation of 1/3/2025
 * (Decree 24/2014/NĐ-CP as amended by 107/2020/NĐ-CP → Decree 45/2025/NĐ-CP), shipped as versioned data in
 * `server/data/departments/` (see the README there for the sources and the code scheme). Pure: loading,
 * checking and rendering the template for one province; the import itself is `departments.service.ts`.
 */
export const DEPARTMENTS_TEMPLATE_FILE = path.join(
  seedDataFolder,
  'departments/provincial-departments-2025.json',
);

/** The `lineage_events.source` of events written by the import. */
export const DEPARTMENTS_SOURCE = 'departments-2025';

/** A start in force "before the records begin" (the registry's convention, see units.schemas.ts). */
export const BEFORE_RECORDS = '1900-01-01';

const date = z.iso.date();
const key = z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/);

const templateUnit = z.object({
  key,
  /** Short name; `{cap}` is "tỉnh" or "thành phố", `{Short}` "Tỉnh" or "Thành" (Tỉnh ủy, Thành đoàn). */
  name: z.string().min(3),
  /** Full name; `{province}` is the province's name ("Nghệ An"). */
  fullName: z.string().min(3),
  kind: z.enum(UNIT_KINDS),
  /** null: in force before the records begin. */
  from: date.nullable(),
  /**
   * With an unknown founding date (`from` null): the date since which the unit is attested — the decree that
   * names it, or the template's own date. Stored as `units.known_since` beside the open start.
   */
  knownSince: date.nullable().default(null),
  /** null: still in force. */
  to: date.nullable(),
  /** Created only when asked for (`--with KEY`); matched whenever the province has it. */
  optional: z.boolean().default(false),
  /** An existing unit whose name starts with this one matches (names that add a place, "… Đông Nam Nghệ An"). */
  matchPrefix: z.boolean().default(false),
  aliases: z.array(z.string().min(3)).default([]),
  /** Keys of `sources`. */
  basis: z.array(z.string()).min(1),
  note: z.string().optional(),
});

const templateEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['merge', 'absorb', 'split']),
    date,
    from: z.array(key).min(1),
    to: z.array(key).min(1),
    basis: z.string(),
    note: z.string(),
  }),
  z.object({
    kind: z.literal('rename'),
    date,
    unit: key,
    to: z.object({ key, name: z.string().min(3), fullName: z.string().min(3) }),
    basis: z.string(),
    note: z.string(),
  }),
]);

export const departmentsTemplateSchema = z.object({
  format: z.literal('chidao-departments/1'),
  version: date,
  title: z.string(),
  sources: z.record(z.string(), z.string().min(10)),
  units: z.array(templateUnit).min(1),
  events: z.array(templateEvent),
});

export type DepartmentsTemplate = z.infer<typeof departmentsTemplateSchema>;
export type TemplateUnit = DepartmentsTemplate['units'][number];
export type TemplateEvent = DepartmentsTemplate['events'][number];

let cached: DepartmentsTemplate | undefined;

/** The shipped template, parsed and checked (a broken data file fails loudly, naming its problems). */
export function loadDepartmentsTemplate(): DepartmentsTemplate {
  if (cached) return cached;
  const parsed = departmentsTemplateSchema.parse(
    JSON.parse(fs.readFileSync(DEPARTMENTS_TEMPLATE_FILE, 'utf8')),
  );
  const problems = templateProblems(parsed);
  if (problems.length) throw new Error(`${DEPARTMENTS_TEMPLATE_FILE}: ${problems.join('; ')}`);
  cached = parsed;
  return parsed;
}

/**
 * What is wrong with a template (empty when nothing): unknown keys and sources, an event whose shape does
 * not fit its kind, predecessors that do not end the day before the event or successors not in force on it,
 * units created by a merge that do not start on its date, and a code used twice at the same time.
 */
export function templateProblems(t: DepartmentsTemplate): string[] {
  const out: string[] = [];
  const units = new Map<string, TemplateUnit>();
  for (const u of t.units) {
    if (units.has(u.key)) out.push(`unit ${u.key} twice`);
    units.set(u.key, u);
    for (const b of u.basis) if (!(b in t.sources)) out.push(`unit ${u.key}: unknown source ${b}`);
    if (u.from && u.to && u.from > u.to) out.push(`unit ${u.key}: ends before it starts`);
    if ((u.from === null) !== (u.knownSince !== null))
      out.push(`unit ${u.key}: knownSince goes with an unknown start (from null), and only with it`);
  }
  // Codes (keys) in use over time: each unit's key, and a rename's new key from its date.
  const codeSpans: { key: string; unit: string; from: string; to: string | null }[] = t.units.map((u) => ({
    key: u.key,
    unit: u.key,
    from: u.from ?? BEFORE_RECORDS,
    to: u.to,
  }));
  const endedBy = new Map<string, TemplateEvent>();
  const createdBy = new Map<string, TemplateEvent>();
  for (const e of t.events) {
    if (!(e.basis in t.sources)) out.push(`event ${e.kind} ${e.date}: unknown source ${e.basis}`);
    if (!e.note.trim()) out.push(`event ${e.kind} ${e.date}: no note`);
    const lastDay = dayBefore(e.date);
    if (e.kind === 'rename') {
      const u = units.get(e.unit);
      if (!u) {
        out.push(`rename ${e.date}: unknown unit ${e.unit}`);
        continue;
      }
      if ((u.from ?? BEFORE_RECORDS) >= e.date || (u.to !== null && u.to < e.date))
        out.push(`rename ${e.unit}: not in force on ${e.date}`);
      const span = codeSpans.find((s) => s.unit === e.unit && s.key === e.unit)!;
      if (e.to.key !== e.unit) {
        span.to = lastDay;
        codeSpans.push({ key: e.to.key, unit: e.unit, from: e.date, to: u.to });
      }
      continue;
    }
    const shape = shapeProblem(e.kind, { from: e.from.length, to: e.to.length });
    if (shape) out.push(`${e.kind} ${e.date}: needs ${shape.en}`);
    for (const k of e.from) {
      const u = units.get(k);
      if (!u) out.push(`${e.kind} ${e.date}: unknown predecessor ${k}`);
      else if (endsPredecessors(e.kind) && u.to !== lastDay)
        out.push(`${e.kind} ${e.date}: predecessor ${k} must end on ${lastDay}`);
      if (endedBy.has(k)) out.push(`${k} ended by two events`);
      endedBy.set(k, e);
    }
    for (const k of e.to) {
      const u = units.get(k);
      if (!u) {
        out.push(`${e.kind} ${e.date}: unknown successor ${k}`);
        continue;
      }
      if ((u.from ?? BEFORE_RECORDS) > e.date || (u.to !== null && u.to < e.date))
        out.push(`${e.kind} ${e.date}: successor ${k} not in force on ${e.date}`);
      if (e.kind === 'merge' && u.from !== e.date)
        out.push(`merge ${e.date}: the new unit ${k} must start on ${e.date}`);
      if (u.from === e.date) createdBy.set(k, e);
      if (e.from.includes(k)) out.push(`${e.kind} ${e.date}: ${k} is its own successor`);
    }
  }
  for (const u of t.units) {
    if (u.to !== null && !endedBy.has(u.key)) out.push(`unit ${u.key} ends on ${u.to} without an event`);
    if (u.from !== null && !createdBy.has(u.key))
      out.push(`unit ${u.key} starts on ${u.from} without an event`);
    if (u.optional) continue;
    for (const e of t.events) {
      const involved = e.kind === 'rename' ? [e.unit] : [...e.from, ...e.to];
      if (involved.includes(u.key) && involved.some((k) => units.get(k)?.optional))
        out.push(`event ${e.kind} ${e.date} mixes standard unit ${u.key} with optional units`);
    }
  }
  for (let i = 0; i < codeSpans.length; i++)
    for (let j = i + 1; j < codeSpans.length; j++) {
      const a = codeSpans[i]!;
      const b = codeSpans[j]!;
      if (a.key === b.key && overlaps(a.from, a.to, b.from, b.to))
        out.push(`code ${a.key} used by ${a.unit} and ${b.unit} at the same time`);
    }
  return [...new Set(out)];
}

/** The province a template is rendered for. */
export type ProvinceFacts = { code: string; name: string; fullName: string };

/** "tỉnh" or "thành phố" (a centrally-governed city), read from the province's full name. */
export function provinceCap(p: ProvinceFacts): 'tỉnh' | 'thành phố' {
  return normaliseName(p.fullName).includes('thanh pho') ? 'thành phố' : 'tỉnh';
}

/** The province's own name without "Tỉnh", "Thành phố" or "UBND tỉnh" in front. */
export function provinceShortName(p: ProvinceFacts): string {
  return p.name.replace(/^(UBND\s+)?(tỉnh|thành phố)\s+/i, '').trim();
}

/** Fills `{cap}`, `{Short}` and `{province}` in a template name. */
export function fillName(text: string, p: ProvinceFacts): string {
  const cap = provinceCap(p);
  return text
    .replaceAll('{cap}', cap)
    .replaceAll('{Short}', cap === 'tỉnh' ? 'Tỉnh' : 'Thành')
    .replaceAll('{province}', provinceShortName(p))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A unit's code in a province: `<province code>-<key>`, e.g. `40-SNV` (unique per province, stable). */
export const departmentCode = (provinceCode: string, key: string) => `${provinceCode}-${key}`;

/**
 * A name for comparison: accents, case, punctuation and "&" vs "và" ignored, so "Sở LĐ-TB&XH" reads as
 * "so ld tb va xh" and "Văn hoá" equals "Văn hóa".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
