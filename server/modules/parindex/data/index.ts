/**
 * The criteria frameworks chidao ships (bộ tiêu chí mẫu), one JSON file per set in this folder (see ./README.md for
 * the sources and what is confirmed). A province never scores against these directly: creating a framework
 * "from a shipped set" copies one into the province's own first version (../frameworks.service.ts), which it then
 * edits, versions, exports and imports as a workbook.
 *
 * The files are read at run time from the package root (../../../paths.ts), as the other shipped data is
 * (server/data/…): `tsc` does not copy JSON to dist/, and the package carries server/ with it, so the same path
 * works from `server/` under tsx and from `dist/server/`. Each file holds the set's metadata and its tree; the
 * loader checks the key, the unit group and the presence of the parts, and throws on a malformed file (a bug
 * in the shipped data, caught by ./data.test.ts before it ships).
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../paths.js';
import type { FrameworkTree, GradeBand, Text } from '../rules/framework-types.js';

export const SHIPPED_FRAMEWORKS_FOLDER = path.join(packageRoot, 'server/modules/parindex/data');

export const SHIPPED_FRAMEWORK_KEYS = ['department-nghean', 'commune-nghean'] as const;
export type ShippedFrameworkKey = (typeof SHIPPED_FRAMEWORK_KEYS)[number];

export type ShippedFramework = {
  key: ShippedFrameworkKey;
  /** The unit group it scores (`par_frameworks.unit_group`). */
  unitGroup: 'department' | 'commune';
  /** The first year it applies to (QĐ 3323/QĐ-UBND: the 2023 assessment of departments). */
  firstYear: number;
  title: Text;
  /** The legal basis, and what in the set is this installation's assumption rather than the issued text's. */
  legalBasis: string;
  tree: FrameworkTree;
  gradeBands: GradeBand[];
  /** Without survey results, the other points are rescaled to the maximum (../rules/scoring.ts). */
  rescaleWithoutSurvey: boolean;
};

const GROUP_OF: Readonly<Record<ShippedFrameworkKey, ShippedFramework['unitGroup']>> = {
  'department-nghean': 'department',
  'commune-nghean': 'commune',
};

const isText = (v: unknown): v is Text =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Text).vi === 'string' &&
  typeof (v as Text).en === 'string';

/** Reads and shape-checks one shipped file (the tree's own checks are `checkFramework`, run by the tests). */
export function loadShippedFramework(key: ShippedFrameworkKey): ShippedFramework {
  const file = path.join(SHIPPED_FRAMEWORKS_FOLDER, `${key}.json`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ShippedFramework>;
  const fail = (what: string): never => {
    throw new Error(`shipped PAR framework ${file}: ${what}`);
  };
  if (raw.key !== key) fail(`key is "${String(raw.key)}", expected "${key}"`);
  if (raw.unitGroup !== GROUP_OF[key])
    fail(`unitGroup is "${String(raw.unitGroup)}", expected "${GROUP_OF[key]}"`);
  if (!Number.isInteger(raw.firstYear)) fail('firstYear is not a year');
  if (!isText(raw.title)) fail('title needs vi and en');
  if (typeof raw.legalBasis !== 'string' || !raw.legalBasis.trim()) fail('legalBasis is empty');
  if (typeof raw.rescaleWithoutSurvey !== 'boolean') fail('rescaleWithoutSurvey is not a boolean');
  if (!Array.isArray(raw.gradeBands)) fail('gradeBands is not a list');
  const tree = raw.tree;
  if (typeof tree !== 'object' || tree === null || !Array.isArray(tree.fields))
    fail('tree.fields is not a list');
  return {
    key,
    unitGroup: GROUP_OF[key],
    firstYear: raw.firstYear!,
    title: raw.title!,
    legalBasis: raw.legalBasis!,
    tree: raw.tree!,
    gradeBands: raw.gradeBands!,
    rescaleWithoutSurvey: raw.rescaleWithoutSurvey!,
  };
}

/** The shipped sets, in the order they are offered: departments, then communes. */
export const SHIPPED_FRAMEWORKS: ShippedFramework[] = SHIPPED_FRAMEWORK_KEYS.map(loadShippedFramework);

/** One shipped set by key; undefined for an unknown key. */
export function shippedFramework(key: string): ShippedFramework | undefined {
  return SHIPPED_FRAMEWORKS.find((s) => s.key === key);
}
