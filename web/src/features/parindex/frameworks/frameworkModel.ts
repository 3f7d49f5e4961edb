/**
 * The framework editor's model: pure, tested in ./frameworkModel.test.ts.
 *
 * The tree is edited as a draft where every row has a handle (`uid`) that survives renumbering and moves, numbers
 * are what the inputs hold (`''` while empty) and rates are percents (0–100, as people read them; the server keeps
 * 0–1). The reducer changes one row at a time and keeps every other row the same object, so that a memoised row
 * re-renders only when it changed (an editor of ~150 rows stays responsive while typing). The server's problems are
 * placed on the rows by the code (or the path) they name.
 */
import type {
  Adjustment,
  ComputeSource,
  Criterion,
  Field,
  Formula,
  Framework,
  FrameworkUpdate,
  GradeBand,
  Method,
  ScoredItem,
  Tree,
  WhenNoData,
} from './api';

/** What a number input holds: a number, `''` when empty, or the text being typed ("1," before "1,5"). */
export type Num = number | string;
export type TextDraft = { vi: string; en: string };
export type BandDraft = { uid: string; min: Num; share: Num };
/** Every formula's parameters are kept, so that switching its type back loses nothing. */
export type FormulaDraft = { type: Formula['type']; from: Num; min: Num; bands: BandDraft[] };

/** A scored item (a sub-criterion, or the scoring of a criterion without any). */
export type ItemDraft = {
  uid: string;
  code: string;
  name: TextDraft;
  maxPoints: Num;
  method: Method;
  source: ComputeSource | null;
  formula: FormulaDraft;
  whenNoData: WhenNoData | null;
  guidance: TextDraft;
  evidence: TextDraft;
  step: Num;
  confirmed: boolean;
};
export type CriterionDraft = ItemDraft & { subs: ItemDraft[] };
export type FieldDraft = {
  uid: string;
  code: string;
  name: TextDraft;
  maxPoints: Num;
  criteria: CriterionDraft[];
};
export type AdjustmentKind = 'bonus' | 'penalty';
export type AdjustmentDraft = {
  uid: string;
  code: string;
  name: TextDraft;
  cap: Num;
  guidance: TextDraft;
  evidence: TextDraft;
  step: Num;
};
export type GradeDraft = { uid: string; code: string; name: TextDraft; minPercent: Num };

export type Meta = {
  title: string;
  titleEn: string;
  legalBasis: string;
  documentId: string | null;
  note: string;
  rescaleWithoutSurvey: boolean;
  bonusCap: Num;
  penaltyCap: Num;
};

export type Draft = {
  meta: Meta;
  fields: FieldDraft[];
  bonus: AdjustmentDraft[];
  penalty: AdjustmentDraft[];
  grades: GradeDraft[];
  /** Codes follow the rows' order after every add, removal and move. */
  autoNumber: boolean;
};

/** The server's problems by row handle (or a place of the form: `meta.title`, `general`…). */
export type Problems = ReadonlyMap<string, readonly string[]>;
export type EditorState = { draft: Draft; problems: Problems; dirty: boolean };

let counter = 0;
export const newUid = () => `r${++counter}`;

const text = (t: { vi?: string; en?: string } | undefined): TextDraft => ({
  vi: t?.vi ?? '',
  en: t?.en ?? '',
});
const num = (v: number | undefined | null): Num => (typeof v === 'number' && Number.isFinite(v) ? v : '');
/** A rate (0–1) as a percent, without the float noise of `0.57 * 100`. */
export const toPercent = (rate: number | undefined): Num =>
  typeof rate === 'number' && Number.isFinite(rate) ? Math.round(rate * 1e6) / 1e4 : '';
/** The number an input holds (0 while empty or not yet a number). */
export const n = (v: Num): number => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  const parsed = Number(v.trim());
  return v.trim() === '' || !Number.isFinite(parsed) ? 0 : parsed;
};
const isEmpty = (v: Num) => typeof v === 'string' && v.trim() === '';
const toRate = (percent: Num): number => Math.round(n(percent) * 1e4) / 1e6;
/** Sums of points without the float noise (the sets print two decimals). */
export const round2 = (v: number) => Math.round(v * 100) / 100;

