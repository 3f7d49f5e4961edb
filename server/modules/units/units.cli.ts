import { parseArgs } from 'node:util';
import type { RequestContext } from '../../core/context.js';
import { importGso } from './gso-import.service.js';
import { DEPARTMENTS_HELP, importDepartmentsCommand } from './departments.cli.js';
import { findByCode, unitTimeline, unitsAsOf, type UnitAsOf } from './lineage.service.js';
import { UNIT_KINDS } from './units.service.js';
import { todayInVietnam } from '../../core/dates.js';

const today = () => todayInVietnam();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const UNITS_HELP = `  chidao units list --as-of YYYY-MM-DD [--within CODE] [--kind KIND] [--json]
                                      units in force that day (codes are reused over time: every lookup takes a date)
  chidao units lineage CODE [--as-of YYYY-MM-DD] [--json]
                                      a unit's predecessors and successors, with event, date and legal basis
  chidao units import-gso [--province CODE]
                                      import the GSO units 2017 → 2025 → after 1/7/2025 with their lineage (idempotent;
                                      upgrades a database that holds the 2025-only import)
${DEPARTMENTS_HELP}`;

function fail(message: string): number {
  console.error(message);
  return 64;
}

/** `chidao units …`. Returns the exit code. */
export async function unitsCommand(args: string[], ctx: RequestContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import-departments') return importDepartmentsCommand(rest, ctx);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      within: { type: 'string' },
      kind: { type: 'string' },
      province: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const date = values['as-of'] ?? today();
  if (!DATE.test(date)) return fail(`--as-of must be YYYY-MM-DD (got ${date}).`);

  if (sub === 'list') {
    if (values.kind && !(UNIT_KINDS as readonly string[]).includes(values.kind)) {
      return fail(`--kind must be one of ${UNIT_KINDS.join(', ')}.`);
    }
    let withinId: string | undefined;
    if (values.within) {
      const root = await findByCode(ctx.db, values.within, date);
      if (!root) return fail(`No unit with code ${values.within} on ${date}.`);
      withinId = root.id;
    }
    const found = await unitsAsOf(ctx.db, { date, kind: values.kind, withinId });
    const everything = new Map((await unitsAsOf(ctx.db, { date })).map((u) => [u.id, u]));
    const out = found.map((u) => ({
      code: u.code,
      name: u.name,
      fullName: u.fullName,
      kind: u.kind,
      parentCode: u.parentId ? (everything.get(u.parentId)?.code ?? null) : null,
      validFrom: u.validFrom,
      validTo: u.validTo,
      /** Founding date unknown: attested since this date (validFrom is then the open start). */
      knownSince: u.knownSince ?? null,
    }));
    if (values.json) console.log(JSON.stringify(out, null, 2));
    else {
      for (const u of out)
        console.log(`${u.code.padEnd(14)} ${u.kind.padEnd(12)} ${u.fullName.padEnd(40)} ${period(u)}`);
      console.log(`${out.length} units in force on ${date}.`);
    }
    return 0;
  }

  if (sub === 'lineage') {
    const code = positionals[0];
    if (!code) return fail('units lineage needs a CODE.');
    const unit = await findByCode(ctx.db, code, date);
    if (!unit) return fail(`No unit with code ${code} on ${date}.`);
    const t = await unitTimeline(ctx, unit.id);
    const link = (l: (typeof t.predecessors)[number]) => ({
      event: l.kind,
      date: l.effectiveDate,
      /** Known only within a window: its first day (date is the last). */
      earliestDate: l.earliestDate,
      legalBasis: l.legalBasisText,
      weight: l.weight,
      unit: {
        code: l.unit.code,
        fullName: l.unit.fullName,
        kind: l.unit.kind,
        validFrom: l.unit.validFrom,
        validTo: l.unit.validTo,
      },
    });
    const out = {
      unit: present(unit),
      predecessors: t.predecessors.map(link),
      successors: t.successors.map(link),
    };
    if (values.json) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(`${unit.fullName} (${unit.code}), ${period(unit)}`);
      for (const p of out.predecessors)
        console.log(
          `  ← ${p.event} ${when(p)}: ${p.unit.fullName} (${p.unit.code})  [${p.legalBasis ?? ''}]`,
        );
      for (const s of out.successors)
        console.log(
          `  → ${s.event} ${when(s)}: ${s.unit.fullName} (${s.unit.code})  [${s.legalBasis ?? ''}]`,
        );
    }
    return 0;
  }

  if (sub === 'import-gso') {
    const result = await importGso(ctx, values.province ? { province: values.province } : {});
    console.log(JSON.stringify(result));
    return 0;
  }

  return fail(`Unknown units command.\n${UNITS_HELP}`);
}

/** "2008-04-04 – now", "before 2017-10-15 (founding date unknown) – 2024-11-30". */
const period = (u: { validFrom: string; validTo: string | null; knownSince?: string | null | undefined }) =>
  `${u.knownSince ? `before ${u.knownSince} (founding date unknown)` : u.validFrom} – ${u.validTo ?? 'now'}`;

/** An event's date, or its window when the exact day is unknown. */
const when = (l: { date: string; earliestDate: string | null }) =>
  l.earliestDate ? `between ${l.earliestDate} and ${l.date}` : l.date;

const present = (u: UnitAsOf) => ({
  code: u.code,
  name: u.name,
  fullName: u.fullName,
  kind: u.kind,
  validFrom: u.validFrom,
  validTo: u.validTo,
  knownSince: u.knownSince ?? null,
});
