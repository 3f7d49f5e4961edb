/**
 * Online public-service levels of a procedure and its publication — pure rules, versioned as data.
 *
 * - **Levels** (Nghị định 42/2022/NĐ-CP, Điều 11): a procedure is offered as a *dịch vụ công trực tuyến
 *   toàn trình* (`full`: the whole procedure, result included, online), *một phần* (`partial`: only some
 *   steps online; the dossier or the result still goes through the office), or not as an online public
 *   service (`none`: at most information and forms online).
 * - **Legacy levels** (Nghị định 43/2011/NĐ-CP, Điều 3, levels 1–4, replaced by NĐ 42/2022): older
 *   catalogues and one-stop exports still say "mức độ 2/3/4". The mapping NĐ 42/2022 uses for the transition:
 *   level 4 → toàn trình, level 3 → một phần, levels 1–2 (information and downloadable forms) → not an
 *   online public service. The mapping is the data of `ONLINE_LEVEL_RULES` (a version with its basis), so
 *   a later reading replaces it without touching the code.
 * - **Published** (công khai): the procedure is publicly posted on the national public-service portal and
 *   the province's portal (Nghị định 63/2010/NĐ-CP, Điều 13, amended by NĐ 92/2017/NĐ-CP; QĐ 766/QĐ-TTg
 *   group 1 "Công khai, minh bạch"). `null` = not recorded: an old catalogue says nothing, and an unknown
 *   is never counted as published or as not published.
 */
import { foldText } from '../../core/fold.js';

