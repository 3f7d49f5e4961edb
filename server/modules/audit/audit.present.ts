/**
 * The journal as a person reads it: each entry's operation and kind of record in words, the record's name,
 * and the fields that changed with their labels and typed values — ids of other records replaced by those
 * records' names where the server knows them (units, accounts, and any record whose snapshot in the journal
 * carries a name). No table, column or operation name and no UUID is left for the page to show.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  actionLabel,
  entityTitle,
  fieldLabel,
  isActionName,
  isEntityName,
  REFERENCE_FIELDS,
  ACTION_LABELS,
  ENTITY_LABELS,
  type Lang,
} from '../../core/labels.js';
import { getUnits } from '../units/units.service.js';
import { usersByIds } from '../users/users.service.js';
import type { AuditChange, AuditScalar, AuditValue, JournalEntryOut } from './audit.schemas.js';
import type { JournalEntry } from './audit.service.js';
import { auditJournal } from './audit.table.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A value that is a code from a fixed list (a status, a kind…): the page names it from its own labels. */
const CODE = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;
/** Fields whose values are codes from a fixed list. */
const CODE_FIELDS = new Set([
  'status',
  'fromStatus',
  'toStatus',
  'kind',
  'role',
  'type',
  'access',
  'level',
  'position',
  'method',
  'ownerKind',
  'purpose',
  'reformArea',
  'focusAreas',
  'source',
  'locale',
  'channel',
  'founderKind',
  'onlineCapability',
  'reportType',
  'unit',
]);
/** Bookkeeping every record has: shown only when nothing else changed. */
const NOISE = new Set(['updatedAt', 'version', 'updatedBy', 'createdAt', 'createdBy', 'id']);
/** Never shown (secrets are already redacted; these say nothing to a reader). */
const HIDDEN = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'storageKey', 'sha256']);
const MAX_TEXT = 160;
const MAX_LIST = 12;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Ref = { id: string; entity: string | null };
type Found = { name: string } | { unitId: string } | { userId: string };
/** Where a snapshot without a name finds one: its unit's or its account's. */
const via = (f: Exclude<Found, { name: string }>): Ref =>
  'unitId' in f ? { id: f.unitId, entity: 'unit' } : { id: f.userId, entity: 'user' };

function scalar(lang: Lang, field: string, value: unknown, refs: Ref[]): AuditScalar {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (value === '[redacted]' || HIDDEN.has(field)) return { kind: 'hidden' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      const entity = REFERENCE_FIELDS[field] ?? null;
      refs.push({ id: value, entity });
      return { kind: 'ref', id: value, entity, name: null };
    }
    if (ISO_DATE.test(value)) return { kind: 'date', value };
    if (ISO_INSTANT.test(value)) return { kind: 'datetime', value };
    if (field === 'action' && isActionName(value)) return { kind: 'text', text: ACTION_LABELS[value][lang] };
    if (CODE_FIELDS.has(field) && CODE.test(value)) return { kind: 'code', field, value };
    return { kind: 'text', text: value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value };
  }
  if (Array.isArray(value)) return { kind: 'details', count: value.length };
  if (isRecord(value)) return { kind: 'details', count: Object.keys(value).length };
  return { kind: 'text', text: String(value) };
}

function valueOf(lang: Lang, field: string, value: unknown, refs: Ref[]): AuditValue {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    if (value.length === 0) return { kind: 'empty' };
    const items = value.slice(0, MAX_LIST).map((v) => scalar(lang, field, v, refs));
    return { kind: 'list', items, more: Math.max(0, value.length - MAX_LIST) };
  }
  return scalar(lang, field, value, refs);
}

function changesOf(lang: Lang, before: unknown, after: unknown, refs: Ref[]): AuditChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const created = !isRecord(before);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !HIDDEN.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  const shown = keys.filter(
    (k) => !NOISE.has(k) && !(created && (a[k] === null || a[k] === undefined || a[k] === '')),
  );
  return (shown.length ? shown : keys.filter((k) => k !== 'id')).map((k) => ({
    field: k,
    label: fieldLabel(lang, k),
    before: isRecord(before) ? valueOf(lang, k, b[k], refs) : null,
    after: isRecord(after) ? valueOf(lang, k, a[k], refs) : null,
  }));
}

/** The name a record's snapshot gives it, or where to find it (its unit, its account). */
function nameIn(snapshot: unknown): Found | null {
  if (!isRecord(snapshot)) return null;
  const s = (k: string) => (typeof snapshot[k] === 'string' && snapshot[k] ? (snapshot[k] as string) : null);
  const symbol = s('numberSymbol');
  const title = s('title') ?? s('summary');
  if (symbol) return { name: title ? `${symbol} — ${title}` : symbol };
  const name = s('fullName') ?? s('name') ?? title ?? s('personName') ?? s('originalName') ?? s('fileName');
  if (name) return { name };
  const text = s('text');
  if (text) return { name: text.length > 80 ? `${text.slice(0, 79)}…` : text };
  if (s('unitId') && UUID.test(s('unitId')!)) return { unitId: s('unitId')! };
  if (s('userId') && UUID.test(s('userId')!)) return { userId: s('userId')! };
  return null;
}