function formulaDraft(f: Formula | undefined): FormulaDraft {
  return {
    type: f?.type ?? 'linear',
    from: f?.type === 'linear' ? toPercent(f.from) : '',
    min: f?.type === 'all_or_nothing' ? toPercent(f.min) : 100,
    bands:
      f?.type === 'bands'
        ? f.bands.map((b) => ({ uid: newUid(), min: toPercent(b.min), share: toPercent(b.share) }))
        : [{ uid: newUid(), min: 100, share: 100 }],
  };
}

type Scoring = Partial<Omit<ScoredItem, 'code' | 'name' | 'maxPoints'>> &
  Pick<ScoredItem, 'code' | 'name' | 'maxPoints'>;

function itemDraft(item: Scoring): ItemDraft {
  return {
    uid: newUid(),
    code: item.code,
    name: text(item.name),
    maxPoints: num(item.maxPoints),
    method: item.method ?? 'self',
    source: item.source ?? null,
    formula: formulaDraft(item.formula),
    whenNoData: item.whenNoData ?? null,
    guidance: text(item.guidance),
    evidence: text(item.evidence),
    step: num(item.step),
    confirmed: item.confirmed !== false,
  };
}

const adjustmentDraft = (a: Adjustment): AdjustmentDraft => ({
  uid: newUid(),
  code: a.code,
  name: text(a.name),
  cap: num(a.cap),
  guidance: text(a.guidance),
  evidence: text(a.evidence),
  step: num(a.step),
});

/** The draft of a framework as the server sent it. */
export function draftFrom(f: Framework): Draft {
  return {
    meta: {
      title: f.title,
      titleEn: f.titleEn,
      legalBasis: f.legalBasis,
      documentId: f.document?.id ?? null,
      note: f.note,
      rescaleWithoutSurvey: f.rescaleWithoutSurvey,
      bonusCap: num(f.tree.bonusCap),
      penaltyCap: num(f.tree.penaltyCap),
    },
    fields: f.tree.fields.map((field) => ({
      uid: newUid(),
      code: field.code,
      name: text(field.name),
      maxPoints: num(field.maxPoints),
      criteria: field.criteria.map((c) => ({ ...itemDraft(c), subs: c.subs.map(itemDraft) })),
    })),
    bonus: f.tree.bonus.map(adjustmentDraft),
    penalty: f.tree.penalty.map(adjustmentDraft),
    grades: f.gradeBands.map((g) => ({
      uid: newUid(),
      code: g.code,
      name: text(g.name),
      minPercent: num(g.minPercent),
    })),
    autoNumber: true,
  };
}

const textOut = (t: TextDraft) => ({ vi: t.vi.trim(), en: t.en.trim() });
const optionalText = (t: TextDraft) => (t.vi.trim() || t.en.trim() ? textOut(t) : undefined);

function formulaOut(f: FormulaDraft): Formula {
  if (f.type === 'bands')
    return { type: 'bands', bands: f.bands.map((b) => ({ min: toRate(b.min), share: toRate(b.share) })) };
  if (f.type === 'all_or_nothing') return { type: 'all_or_nothing', min: toRate(f.min) };
  return n(f.from) === 0 ? { type: 'linear' } : { type: 'linear', from: toRate(f.from) };
}

/** A scored item's own fields (its method, and for `computed` its source, formula and no-data rule). */
function scoringOut(i: ItemDraft) {
  const guidance = optionalText(i.guidance);
  const evidence = optionalText(i.evidence);
  return {
    method: i.method,
    ...(i.method === 'computed'
      ? {
          ...(i.source ? { source: i.source } : {}),
          formula: formulaOut(i.formula),
          ...(i.whenNoData ? { whenNoData: i.whenNoData } : {}),
        }
      : {}),
    ...(guidance ? { guidance } : {}),
    ...(evidence ? { evidence } : {}),
    ...(isEmpty(i.step) ? {} : { step: n(i.step) }),
    ...(i.confirmed ? {} : { confirmed: false }),
  };
}

const itemOut = (i: ItemDraft): ScoredItem => ({
  code: i.code.trim(),
  name: textOut(i.name),
  maxPoints: n(i.maxPoints),
  ...scoringOut(i),
});

function criterionOut(c: CriterionDraft): Criterion {
  const head = { code: c.code.trim(), name: textOut(c.name), maxPoints: n(c.maxPoints) };
  if (c.subs.length) return { ...head, subs: c.subs.map(itemOut) };
  return { ...head, subs: [], ...scoringOut(c) };
}

