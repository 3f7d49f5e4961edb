/**
 * What a survey found: its indices (./rules/indices.ts `computeIndices`: SIPAS shares and means with their 95%
 * intervals) for the whole survey and by unit, channel or month, over a filter (a unit, a channel, a period);
 * every question's distribution; the duplicate-pattern flags (counts and places only, never a response's answers);
 * and the anonymised answers as a workbook for the office.
 *
 * Small groups say nothing: a group or a cell with fewer than the minimum respondents (5 by default, the config's
 * own when it sets one) shows no value, and a question's distribution is shown only when at least that many
 * answered it. The office and the committee read every unit; a unit's focal point and leader read their own
 * unit's results only (the `unitId` filter, or their units by default) — never another unit's, never the answers
 * one by one.
 */
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { badRequest, forbidden } from '../../core/errors.js';
import { formatViDate } from '../periods/index.js';
import { allow } from '../access/policy.js';
import { GROUP_LABELS } from './invitations.service.js';
import type { NormalisedAnswers } from './rules/answers.js';
import {
  DEFAULT_NA_LABEL,
  flattenItems,
  isScaleValue,
  resolveScale,
  type SurveyDefinition,
} from './rules/definition.js';
import { findDuplicatePatterns, type PatternKind } from './rules/duplicates.js';
import {
  computeIndices,
  DEFAULT_MIN_GROUP_SIZE,
  type GroupResult,
  type IndexConfig,
} from './rules/indices.js';
import { isObject, nums, type Text } from './rules/text.js';
import { responsesWorkbook } from './responses-workbook.js';
import { surveyPolicy } from './surveys.policy.js';
import type { FlagsOut, ResultsOut } from './surveys.schemas.js';
import {
  definitionOf,
  indicesOf,
  loadSurvey,
  ownTargetUnits,
  readsAllResults,
  versionsOf,
  type LoadedSurvey,
} from './surveys.service.js';
import { surveyResponses, type ResponseChannel } from './surveys.table.js';
import { viCollator } from '../units/units.service.js';