export const ONLINE_LEVELS = ['none', 'partial', 'full'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** How the legacy levels and the words of catalogues map onto the levels of NĐ 42/2022 (versioned). */
export type OnlineLevelRules = {
  version: string;
  validFrom: string;
  basis: string;
  /** Legacy level (NĐ 43/2011) → level. */
  legacy: Record<1 | 2 | 3 | 4, OnlineLevel>;
};

export const ONLINE_LEVEL_RULES: OnlineLevelRules = {
  version: 'online-levels-2022-1',
  validFrom: '2022-08-01',
  basis:
    'Nghị định 42/2022/NĐ-CP ngày 24/6/2022 (Điều 11: dịch vụ công trực tuyến toàn trình, một phần); mức độ 1–4 của Nghị định 43/2011/NĐ-CP',
  legacy: { 1: 'none', 2: 'none', 3: 'partial', 4: 'full' },
};

/** Lower case, no tone marks (đ → d), single spaces. */
const fold = foldText;

const WORDS: Record<string, OnlineLevel> = {
  'toan trinh': 'full',
  'dich vu cong truc tuyen toan trinh': 'full',
  'dvc truc tuyen toan trinh': 'full',
  dvctt_toan_trinh: 'full',
  full: 'full',
  'mot phan': 'partial',
  'dich vu cong truc tuyen mot phan': 'partial',
  'dvc truc tuyen mot phan': 'partial',
  partial: 'partial',
  khong: 'none',
  'truc tiep': 'none',
  'khong cung cap truc tuyen': 'none',
  'chua cung cap': 'none',
  none: 'none',
};

/**
 * A level as a catalogue or an export writes it → the level: the words of NĐ 42/2022 ("Toàn trình",
 * "Một phần", "DVC trực tuyến toàn trình"…), the codes `full`/`partial`/`none`, or a legacy level
 * ("4", "Mức độ 3", "mức 2") mapped by `rules.legacy`. Null when the text says nothing it knows.
 */
export function parseOnlineLevel(
  text: string | null | undefined,
  rules: OnlineLevelRules = ONLINE_LEVEL_RULES,
): OnlineLevel | null {
  const t = fold(text ?? '');
  if (!t) return null;
  if (WORDS[t]) return WORDS[t];
  const legacy = /^(?:muc(?: do)?\s*)?([1-4])$/.exec(t);
  if (legacy) return rules.legacy[Number(legacy[1]) as 1 | 2 | 3 | 4];
  if (t.includes('toan trinh')) return 'full';
  if (t.includes('mot phan')) return 'partial';
  return null;
}

const YES = new Set(['co', 'x', '1', 'true', 'yes', 'da cong khai', 'cong khai']);
const NO = new Set(['khong', '0', 'false', 'no', 'chua cong khai', 'chua']);

/** "Có" / "x" / "Đã công khai" → true, "Không" / "Chưa công khai" → false, empty → null (not recorded). */
export function parsePublished(text: string | null | undefined): boolean | null | 'invalid' {
  const t = fold(text ?? '');
  if (!t) return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return 'invalid';
}

/** Per level: how many procedures, and of them how many published / not published / not recorded. */
export type CatalogueCount = {
  level: OnlineLevel;
  procedures: number;
  published: number;
  notPublished: number;
  unknown: number;
};

/** The catalogue counted by level and publication (every level listed, even with no procedure). */
export function countCatalogue(
  procedures: readonly { onlineCapability: string; published: boolean | null }[],
): CatalogueCount[] {
  const out = new Map<OnlineLevel, CatalogueCount>(
    ONLINE_LEVELS.map((level) => [
      level,
      { level, procedures: 0, published: 0, notPublished: 0, unknown: 0 },
    ]),
  );
  for (const p of procedures) {
    const c = out.get(p.onlineCapability as OnlineLevel);
    if (!c) continue;
    c.procedures += 1;
    if (p.published === true) c.published += 1;
    else if (p.published === false) c.notPublished += 1;
    else c.unknown += 1;
  }
  return [...out.values()];
}

/** The split of the online-submission rate: each level, and the online services together (một phần + toàn trình, the old "mức độ 3–4"). */
export const LEVEL_SPLITS = [...ONLINE_LEVELS, 'online'] as const;
export type LevelSplit = (typeof LEVEL_SPLITS)[number];

/** Dossiers received in a period (weighted share of a unit) for the procedures of one level. */
export type LevelFlow = {
  level: OnlineLevel;
  received: number;
  receivedOnline: number;
  procedureIds: readonly string[];
};

export type LevelRate = {
  level: LevelSplit;
  /** Procedures of this level that received dossiers in the scope and period. */
  proceduresWithDossiers: number;
  received: number;
  receivedOnline: number;
  /** received online ÷ received for the procedures of this level (null when nothing was received). */
  onlineRate: { numerator: number; denominator: number; value: number | null };
};

/**
 * The online-submission rate split by the level of the dossier's procedure: dossiers received online ÷
 * dossiers received, for the procedures of each level, and for the online services together (`online` =
 * partial + full: "tỷ lệ hồ sơ trực tuyến của DVC mức độ 3, 4" in older reports). The levels add up to the
 * overall rate's numerator and denominator. A procedure counted under several units is counted once.
 */
export function onlineRateByLevel(flows: readonly LevelFlow[]): LevelRate[] {
  const acc = new Map<LevelSplit, { received: number; receivedOnline: number; procedures: Set<string> }>(
    LEVEL_SPLITS.map((l) => [l, { received: 0, receivedOnline: 0, procedures: new Set<string>() }]),
  );
  for (const f of flows) {
    const targets: LevelSplit[] = f.level === 'none' ? ['none'] : [f.level, 'online'];
    for (const level of targets) {
      const a = acc.get(level)!;
      a.received += f.received;
      a.receivedOnline += f.receivedOnline;
      for (const id of f.procedureIds) a.procedures.add(id);
    }
  }
  return LEVEL_SPLITS.map((level) => {
    const a = acc.get(level)!;
    return {
      level,
      proceduresWithDossiers: a.procedures.size,
      received: a.received,
      receivedOnline: a.receivedOnline,
      onlineRate: {
        numerator: a.receivedOnline,
        denominator: a.received,
        value: a.received > 0 ? a.receivedOnline / a.received : null,
      },
    };
  });
}
