/**
 * The survey templates chidao ships (phiếu mẫu), one JSON file per template in this folder, each with the index
 * formulas that go with it (see ./README.md for the sources and what is unconfirmed):
 * - `sipas`: satisfaction with administrative services, the Ministry's SIPAS method (2640/QĐ-BNV: 5 elements,
 *   22 criteria, profile and expectations);
 * - `ddci-department`: businesses rating a department, the VCCI DDCI model's 5 sub-indices;
 * - `par-survey`: the sociological survey behind the PAR Index criteria scored from a survey (../../parindex/data:
 *   3.6.1, 3.6.2, 7.6.1, 7.6.2 for departments; 3.8.1, 3.8.2, 7.7.1, 7.7.2 for communes).
 * A province never runs a template directly: the survey module (to come) copies one into the province's own first
 * version, which it edits and versions.
 *
 * The files are read at run time from the package root, as parindex's shipped sets are: `tsc` does not copy JSON
 * to dist/, and the package carries server/ with it, so the same path works from `server/` under tsx and from
 * `dist/server/`. The loader checks the shape of each file and throws on a malformed one (a bug in the shipped
 * data, caught by ./data.test.ts, which also runs `checkDefinition` and `checkIndexConfig` on every template).
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../paths.js';
import type { SurveyDefinition } from '../rules/definition.js';
import type { IndexConfig } from '../rules/indices.js';
import type { Text } from '../rules/text.js';

export const SHIPPED_SURVEYS_FOLDER = path.join(packageRoot, 'server/modules/surveys/data');

export const SHIPPED_SURVEY_KEYS = ['sipas', 'ddci-department', 'par-survey'] as const;
export type ShippedSurveyKey = (typeof SHIPPED_SURVEY_KEYS)[number];

export const SURVEY_KINDS = ['satisfaction', 'business', 'par_index'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** A PAR Index criterion (of a shipped framework of ../../parindex/data) that an index of this survey scores. */
export type ParCriterionLink = {
  /** The shipped PAR framework's key ("department-nghean"). */
  framework: string;
  /** The criterion's code in it ("3.6.1"), of method `survey`. */
  criterion: string;
  /** The index config and index of this survey giving its share (points = share × the criterion's maximum). */
  config: string;
  index: string;
};

export type ShippedSurvey = {
  key: ShippedSurveyKey;
  version: number;
  kind: SurveyKind;
  title: Text;
  /** The legal or methodological basis, and what in the template is this installation's own wording. */
  legalBasis: string;
  /** false: the wording is "dựa theo" (based on) the source, not its confirmed text. */
  confirmed: boolean;
  definition: SurveyDefinition;
  indices: IndexConfig[];
  parCriteria?: ParCriterionLink[];
};

const KIND_OF: Readonly<Record<ShippedSurveyKey, SurveyKind>> = {
  sipas: 'satisfaction',
  'ddci-department': 'business',
  'par-survey': 'par_index',
};

const isText = (v: unknown): v is Text =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Text).vi === 'string' &&
  typeof (v as Text).en === 'string';

/** Reads and shape-checks one shipped template (its definition's own checks are `checkDefinition`, run by the tests). */
export function loadShippedSurvey(key: ShippedSurveyKey): ShippedSurvey {
  const file = path.join(SHIPPED_SURVEYS_FOLDER, `${key}.json`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ShippedSurvey>;
  const fail = (what: string): never => {
    throw new Error(`shipped survey ${file}: ${what}`);
  };
  if (raw.key !== key) fail(`key is "${String(raw.key)}", expected "${key}"`);
  if (raw.kind !== KIND_OF[key]) fail(`kind is "${String(raw.kind)}", expected "${KIND_OF[key]}"`);
  if (!Number.isInteger(raw.version) || raw.version! < 1) fail('version is not a whole number ≥ 1');
  if (!isText(raw.title)) fail('title needs vi and en');
  if (typeof raw.legalBasis !== 'string' || !raw.legalBasis.trim()) fail('legalBasis is empty');
  if (typeof raw.confirmed !== 'boolean') fail('confirmed is not a boolean');
  const def = raw.definition;
  if (typeof def !== 'object' || def === null || !Array.isArray(def.sections))
    fail('definition.sections is not a list');
  if (!Array.isArray(raw.indices) || raw.indices.length === 0) fail('indices is not a non-empty list');
  if (raw.parCriteria !== undefined && !Array.isArray(raw.parCriteria)) fail('parCriteria is not a list');
  const survey: ShippedSurvey = {
    key,
    version: raw.version!,
    kind: KIND_OF[key],
    title: raw.title!,
    legalBasis: raw.legalBasis!,
    confirmed: raw.confirmed!,
    definition: raw.definition!,
    indices: raw.indices!,
  };
  if (raw.parCriteria) survey.parCriteria = raw.parCriteria;
  return survey;
}

/** The shipped templates, in the order they are offered. */
export const SHIPPED_SURVEYS: ShippedSurvey[] = SHIPPED_SURVEY_KEYS.map(loadShippedSurvey);

/** One shipped template by key; undefined for an unknown key. */
export function shippedSurvey(key: string): ShippedSurvey | undefined {
  return SHIPPED_SURVEYS.find((s) => s.key === key);
}