export const CHANNEL_LABELS: Record<ResponseChannel, Text> = {
  qr: { vi: 'Mã QR tại nơi giao dịch', en: 'QR code at the counter' },
  invitation: { vi: 'Thư mời', en: 'Invitation' },
  link: { vi: 'Đường dẫn công khai', en: 'Public link' },
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthLabel = (ym: string): Text => {
  const [y, m] = ym.split('-');
  return { vi: `Tháng ${Number(m)}/${y}`, en: `${MONTHS_EN[Number(m) - 1] ?? m} ${y}` };
};

export type ResultsQuery = {
  by: 'unit' | 'channel' | 'month' | 'all';
  config?: string | undefined;
  unitId?: string | undefined;
  channel?: ResponseChannel | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

type StoredResponse = {
  id: string;
  targetId: string;
  versionId: string;
  channel: ResponseChannel;
  submittedOn: string;
  answers: NormalisedAnswers;
  minutes: number | null;
};

/** The units whose results the caller reads in this survey (null: every unit), or 403. */
function unitsReadable(
  ctx: RequestContext,
  loaded: LoadedSurvey,
  unitId: string | undefined,
): string[] | null {
  if (readsAllResults(ctx.actor, loaded) || allow(surveyPolicy, ctx.actor, 'manage', loaded.subject))
    return unitId ? [unitId] : null;
  const own = ownTargetUnits(ctx.actor, loaded);
  if (!own.length || (unitId && !own.includes(unitId))) throw forbidden('survey.unit_not_yours');
  return unitId ? [unitId] : own;
}

async function loadResponses(
  ctx: RequestContext,
  loaded: LoadedSurvey,
  units: string[] | null,
  q: Pick<ResultsQuery, 'channel' | 'from' | 'to'>,
): Promise<StoredResponse[]> {
  const targetIds = loaded.targets.filter((t) => !units || units.includes(t.unitId)).map((t) => t.id);
  if (!targetIds.length) return [];
  const where: (SQL | undefined)[] = [
    eq(surveyResponses.surveyId, loaded.row.id),
    units ? inArray(surveyResponses.targetId, targetIds) : undefined,
    q.channel ? eq(surveyResponses.channel, q.channel) : undefined,
    q.from ? gte(surveyResponses.submittedOn, q.from) : undefined,
    q.to ? lte(surveyResponses.submittedOn, q.to) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: surveyResponses.id,
      targetId: surveyResponses.targetId,
      versionId: surveyResponses.versionId,
      channel: surveyResponses.channel,
      submittedOn: surveyResponses.submittedOn,
      answers: surveyResponses.answers,
      minutes: surveyResponses.minutes,
    })
    .from(surveyResponses)
    .where(and(...where));
  return rows.map((r) => ({ ...r, answers: (isObject(r.answers) ? r.answers : {}) as NormalisedAnswers }));
}

type Dist = ResultsOut['items'][number];

/** Each question's answers over the responses (a matrix row by row); hidden below the minimum. */
export function distributions(
  def: SurveyDefinition,
  responses: readonly StoredResponse[],
  min: number,
): Dist[] {
  const out: Dist[] = [];
  const scaleDist = (
    code: string,
    text: Text,
    kind: string,
    points: { value: number; label: Text }[],
    na: Text | null,
    read: (a: NormalisedAnswers) => unknown,
  ) => {
    const counts = new Map<string, number>();
    let answered = 0;
    let sum = 0;
    let n = 0;
    for (const r of responses) {
      const v = read(r.answers);
      if (v === undefined || v === null) continue;
      if (isScaleValue(v)) {
        answered++;
        counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
        sum += v;
        n++;
      } else if (v === 'na') {
        answered++;
        counts.set('na', (counts.get('na') ?? 0) + 1);
      }
    }
    const shown = responses.length >= min && answered >= min;
    out.push({
      code,
      text,
      kind,
      counts: shown
        ? [
            ...points.map((p) => ({
              value: String(p.value),
              label: p.label,
              count: counts.get(String(p.value)) ?? 0,
            })),
            ...(na ? [{ value: 'na', label: na, count: counts.get('na') ?? 0 }] : []),
          ]
        : [],
      answered: shown ? answered : 0,
      mean: shown && n ? Math.round((sum / n) * 100) / 100 : null,
    });
  };
  for (const { item } of flattenItems(def)) {
    switch (item.kind) {
      case 'single':
      case 'multiple': {
        const counts = new Map<string, number>();
        let answered = 0;
        for (const r of responses) {
          const v = r.answers[item.code];
          const chosen = typeof v === 'string' && v ? [v] : Array.isArray(v) ? v : [];
          if (!chosen.length) continue;
          answered++;
          for (const c of chosen) counts.set(String(c), (counts.get(String(c)) ?? 0) + 1);
        }
        const shown = responses.length >= min && answered >= min;
        out.push({
          code: item.code,
          text: item.text,
          kind: item.kind,
          counts: shown
            ? item.choices.map((c) => ({ value: c.code, label: c.label, count: counts.get(c.code) ?? 0 }))
            : [],
          answered: shown ? answered : 0,
          mean: null,
        });
        break;
      }
      case 'likert5':
      case 'matrix': {
        const points = resolveScale(def, item.scale) ?? [];
        const na = item.allowNa ? (item.naLabel ?? DEFAULT_NA_LABEL) : null;
        if (item.kind === 'likert5')
          scaleDist(item.code, item.text, 'likert5', points, na, (a) => a[item.code]);
        else
          for (const row of item.rows)
            scaleDist(row.code, row.text, 'matrix', points, na, (a) => {
              const v = a[item.code];
              return isObject(v) ? (v as Record<string, unknown>)[row.code] : undefined;
            });
        break;
      }
      case 'number':
      case 'text': {
        let answered = 0;
        let sum = 0;
        for (const r of responses) {
          const v = r.answers[item.code];
          if (v === undefined || v === null || v === '') continue;
          answered++;
          if (typeof v === 'number') sum += v;
        }
        const shown = responses.length >= min && answered >= min;
        out.push({
          code: item.code,
          text: item.text,
          kind: item.kind,
          counts: [],
          answered: shown ? answered : 0,
          mean: shown && item.kind === 'number' && answered ? Math.round((sum / answered) * 100) / 100 : null,
        });
        break;
      }
    }
  }
  return out;
}

const patternInput = (responses: readonly StoredResponse[], unitOf: (targetId: string) => string) =>
  responses.map((r) => ({
    id: r.id,
    unit: unitOf(r.targetId),
    channel: r.channel,
    bucket: r.submittedOn,
    answers: r.answers,
    durationSeconds: r.minutes === null ? null : r.minutes * 60,
  }));

type Cell = ResultsOut['total']['cells'][number];
const cellsOf = (g: GroupResult | undefined, config: IndexConfig | undefined): Cell[] => {
  if (g)
    return g.cells.map((c) => ({
      index: c.key,
      name: c.name,
      value: c.value,
      interval: c.ci && c.value !== null ? { estimate: c.value, low: c.ci.low, high: c.ci.high } : null,
      respondents: c.respondents,
      suppressed: c.suppressed,
    }));
  // A group nobody answered in yet: every index, suppressed.
  const specs = [...(config?.indices ?? []), ...(config?.overall ? [config.overall] : [])];
  return specs.map((s) => ({
    index: s.key,
    name: s.name,
    value: null,
    interval: null,
    respondents: 0,
    suppressed: true,
  }));
};

export async function surveyResults(ctx: RequestContext, id: string, q: ResultsQuery): Promise<ResultsOut> {
  const loaded = await loadSurvey(ctx, id);
  const units = unitsReadable(ctx, loaded, q.unitId);
  const [latest] = await versionsOf(ctx.db, id);
  const def = definitionOf(latest!);
  const configs = indicesOf(latest!);
  const config = q.config ? configs.find((c) => c.key === q.config) : configs[0];
  if (q.config && !config) throw badRequest('survey.config_unknown', { key: q.config });
  const min = config?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const responses = await loadResponses(ctx, loaded, units, q);
  const targets = loaded.targets.filter((t) => !units || units.includes(t.unitId));
  const unitOfTarget = new Map(loaded.targets.map((t) => [t.id, t.unitId]));
  const unitName = (unitId: string) => loaded.units.get(unitId)?.name ?? '';

  const groupKey = (r: StoredResponse): string | null =>
    q.by === 'unit'
      ? (unitOfTarget.get(r.targetId) ?? null)
      : q.by === 'channel'
        ? r.channel
        : q.by === 'month'
          ? r.submittedOn.slice(0, 7)
          : null;
  // People served, for the finite-population correction of means: known only when every target gives it.
  const populationOf = (ts: typeof targets) =>
    ts.length && ts.every((t) => t.population !== null)
      ? ts.reduce((a, t) => a + (t.population ?? 0), 0)
      : undefined;
  const groupPopulations: Record<string, number> = {};
  if (q.by === 'unit')
    for (const unitId of new Set(targets.map((t) => t.unitId))) {
      const p = populationOf(targets.filter((t) => t.unitId === unitId));
      if (p !== undefined) groupPopulations[unitId] = p;
    }
  const allPopulation = populationOf(targets);
  const computed = config
    ? computeIndices(
        def,
        config,
        responses.map((r) => ({ group: groupKey(r), answers: r.answers })),
        {
          populations: {
            ...(allPopulation !== undefined ? { all: allPopulation } : {}),
            groups: groupPopulations,
          },
        },
      )
    : null;

  const labelOf = (key: string): Text => {
    if (q.by === 'unit') {
      const name = unitName(key);
      return { vi: name, en: name };
    }
    if (q.by === 'channel') return CHANNEL_LABELS[key as ResponseChannel] ?? { vi: key, en: key };
    return monthLabel(key);
  };
  const responsesIn = new Map<string | null, number>();
  for (const r of responses) {
    const k = groupKey(r);
    responsesIn.set(k, (responsesIn.get(k) ?? 0) + 1);
  }
  let keys: string[];
  if (q.by === 'unit')
    keys = [
      ...new Set([...targets.map((t) => t.unitId), ...responsesIn.keys()].filter((k): k is string => !!k)),
    ].sort((a, b) => viCollator.compare(unitName(a), unitName(b)));
  else if (q.by === 'channel')
    keys = (['qr', 'invitation', 'link'] as const).filter((c) => responsesIn.has(c) || c === q.channel);
  else if (q.by === 'month') keys = [...responsesIn.keys()].filter((k): k is string => !!k).sort();
  else keys = [];
  const total = {
    key: null,
    label: { vi: 'Toàn bộ', en: 'All' },
    responses: responses.length,
    suppressed: responses.length < min,
    cells: cellsOf(computed?.all, config),
  };
  const groups =
    q.by === 'all'
      ? [total]
      : keys.map((k) => {
          const n = responsesIn.get(k) ?? 0;
          return {
            key: k,
            label: labelOf(k),
            responses: n,
            suppressed: n < min,
            cells: cellsOf(
              computed?.groups.find((g) => g.group === k),
              config,
            ),
          };
        });
  const patterns = findDuplicatePatterns(
    def,
    patternInput(responses, (t) => unitOfTarget.get(t) ?? ''),
  );
  return {
    config: config
      ? { key: config.key, name: config.title }
      : { key: '', name: { vi: 'Chưa có công thức chỉ số', en: 'No index formulas' } },
    configs: configs.map((c) => ({ key: c.key, name: c.title })),
    by: q.by,
    minGroupSize: min,
    total,
    groups,
    items: distributions(def, responses, min),
    flags: patterns.byKind,
  };
}

function flagMessage(
  kind: PatternKind,
  count: number,
  unit: string,
  channel: ResponseChannel,
  day: string | null,
): Text {
  const n = nums(count);
  const ch = CHANNEL_LABELS[channel];
  const where = {
    vi: `${unit}, kênh ${ch.vi.toLowerCase()}${day ? `, ngày ${formatViDate(day)}` : ''}`,
    en: `${unit}, ${ch.en.toLowerCase()}${day ? `, on ${formatViDate(day)}` : ''}`,
  };
  const keep = {
    vi: 'Cần xem xét; không phiếu nào bị loại.',
    en: 'To be reviewed; no response was removed.',
  };
  if (kind === 'identical_answers')
    return {
      vi: `${n.vi} phiếu có câu trả lời giống hệt nhau (${where.vi}). ${keep.vi}`,
      en: `${n.en} responses with identical answers (${where.en}). ${keep.en}`,
    };
  if (kind === 'straight_lining')
    return {
      vi: `${n.vi} phiếu chọn cùng một mức cho mọi tiêu chí (${where.vi}). ${keep.vi}`,
      en: `${n.en} responses rating every criterion alike (${where.en}). ${keep.en}`,
    };
  return {
    vi: `${n.vi} phiếu hoàn thành nhanh hơn thời gian tối thiểu để đọc các câu đã trả lời (${where.vi}). ${keep.vi}`,
    en: `${n.en} responses completed faster than reading their answers takes (${where.en}). ${keep.en}`,
  };
}

/** The flags for the officer: kind, count and place (unit, channel, day) only — never which responses, never answers. */
export async function surveyFlags(ctx: RequestContext, id: string): Promise<FlagsOut> {
  const loaded = await loadSurvey(ctx, id);
  if (!allow(surveyPolicy, ctx.actor, 'manage', loaded.subject)) throw forbidden();
  const [latest] = await versionsOf(ctx.db, id);
  const responses = await loadResponses(ctx, loaded, null, {});
  const unitOfTarget = new Map(loaded.targets.map((t) => [t.id, t.unitId]));
  const report = findDuplicatePatterns(
    definitionOf(latest!),
    patternInput(responses, (t) => unitOfTarget.get(t) ?? ''),
  );
  return {
    items: report.flags.map((f) => {
      const unit = loaded.units.get(f.unit)?.name ?? '';
      const channel = (f.channel ?? 'qr') as ResponseChannel;
      return {
        kind: f.kind,
        responses: f.count,
        unit,
        channel,
        day: f.bucket ?? '',
        message: flagMessage(f.kind, f.count, unit, channel, f.bucket),
      };
    }),
  };
}

/** The anonymised answers as a workbook (office only): no ids, no invitation, no respondent, in no stored order. */
export async function exportResponses(ctx: RequestContext, id: string) {
  const loaded = await loadSurvey(ctx, id);
  if (!allow(surveyPolicy, ctx.actor, 'manage', loaded.subject)) throw forbidden();
  const versions = await versionsOf(ctx.db, id);
  const responses = await loadResponses(ctx, loaded, null, {});
  const targets = new Map(loaded.targets.map((t) => [t.id, t]));
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const buffer = await responsesWorkbook({
    title: loaded.row.title,
    versions: versions.map((v) => definitionOf(v)),
    rows: responses
      // By day, then by the random id: the order rows were stored in (which could pair them with anything) is lost.
      .sort((a, b) =>
        a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : a.id < b.id ? -1 : 1,
      )
      .map((r) => {
        const t = targets.get(r.targetId);
        return {
          unit: t ? (loaded.units.get(t.unitId)?.name ?? '') : '',
          group: t ? GROUP_LABELS[t.targetGroup].vi : '',
          channel: CHANNEL_LABELS[r.channel].vi,
          day: formatViDate(r.submittedOn),
          version: numberOf.get(r.versionId) ?? 0,
          minutes: r.minutes,
          answers: r.answers,
        };
      }),
  });
  return { buffer, fileName: `Phiếu trả lời ${loaded.row.title}.xlsx` };
}