function adjustmentOut(a: AdjustmentDraft): Adjustment {
  const guidance = optionalText(a.guidance);
  const evidence = optionalText(a.evidence);
  return {
    code: a.code.trim(),
    name: textOut(a.name),
    cap: n(a.cap),
    ...(guidance ? { guidance } : {}),
    ...(evidence ? { evidence } : {}),
    ...(isEmpty(a.step) ? {} : { step: n(a.step) }),
  };
}

export function treeOut(d: Draft): Tree {
  return {
    fields: d.fields.map((f): Field => ({
      code: f.code.trim(),
      name: textOut(f.name),
      maxPoints: n(f.maxPoints),
      criteria: f.criteria.map(criterionOut),
    })),
    bonus: d.bonus.map(adjustmentOut),
    penalty: d.penalty.map(adjustmentOut),
    bonusCap: n(d.meta.bonusCap),
    penaltyCap: n(d.meta.penaltyCap),
  };
}

/** The body of `PUT /api/par/frameworks/:id`: the whole framework and the version it started from. */
export function updateBody(d: Draft, version: number): FrameworkUpdate {
  const bands: GradeBand[] = d.grades.map((g) => ({
    code: g.code.trim(),
    name: textOut(g.name),
    minPercent: n(g.minPercent),
  }));
  return {
    version,
    title: d.meta.title.trim(),
    titleEn: d.meta.titleEn.trim(),
    tree: treeOut(d),
    gradeBands: bands,
    rescaleWithoutSurvey: d.meta.rescaleWithoutSurvey,
    legalBasis: d.meta.legalBasis.trim(),
    documentId: d.meta.documentId,
    note: d.meta.note.trim(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sums

/** The sum of the parts' maximums (a field's criteria, a criterion's sub-criteria). */
export const sumOf = (parts: readonly { maxPoints: Num }[]) =>
  round2(parts.reduce((s, p) => s + n(p.maxPoints), 0));

/** What a criterion scores: the sum of its sub-criteria, or its own maximum. */
export const criterionScored = (c: CriterionDraft) => (c.subs.length ? sumOf(c.subs) : n(c.maxPoints));

/** Declared and summed maximums differ (beyond the server's tolerance). */
export const mismatch = (declared: Num, sum: number) => Math.abs(n(declared) - sum) > 0.001;

export type Totals = {
  /** What can be scored: the sum of every scored item. */
  scored: number;
  /** The fields' declared maximums. */
  declared: number;
  survey: number;
  computed: number;
  fields: number;
  criteria: number;
  subs: number;
};

export function totalsOf(fields: readonly FieldDraft[]): Totals {
  const t: Totals = {
    scored: 0,
    declared: 0,
    survey: 0,
    computed: 0,
    fields: fields.length,
    criteria: 0,
    subs: 0,
  };
  for (const f of fields) {
    t.declared += n(f.maxPoints);
    for (const c of f.criteria) {
      t.criteria += 1;
      t.subs += c.subs.length;
      for (const i of c.subs.length ? c.subs : [c]) {
        t.scored += n(i.maxPoints);
        if (i.method === 'survey') t.survey += n(i.maxPoints);
        if (i.method === 'computed') t.computed += 1;
      }
    }
  }
  return { ...t, scored: round2(t.scored), declared: round2(t.declared), survey: round2(t.survey) };
}

// ---------------------------------------------------------------------------------------------------------
// Codes

/** Every code in reading order, renumbered from the rows' positions; unchanged rows stay the same objects. */
export function renumber(d: Draft): Draft {
  const fields = d.fields.map((f, fi) => {
    const fc = String(fi + 1);
    let changed = f.code !== fc;
    const criteria = f.criteria.map((c, ci) => {
      const cc = `${fc}.${ci + 1}`;
      let cChanged = c.code !== cc;
      const subs = c.subs.map((s, si) => {
        const sc = `${cc}.${si + 1}`;
        if (s.code === sc) return s;
        cChanged = true;
        return { ...s, code: sc };
      });
      if (!cChanged) return c;
      changed = true;
      return { ...c, code: cc, subs };
    });
    return changed ? { ...f, code: fc, criteria } : f;
  });
  const adjust = (list: AdjustmentDraft[], prefix: string) => {
    const out = list.map((a, i) =>
      a.code === `${prefix}${i + 1}` ? a : { ...a, code: `${prefix}${i + 1}` },
    );
    return out.every((a, i) => a === list[i]) ? list : out;
  };
  const same = fields.every((f, i) => f === d.fields[i]);
  const bonus = adjust(d.bonus, 'B');
  const penalty = adjust(d.penalty, 'P');
  if (same && bonus === d.bonus && penalty === d.penalty) return d;
  return { ...d, fields: same ? d.fields : fields, bonus, penalty };
}

/** The next free code under `prefix` (`1.2.` → `1.2.4` after 1.2.3), when codes are not renumbered. */
function nextCode(prefix: string, taken: readonly string[]): string {
  let max = 0;
  for (const code of taken) {
    const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}(\\d+)$`).exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${Math.max(max, taken.length) + 1}`;
}

// ---------------------------------------------------------------------------------------------------------
// Changes

export const emptyItem = (code: string, maxPoints: Num = 1): ItemDraft => ({
  uid: newUid(),
  code,
  name: { vi: '', en: '' },
  maxPoints,
  method: 'self',
  source: null,
  formula: formulaDraft(undefined),
  whenNoData: null,
  guidance: { vi: '', en: '' },
  evidence: { vi: '', en: '' },
  step: '',
  confirmed: true,
});

export type ItemPatch = Partial<Omit<ItemDraft, 'uid'>>;
export type FieldPatch = Partial<Pick<FieldDraft, 'code' | 'name' | 'maxPoints'>>;
export type AdjustmentPatch = Partial<Omit<AdjustmentDraft, 'uid'>>;
export type GradePatch = Partial<Omit<GradeDraft, 'uid'>>;
/** Where a row is: a field, a criterion of it, a sub-criterion of that. */
export type At = { field: string; criterion?: string; sub?: string };

export type Action =
  | { type: 'meta'; patch: Partial<Meta> }
  | { type: 'field'; at: At; patch: FieldPatch }
  | { type: 'item'; at: Required<Pick<At, 'field' | 'criterion'>> & Pick<At, 'sub'>; patch: ItemPatch }
  | { type: 'add'; at: Partial<At> }
  | { type: 'remove'; at: At }
  | { type: 'move'; at: At; by: -1 | 1 }
  | { type: 'adjustment'; kind: AdjustmentKind; uid: string; patch: AdjustmentPatch }
  | { type: 'addAdjustment'; kind: AdjustmentKind }
  | { type: 'removeAdjustment'; kind: AdjustmentKind; uid: string }
  | { type: 'moveAdjustment'; kind: AdjustmentKind; uid: string; by: -1 | 1 }
  | { type: 'grade'; uid: string; patch: GradePatch }
  | { type: 'addGrade' }
  | { type: 'removeGrade'; uid: string }
  | { type: 'renumber' }
  | { type: 'autoNumber'; on: boolean }
  | { type: 'problems'; problems: Problems }
  | { type: 'reset'; draft: Draft };

const patchIn = <T extends { uid: string }>(list: T[], uid: string, f: (x: T) => T): T[] => {
  const i = list.findIndex((x) => x.uid === uid);
  if (i < 0) return list;
  const next = f(list[i]!);
  if (next === list[i]) return list;
  const out = list.slice();
  out[i] = next;
  return out;
};
const moveIn = <T extends { uid: string }>(list: T[], uid: string, by: -1 | 1): T[] => {
  const i = list.findIndex((x) => x.uid === uid);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const out = list.slice();
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};
const withoutUid = <T extends { uid: string }>(list: T[], uid: string) => list.filter((x) => x.uid !== uid);

/** Problems with the handles given removed (the rows the user just changed). */
function cleared(problems: Problems, ...keys: string[]): Problems {
  if (!keys.some((k) => problems.has(k))) return problems;
  const out = new Map(problems);
  for (const k of keys) out.delete(k);
  return out;
}

/** A structural change: the codes follow when they are renumbered automatically. */
function structural(state: EditorState, draft: Draft): EditorState {
  return { ...state, draft: draft.autoNumber ? renumber(draft) : draft, dirty: true };
}

function addRow(d: Draft, at: Partial<At>): Draft {
  if (!at.field) {
    const code = d.autoNumber
      ? ''
      : nextCode(
          '',
          d.fields.map((f) => f.code),
        );
    const field: FieldDraft = {
      uid: newUid(),
      code,
      name: { vi: '', en: '' },
      maxPoints: 1,
      criteria: [{ ...emptyItem(`${code}.1`), subs: [] }],
    };
    return { ...d, fields: [...d.fields, field] };
  }
  return {
    ...d,
    fields: patchIn(d.fields, at.field, (f) => {
      if (!at.criterion) {
        const code = nextCode(
          `${f.code}.`,
          f.criteria.map((c) => c.code),
        );
        return { ...f, criteria: [...f.criteria, { ...emptyItem(code), subs: [] }] };
      }
      return {
        ...f,
        criteria: patchIn(f.criteria, at.criterion, (c) => {
          const code = nextCode(
            `${c.code}.`,
            c.subs.map((s) => s.code),
          );
          // The first sub-criterion takes over the criterion's own scoring and points: nothing is lost.
          const { subs: _subs, ...own } = c;
          const sub = c.subs.length
            ? emptyItem(code)
            : { ...own, uid: newUid(), code, name: { vi: '', en: '' } };
          return { ...c, subs: [...c.subs, sub] };
        }),
      };
    }),
  };
}

function removeRow(d: Draft, at: At): Draft {
  if (!at.criterion) return { ...d, fields: withoutUid(d.fields, at.field) };
  return {
    ...d,
    fields: patchIn(d.fields, at.field, (f) => {
      if (!at.sub) return { ...f, criteria: withoutUid(f.criteria, at.criterion!) };
      return {
        ...f,
        criteria: patchIn(f.criteria, at.criterion!, (c) => {
          const subs = withoutUid(c.subs, at.sub!);
          // The last sub-criterion removed: the criterion is scored directly, as that one was.
          const last = c.subs.length === 1 ? c.subs[0] : undefined;
          if (last) {
            const { uid: _uid, code: _code, name: _name, ...scoring } = last;
            return { ...c, ...scoring, subs };
          }
          return { ...c, subs };
        }),
      };
    }),
  };
}

function moveRow(d: Draft, at: At, by: -1 | 1): Draft {
  if (!at.criterion) return { ...d, fields: moveIn(d.fields, at.field, by) };
  return {
    ...d,
    fields: patchIn(d.fields, at.field, (f) => {
      if (!at.sub) return { ...f, criteria: moveIn(f.criteria, at.criterion!, by) };
      return {
        ...f,
        criteria: patchIn(f.criteria, at.criterion!, (c) => ({ ...c, subs: moveIn(c.subs, at.sub!, by) })),
      };
    }),
  };
}

export function initialState(draft: Draft): EditorState {
  return { draft, problems: new Map(), dirty: false };
}

export function reducer(state: EditorState, action: Action): EditorState {
  const d = state.draft;
  switch (action.type) {
    case 'meta': {
      const keys = Object.keys(action.patch).map((k) => `meta.${k}`);
      return {
        draft: { ...d, meta: { ...d.meta, ...action.patch } },
        problems: cleared(state.problems, ...keys),
        dirty: true,
      };
    }
    case 'field':
      return {
        draft: { ...d, fields: patchIn(d.fields, action.at.field, (f) => ({ ...f, ...action.patch })) },
        problems: cleared(state.problems, action.at.field),
        dirty: true,
      };
    case 'item': {
      const { field, criterion, sub } = action.at;
      const fields = patchIn(d.fields, field, (f) => ({
        ...f,
        criteria: patchIn(f.criteria, criterion, (c) =>
          sub
            ? { ...c, subs: patchIn(c.subs, sub, (s) => ({ ...s, ...action.patch })) }
            : { ...c, ...action.patch },
        ),
      }));
      return { draft: { ...d, fields }, problems: cleared(state.problems, sub ?? criterion), dirty: true };
    }
    case 'add':
      return structural(state, addRow(d, action.at));
    case 'remove':
      return structural(state, removeRow(d, action.at));
    case 'move':
      return structural(state, moveRow(d, action.at, action.by));
    case 'adjustment':
      return {
        draft: {
          ...d,
          [action.kind]: patchIn(d[action.kind], action.uid, (a) => ({ ...a, ...action.patch })),
        },
        problems: cleared(state.problems, action.uid),
        dirty: true,
      };
    case 'addAdjustment': {
      const prefix = action.kind === 'bonus' ? 'B' : 'P';
      const item: AdjustmentDraft = {
        uid: newUid(),
        code: nextCode(
          prefix,
          d[action.kind].map((a) => a.code),
        ),
        name: { vi: '', en: '' },
        cap: 1,
        guidance: { vi: '', en: '' },
        evidence: { vi: '', en: '' },
        step: '',
      };
      return structural(state, { ...d, [action.kind]: [...d[action.kind], item] });
    }
    case 'removeAdjustment':
      return structural(state, { ...d, [action.kind]: withoutUid(d[action.kind], action.uid) });
    case 'moveAdjustment':
      return structural(state, { ...d, [action.kind]: moveIn(d[action.kind], action.uid, action.by) });
    case 'grade':
      return {
        draft: { ...d, grades: patchIn(d.grades, action.uid, (g) => ({ ...g, ...action.patch })) },
        problems: cleared(state.problems, action.uid),
        dirty: true,
      };
    case 'addGrade':
      return {
        ...state,
        draft: {
          ...d,
          grades: [...d.grades, { uid: newUid(), code: '', name: { vi: '', en: '' }, minPercent: 0 }],
        },
        dirty: true,
      };
    case 'removeGrade':
      return { ...state, draft: { ...d, grades: withoutUid(d.grades, action.uid) }, dirty: true };
    case 'renumber': {
      const next = renumber(d);
      return next === d ? state : { ...state, draft: next, dirty: true };
    }
    case 'autoNumber':
      return {
        ...state,
        draft: action.on ? renumber({ ...d, autoNumber: true }) : { ...d, autoNumber: false },
      };
    case 'problems':
      return { ...state, problems: action.problems };
    case 'reset':
      return initialState(action.draft);
  }
}

/** The codes do not follow the rows' order (renumbering would change some). */
export const outOfOrder = (d: Draft) => renumber(d) !== d;

// ---------------------------------------------------------------------------------------------------------
// The server's problems

/**
 * Places the server's problems (`details[]`: `field` is an item's code — "1.2.3", "B1" —, "gradeBands[2]",
 * "bonusCap", or a Zod path such as "tree.fields.0.criteria.1.subs.2.maxPoints") on the rows of the draft that was
 * sent: by row handle; what names no row goes to `general`.
 */
export function placeProblems(d: Draft, details: readonly { field: string; message: string }[]): Problems {
  const byCode = new Map<string, string>();
  for (const f of d.fields) {
    byCode.set(f.code.trim(), f.uid);
    for (const c of f.criteria) {
      byCode.set(c.code.trim(), c.uid);
      for (const s of c.subs) byCode.set(s.code.trim(), s.uid);
    }
  }
  for (const a of [...d.bonus, ...d.penalty]) byCode.set(a.code.trim(), a.uid);
  const out = new Map<string, string[]>();
  const put = (key: string, message: string) => {
    const list = out.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    out.set(key, list);
  };
  for (const { field, message } of details) {
    const byItem = byCode.get(field);
    if (byItem) {
      put(byItem, message);
      continue;
    }
    const band = /^gradeBands(?:\[(\d+)\]|\.(\d+))/.exec(field);
    if (band) {
      const g = d.grades[Number(band[1] ?? band[2])];
      put(g ? g.uid : 'meta.grades', message);
      continue;
    }
    if (field === 'gradeBands') {
      put('meta.grades', message);
      continue;
    }
    const cap = /^(?:tree\.)?(bonusCap|penaltyCap)$/.exec(field);
    if (cap) {
      put(`meta.${cap[1]}`, message);
      continue;
    }
    const meta = /^(title|titleEn|legalBasis|note|documentId)$/.exec(field);
    if (meta) {
      put(`meta.${meta[1]}`, message);
      continue;
    }
    const path = /^tree\.fields\.(\d+)(?:\.criteria\.(\d+)(?:\.subs\.(\d+))?)?/.exec(field);
    if (path) {
      const f = d.fields[Number(path[1])];
      const c = path[2] !== undefined ? f?.criteria[Number(path[2])] : undefined;
      const s = path[3] !== undefined ? c?.subs[Number(path[3])] : undefined;
      const row = s ?? c ?? f;
      put(row ? row.uid : 'general', message);
      continue;
    }
    const adj = /^tree\.(bonus|penalty)\.(\d+)/.exec(field);
    if (adj) {
      const a = d[adj[1] as AdjustmentKind][Number(adj[2])];
      put(a ? a.uid : 'general', message);
      continue;
    }
    put('general', message);
  }
  return out;
}

/** The rows' handles in reading order (to move to the first problem). */
export function rowOrder(d: Draft): string[] {
  const out: string[] = [];
  for (const f of d.fields) {
    out.push(f.uid);
    for (const c of f.criteria) {
      out.push(c.uid);
      for (const s of c.subs) out.push(s.uid);
    }
  }
  for (const a of [...d.bonus, ...d.penalty]) out.push(a.uid);
  for (const g of d.grades) out.push(g.uid);
  return out;
}
