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

/**
 * The shipped history 2017 → 2025 (`server/data/vn-admin-units/admin-units-history.json.gz`, written by
 * `scripts/compact-admin-units-history.mjs`; MIT, see LICENSES.md beside it): the oldest GSO snapshot
 * (15/10/2017) whole and every change between consecutive snapshots up to 30/6/2025. Layout in that script.
 */
export const GSO_HISTORY_FILE = path.join(seedDataFolder, 'vn-admin-units/admin-units-history.json.gz');
/** Facts chidao adds where the change list gives only a window (exact date, legal basis), each with its source. */
export const GSO_SUPPLEMENT_FILE = path.join(seedDataFolder, 'vn-admin-units/history-supplement.json');

export const HISTORY_LEVELS = ['province', 'district', 'commune'] as const;
export const CHANGE_KINDS = ['disappeared', 'appeared', 'changed', 'recoded', 'recodedAway'] as const;

export const gsoHistorySchema = z.object({
  format: z.literal('chidao-admin-units-history/1'),
  source: z.string(),
  /** Data dates of the states; interval i runs from snapshots[i] to snapshots[i + 1]; the last is 2025-06-30. */
  snapshots: z.array(date).min(2),
  /** The oldest state: [code, name, fullName, type, districts: [code, name, fullName, type, communes: unit[]][]] */
  base: z.array(
    z.tuple([
      code,
      z.string(),
      z.string(),
      z.string(),
      z.array(z.tuple([code, z.string(), z.string(), z.string(), z.array(unitTuple)])),
    ]),
  ),
  /** [interval, level, kind, code, after, effectiveDate, windowAfter, windowOnOrBefore, legalBasis, links, probable] */
  changes: z.array(
    z.tuple([
      z.number().int().min(0),
      z.enum(HISTORY_LEVELS),
      z.enum(CHANGE_KINDS),
      code,
      z.tuple([z.string(), z.string(), z.string(), code.nullable()]).nullable(),
      date.nullable(),
      date,
      date,
      z.string().nullable(),
      z.array(z.union([code, z.tuple([code, z.number().int().nullable()])])).nullable(),
      z.array(code).nullable(),
    ]),
  ),
});
export type GsoHistoryData = z.infer<typeof gsoHistorySchema>;

export const gsoSupplementSchema = z.object({
  format: z.literal('chidao-admin-units-supplement/1'),
  description: z.string().optional(),
  facts: z.array(
    z.object({
      /** The old (pre-2025) province whose district and commune changes the fact dates. */
      province: code,
      interval: z.object({ after: date, onOrBefore: date }),
      effectiveDate: date,
      legalBasis: z.string().min(1),
      source: z.string().min(1),
    }),
  ),
});
export type GsoSupplement = z.infer<typeof gsoSupplementSchema>;

/** History and supplement together, as the planner takes them. */
export type GsoHistory = { data: GsoHistoryData; supplement: GsoSupplement };

let cachedHistory: GsoHistory | undefined;

/** The shipped history and supplement, read, validated and cached on first use (about 0.15 MB gzipped). */
export function loadGsoHistory(): GsoHistory {
  cachedHistory ??= {
    data: gsoHistorySchema.parse(
      JSON.parse(zlib.gunzipSync(fs.readFileSync(GSO_HISTORY_FILE)).toString('utf8')),
    ),
    supplement: gsoSupplementSchema.parse(JSON.parse(fs.readFileSync(GSO_SUPPLEMENT_FILE, 'utf8'))),
  };
  return cachedHistory;
}