/** Names of the records behind these ids: units and accounts from their modules, the rest from the journal. */
async function resolveNames(ctx: RequestContext, refs: readonly Ref[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = (pred: (r: Ref) => boolean) => [...new Set(refs.filter(pred).map((r) => r.id))];
  const pending: Ref[] = [...refs];
  // Journal snapshots first (any kind of record); what they point to (a pilot unit's unit) next.
  const byEntity = pending.filter((r) => r.entity && r.entity !== 'unit' && r.entity !== 'user');
  const indirect: { id: string; unitId?: string; userId?: string }[] = [];
  if (byEntity.length) {
    const rows = await ctx.db
      .selectDistinctOn([auditJournal.entityId], {
        entityId: auditJournal.entityId,
        snapshot: sql<unknown>`coalesce(${auditJournal.after}, ${auditJournal.before})`,
      })
      .from(auditJournal)
      .where(
        and(
          inArray(auditJournal.entity, [...new Set(byEntity.map((r) => r.entity!))]),
          inArray(
            auditJournal.entityId,
            ids((r) => byEntity.includes(r)),
          ),
          sql`jsonb_typeof(coalesce(${auditJournal.after}, ${auditJournal.before})) = 'object'`,
        ),
      )
      .orderBy(auditJournal.entityId, sql`${auditJournal.id} DESC`);
    for (const row of rows) {
      const found = nameIn(row.snapshot);
      if (!found) continue;
      if ('name' in found) names.set(row.entityId, found.name);
      else indirect.push({ id: row.entityId, ...found });
    }
  }
  const unitIds = [
    ...ids((r) => r.entity === 'unit' || r.entity === null),
    ...indirect.flatMap((i) => (i.unitId ? [i.unitId] : [])),
  ];
  const userIds = [
    ...ids((r) => r.entity === 'user' || r.entity === null),
    ...indirect.flatMap((i) => (i.userId ? [i.userId] : [])),
  ];
  for (const u of await getUnits(ctx.db, [...new Set(unitIds)])) names.set(u.id, u.name);
  for (const u of await usersByIds(ctx, [...new Set(userIds)])) names.set(u.id, u.fullName);
  for (const i of indirect) {
    const n = names.get(i.unitId ?? i.userId ?? '');
    if (n && !names.has(i.id)) names.set(i.id, n);
  }
  return names;
}

function named(value: AuditValue | null, names: Map<string, string>): AuditValue | null {
  if (!value) return value;
  if (value.kind === 'ref') return { ...value, name: names.get(value.id) ?? null };
  if (value.kind === 'list')
    return {
      ...value,
      items: value.items.map((v) => (v.kind === 'ref' ? { ...v, name: names.get(v.id) ?? null } : v)),
    };
  return value;
}

/** Entries as the journal page and the record histories show them, in the caller's language. */
export async function presentEntries(
  ctx: RequestContext,
  entries: JournalEntry[],
): Promise<JournalEntryOut[]> {
  const lang: Lang = ctx.locale === 'en' ? 'en' : 'vi';
  const refs: Ref[] = [];
  const drafts = entries.map((e) => {
    const own = nameIn(e.after) ?? nameIn(e.before);
    if (UUID.test(e.entityId))
      refs.push({ id: e.entityId, entity: isEntityName(e.entity) ? e.entity : null });
    if (own && !('name' in own)) refs.push(via(own));
    return { e, own, changes: changesOf(lang, e.before, e.after, refs) };
  });
  const names = await resolveNames(ctx, refs);
  return drafts.map(({ e, own, changes }) => {
    const recordName =
      own && 'name' in own
        ? own.name
        : (names.get(e.entityId) ?? (own ? (names.get(via(own).id) ?? null) : null));
    return {
      ...e,
      at: e.at.toISOString(),
      actionLabel: actionLabel(lang, e.action),
      entityLabel: entityTitle(lang, e.entity),
      recordName,
      /** An id that is a record's, for the link to its journal; other keys (a backup's file name) stay out. */
      recordRef: UUID.test(e.entityId) ? e.entityId : null,
      changes: changes.map((c) => ({ ...c, before: named(c.before, names), after: named(c.after, names) })),
    };
  });
}

/** The kinds of record and operations, labelled and in Vietnamese order, for the journal's filters. */
export function journalVocabulary(lang: Lang) {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const list = (keys: string[], label: (k: string) => string) =>
    keys.map((value) => ({ value, label: label(value) })).sort((a, b) => collator.compare(a.label, b.label));
  return {
    entities: list(Object.keys(ENTITY_LABELS), (k) => entityTitle(lang, k)),
    actions: list(Object.keys(ACTION_LABELS), (k) => actionLabel(lang, k)),
  };
}
