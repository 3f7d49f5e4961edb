import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { seedDataFolder } from '../../paths.js';

/**
 * The shipped data set of Vietnamese administrative units around the 2025 reorganisation
 * (`server/data/vn-admin-units/admin-units-2025.json.gz`, written by `scripts/compact-admin-units.mjs`; MIT,
 * see the LICENSE beside it). Tuples keep the file small; the layout is described in that script.
 */
export const GSO_DATA_FILE = path.join(seedDataFolder, 'vn-admin-units/admin-units-2025.json.gz');

const code = z.string().regex(/^\d{2,5}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** [code, name, fullName, type] */
const unitTuple = z.tuple([code, z.string().min(1), z.string().min(1), z.string().min(1)]);

export const gsoDataSchema = z.object({
  format: z.literal('chidao-admin-units/1'),
  source: z.string(),
  old: z.object({
    validUntil: date,
    basis: z.string(),
    /** [code, name, fullName, type, districts: [code, name, fullName, type, communes: unit[]][]] */
    provinces: z.array(
      z.tuple([
        code,
        z.string(),
        z.string(),
        z.string(),
        z.array(z.tuple([code, z.string(), z.string(), z.string(), z.array(unitTuple)])),
      ]),
    ),
  }),
  new: z.object({
    validFrom: date,
    /** Date of the snapshot the list was taken from (later than validFrom; the list is read as of validFrom). */
    snapshot: date,
    basis: z.string(),
    /** [code, name, fullName, type, communes: unit[]] */
    provinces: z.array(z.tuple([code, z.string(), z.string(), z.string(), z.array(unitTuple)])),
  }),
  provinceMerges: z.object({
    effective: date,
    basis: z.string(),
    /** [newCode, oldCodes] */
    provinces: z.array(z.tuple([code, z.array(code).min(1)])),
  }),
  communeLineage: z.object({
    effective: date,
    basis: z.string(),
    source: z.string(),
    /** [newCode, source line, predecessors: [oldCode | null, fullName as listed, note | null][]] */
    communes: z.array(
      z.tuple([
        code,
        z.string(),
        z.array(z.tuple([code.nullable(), z.string(), z.string().nullable()])).min(1),
      ]),
    ),
  }),
});

export type GsoData = z.infer<typeof gsoDataSchema>;

/** Parses and validates the compact data (gzipped or plain JSON bytes). */
export function parseGsoData(bytes: Buffer): GsoData {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
  return gsoDataSchema.parse(JSON.parse(text));
}

let cached: GsoData | undefined;

/** The shipped data, read, validated and cached on first use (synchronous: about 0.3 MB gzipped). */
export function loadGsoData(file: string = GSO_DATA_FILE): GsoData {
  if (file !== GSO_DATA_FILE) return parseGsoData(fs.readFileSync(file));
  cached ??= parseGsoData(fs.readFileSync(file));
  return cached;
}
