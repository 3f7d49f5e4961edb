/**
 * Open311 GeoReport v2 over the hotline (README.md beside this file): the feedback categories as services, the
 * cases as service requests — what the public tracking page shows and nothing more — and intake from an
 * application holding a key the province issued.
 *
 * Privacy by construction: the personal columns of a case (name, phone, e-mail, address) are read only to
 * redact a refusal's reason and the title of a new case, never put into an answer; the description, the place
 * and the point are given only once the answer is published (the description as published, personal data
 * removed), the point rounded to about 100 m.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, desc, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../../core/context.js';
import { getUnits, unitDisplayName } from '../../units/units.service.js';
import { publicStage, type CaseStatus } from '../case-rules.js';
import type { CategoryOut } from '../hotline.schemas.js';
import { feedbackCases } from '../hotline.table.js';
import { createCase } from '../intake.service.js';
import { redactPersonalData } from '../rules/redact.js';
import { normaliseTrackingCode } from '../rules/tracking-code.js';
import { listCategories } from '../settings.service.js';
import { open311Text, type Open311MessageKey } from './open311.messages.js';
import type {
  PostRequestBody,
  PostRequestOut,
  RequestOut,
  RequestsQuery,
  ServiceDefinitionOut,
  ServiceOut,
} from './open311.schemas.js';

export type Locale = 'vi' | 'en';

/** An Open311 error: its HTTP status, its text, and the field it is about (named first in the description). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly key: Open311MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(`${status}: ${key}`);
    this.name = 'Open311Error';
  }
  describe(locale: Locale): string {
    const text = open311Text(locale, this.key, this.params);
    return this.field ? `${this.field}: ${text}` : text;
  }
}

// ---------------------------------------------------------------------------------------------------
// API keys (CHIDAO_OPEN311_API_KEYS)

export type Open311ApiKey = { name: string; secret: string };
export type Open311ApiKeysResult = { ok: true; keys: Open311ApiKey[] } | { ok: false; errors: string[] };

export const OPEN311_KEYS_VARIABLE = 'CHIDAO_OPEN311_API_KEYS';
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MIN_SECRET = 16;

/**
 * Reads `name:secret,name:secret` (spaces around entries ignored; empty or unset: no key, POST refused). A name
 * is 1–40 letters, digits, `.`, `_`, `-` (it is recorded with each case the application sends); a secret is
 * 16–200 characters without spaces or commas. Names and secrets are unique. Problems never quote a secret.
 */
export function parseOpen311ApiKeys(raw: string | undefined): Open311ApiKeysResult {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const keys: Open311ApiKey[] = [];
  const errors: string[] = [];
  entries.forEach((entry, i) => {
    const at = entry.indexOf(':');
    const name = at < 0 ? '' : entry.slice(0, at).trim();
    const secret = at < 0 ? '' : entry.slice(at + 1).trim();
    const where = `${OPEN311_KEYS_VARIABLE} entry ${i + 1}`;
    if (at < 0) return errors.push(`${where}: write it as name:secret`);
    if (!KEY_NAME.test(name))
      return errors.push(`${where}: the name must be 1–40 letters, digits, ".", "_" or "-"`);
    if (secret.length < MIN_SECRET || secret.length > 200 || /\s/.test(secret))
      return errors.push(
        `${where} (${name}): the secret must be ${MIN_SECRET}–200 characters without spaces`,
      );
    if (keys.some((k) => k.name === name)) return errors.push(`${where}: the name ${name} is given twice`);
    if (keys.some((k) => k.secret === secret))
      return errors.push(`${where} (${name}): the secret is the same as another key's`);
    keys.push({ name, secret });
  });
  return errors.length ? { ok: false, errors } : { ok: true, keys };
}

/** `parseOpen311ApiKeys` of the environment, throwing one error that lists the problems (for `loadConfig`). */
export function loadOpen311ApiKeys(env: Record<string, string | undefined>): Open311ApiKey[] {
  const result = parseOpen311ApiKeys(env[OPEN311_KEYS_VARIABLE]);
  if (!result.ok) throw new Error(`Invalid Open311 settings:\n  ${result.errors.join('\n  ')}`);
  return result.keys;
}

let read: { raw: string | undefined; result: Open311ApiKeysResult } | null = null;

/** The keys as the environment gives them now (read at each request, parsed once per value). */
export function configuredApiKeys(
  env: Record<string, string | undefined> = process.env,
): Open311ApiKeysResult {
  const raw = env[OPEN311_KEYS_VARIABLE];
  if (!read || read.raw !== raw) read = { raw, result: parseOpen311ApiKeys(raw) };
  return read.result;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The key whose secret is `given`, compared in constant time against every key (no early exit), or null. */
export function matchApiKey(keys: readonly Open311ApiKey[], given: unknown): Open311ApiKey | null {
  if (typeof given !== 'string' || !given) return null;
  const wanted = digest(given);
  let found: Open311ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(digest(key.secret), wanted) && !found) found = key;
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Services

const presentService = (c: CategoryOut, locale: Locale): ServiceOut => ({
  service_code: c.key,
  service_name: c.name[locale],
  description: c.description[locale],
  metadata: false,
  type: 'realtime',
  keywords: '',
  group: '',
});

/** The active categories, in their order. */
export async function listServices(ctx: RequestContext, locale: Locale): Promise<ServiceOut[]> {
  return (await listCategories(ctx, { activeOnly: true })).map((c) => presentService(c, locale));
}

/** A service's definition: no attributes (every service has `metadata: false`); 404 for an unknown code. */
export async function serviceDefinition(ctx: RequestContext, code: string): Promise<ServiceDefinitionOut> {
  const found = (await listCategories(ctx, { activeOnly: true })).find((c) => c.key === code);
  if (!found) throw new Open311Error(404, 'open311.service_unknown', { code });
  return { service_code: found.key, attributes: [] };
}

// ---------------------------------------------------------------------------------------------------
// Service requests

/** The spec's two statuses from the public stage: received and in progress are open, the rest closed. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  const stage = publicStage(status);
  return stage === 'received' || stage === 'in_progress' ? 'open' : 'closed';
}

const OPEN = (['received', 'assigned', 'answered'] as const).filter((s) => open311Status(s) === 'open');
const CLOSED = (['published', 'not_accepted', 'forwarded', 'merged'] as const).filter(
  (s) => open311Status(s) === 'closed',
);

/** What an answer may show of a case, and the personal data only to redact a refusal's reason. */
const columns = {
  id: feedbackCases.id,
  code: feedbackCases.code,
  status: feedbackCases.status,
  categoryId: feedbackCases.categoryId,
  handlingUnitId: feedbackCases.handlingUnitId,
  forwardedTo: feedbackCases.forwardedTo,
  triageNote: feedbackCases.triageNote,
  publishedAnswer: feedbackCases.publishedAnswer,
  publishedDescription: feedbackCases.publishedDescription,
  place: feedbackCases.place,
  lat: feedbackCases.lat,
  lng: feedbackCases.lng,
  receivedAt: feedbackCases.receivedAt,
  updatedAt: feedbackCases.updatedAt,
  triageDueDate: feedbackCases.triageDueDate,
  dueDate: feedbackCases.dueDate,
  duplicateOfId: feedbackCases.duplicateOfId,
  submitterName: feedbackCases.submitterName,
  submitterPhone: feedbackCases.submitterPhone,
  submitterEmail: feedbackCases.submitterEmail,
};
type Row = Pick<typeof feedbackCases.$inferSelect, keyof typeof columns>;

const VN_OFFSET_MS = 7 * 3_600_000;
/** A moment in Vietnam time, as the spec's examples write it: `2026-12-06T09:30:00+07:00`. */
export const vnDateTime = (d: Date) =>
  `${new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
/** A deadline day: its last second, Vietnam time. */
const endOfDay = (day: string) => `${day}T23:59:59+07:00`;
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const rounded = (x: number) => Math.round(x * 1000) / 1000;

const known = (r: Pick<Row, 'submitterName' | 'submitterPhone' | 'submitterEmail'>) => ({
  names: r.submitterName ? [r.submitterName] : [],
  phones: r.submitterPhone ? [r.submitterPhone] : [],
  emails: r.submitterEmail ? [r.submitterEmail] : [],
});

async function present(ctx: RequestContext, rows: Row[], locale: Locale): Promise<RequestOut[]> {
  if (!rows.length) return [];
  const categories = new Map(
    (await listCategories(ctx, { activeOnly: false })).map((c) => [c.id, c] as const),
  );
  const unitIds = [...new Set(rows.map((r) => r.handlingUnitId).filter((x): x is string => !!x))];
  const units = new Map((await getUnits(ctx.db, unitIds)).map((u) => [u.id, unitDisplayName(u)] as const));
  const mergedIds = [...new Set(rows.map((r) => r.duplicateOfId).filter((x): x is string => !!x))];
  const mergedInto = new Map(
    mergedIds.length
      ? (
          await ctx.db
            .select({ id: feedbackCases.id, code: feedbackCases.code })
            .from(feedbackCases)
            .where(inArray(feedbackCases.id, mergedIds))
        ).map((r) => [r.id, r.code] as const)
      : [],
  );
  return rows.map((r) => {
    const status = r.status as CaseStatus;
    const stage = publicStage(status);
    const published = status === 'published';
    const category = r.categoryId ? categories.get(r.categoryId) : undefined;
    const forwarded = stage === 'forwarded' && r.forwardedTo.trim() ? r.forwardedTo.trim() : '';
    const merged = r.duplicateOfId ? mergedInto.get(r.duplicateOfId) : undefined;
    const notes =
      stage === 'answered'
        ? (r.publishedAnswer ?? '')
        : stage === 'not_accepted'
          ? redactPersonalData(r.triageNote, known(r), { locale }).text
          : forwarded
            ? open311Text(locale, 'open311.note_forwarded', { agency: forwarded })
            : stage === 'merged' && merged
              ? open311Text(locale, 'open311.note_merged', { code: merged })
              : '';
    const notice =
      stage === 'received'
        ? open311Text(locale, 'open311.notice_triage', { date: dmy(r.triageDueDate) })
        : stage === 'in_progress' && r.dueDate
          ? open311Text(locale, 'open311.notice_answer', { date: dmy(r.dueDate) })
          : '';
    const point = published && r.lat !== null && r.lng !== null;
    return {
      service_request_id: r.code,
      status: open311Status(status),
      status_notes: notes,
      service_name: category ? category.name[locale] : '',
      service_code: category?.key ?? '',
      description: published ? (r.publishedDescription ?? '') : '',
      agency_responsible: forwarded || (r.handlingUnitId ? (units.get(r.handlingUnitId) ?? '') : ''),
      service_notice: notice,
      requested_datetime: vnDateTime(r.receivedAt),
      updated_datetime: vnDateTime(r.updatedAt),
      expected_datetime: endOfDay(r.dueDate ?? r.triageDueDate),
      ...(published ? { address: r.place } : {}),
      ...(point ? { lat: rounded(r.lat!), long: rounded(r.lng!) } : {}),
      media_url: '',
    };
  });
}

export const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** An ISO 8601 value as a moment: with no offset, Vietnam time; a date alone, its first (or last) moment. */
export function parseWhen(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}+07:00`);
  return new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}+07:00`);
}

/**
 * Service requests, newest first, at most 1000. `service_request_id` (tracking codes) overrides every other
 * filter, as the spec says; otherwise by requested_datetime (default: the last 90 days), status and service.
 */
export async function listRequests(
  ctx: RequestContext,
  query: RequestsQuery,
  locale: Locale,
  now: Date = new Date(),
): Promise<RequestOut[]> {
  const limit = Math.min(query.max_requests ?? MAX_REQUESTS, MAX_REQUESTS);
  const where: (SQL | undefined)[] = [];
  if (query.service_request_id) {
    const codes = [
      ...new Set(list(query.service_request_id).map((c) => normaliseTrackingCode(c) ?? '')),
    ].filter(Boolean);
    if (!codes.length) return [];
    where.push(inArray(feedbackCases.code, codes));
  } else {
    const to = query.end_date ? parseWhen(query.end_date, true) : undefined;
    const from = query.start_date
      ? parseWhen(query.start_date, false)
      : new Date((to ?? now).getTime() - DEFAULT_DAYS * 86_400_000);
    if (to && to.getTime() < from.getTime())
      throw new Open311Error(400, 'open311.dates_order', {}, 'end_date');
    where.push(gte(feedbackCases.receivedAt, from), to ? lte(feedbackCases.receivedAt, to) : undefined);
    const statuses = new Set(list(query.status));
    if (statuses.size === 1)
      where.push(inArray(feedbackCases.status, statuses.has('open') ? [...OPEN] : [...CLOSED]));
    const codes = list(query.service_code);
    if (codes.length) {
      const ids = (await listCategories(ctx, { activeOnly: false }))
        .filter((c) => codes.includes(c.key))
        .map((c) => c.id);
      if (!ids.length) return [];
      where.push(inArray(feedbackCases.categoryId, ids));
    }
  }
  const rows = await ctx.db
    .select(columns)
    .from(feedbackCases)
    .where(and(...where))
    .orderBy(desc(feedbackCases.receivedAt), desc(feedbackCases.code))
    .limit(limit);
  return present(ctx, rows, locale);
}

/** One service request by its tracking code (any case, with or without dashes), as an array of one. */
export async function getRequest(ctx: RequestContext, id: string, locale: Locale): Promise<RequestOut[]> {
  const code = normaliseTrackingCode(id);
  const rows = code
    ? await ctx.db
        .select(columns)
        .from(feedbackCases)
        .where(inArray(feedbackCases.code, [code]))
    : [];
  if (!rows.length) throw new Open311Error(404, 'open311.request_not_found', { id: id.slice(0, 64) });
  return present(ctx, rows, locale);
}

/**
 * The title of a case received through Open311 (the spec has none): the description's first 80 characters with
 * the submitter's name, phone and e-mail removed (the public tracking page shows the title), or the category's
 * name when nothing is left.
 */
export function caseTitle(
  description: string,
  who: { names: string[]; phones: string[]; emails: string[] },
  fallback: string,
): string {
  const clean = redactPersonalData(description, who).text.replace(/\s+/g, ' ').trim();
  if (!clean) return fallback;
  return clean.length <= 80 ? clean : `${clean.slice(0, 79).trimEnd()}…`;
}

const coordinate = (v: string | number | undefined): number | undefined =>
  v === undefined || v === '' ? undefined : Number(v);

/** A client's Idempotency-Key, kept apart from every other client's (and from the public form's keys). */
export const scopedIdempotencyKey = (key: Open311ApiKey, given: string) =>
  `open311:${createHash('sha256').update(`${key.name}\n${key.secret}\n${given}`).digest('hex')}`;

/**
 * A service request from an application holding `key`: a hotline case on the channel `open311`, its client
 * `open311:<key name>` (the same content again within minutes is the same case), the submitter's name (first
 * then last name), phone and e-mail kept as personal data. Answers the tracking code and the triage deadline.
 */
export async function submitRequest(
  ctx: RequestContext,
  key: Open311ApiKey,
  body: PostRequestBody,
  options: { idempotencyKey?: string | undefined; locale: Locale },
): Promise<PostRequestOut> {
  const category = (await listCategories(ctx, { activeOnly: true })).find((c) => c.key === body.service_code);
  if (!category)
    throw new Open311Error(400, 'open311.service_unknown', { code: body.service_code }, 'service_code');
  const lat = coordinate(body.lat);
  const lng = coordinate(body.long);
  if ((lat === undefined) !== (lng === undefined))
    throw new Open311Error(400, 'open311.location_pair', {}, lat === undefined ? 'lat' : 'long');
  const first = body.first_name ?? '';
  const last = body.last_name ?? '';
  const name = [first, last].filter(Boolean).join(' ');
  const phone = body.phone ?? '';
  const email = body.email ?? '';
  const title = caseTitle(
    body.description,
    {
      // Either order: a Vietnamese name is family name first, Open311's first_name is the given name.
      names: name ? [name, [last, first].filter(Boolean).join(' ')] : [],
      phones: phone ? [phone] : [],
      emails: email ? [email] : [],
    },
    category.name.vi,
  );
  const result = await createCase(ctx, {
    channel: 'open311',
    categoryId: category.id,
    title,
    description: body.description,
    place: body.address_string ?? '',
    lat: lat ?? null,
    lng: lng ?? null,
    name,
    phone,
    email,
    client: `open311:${key.name}`,
    idempotencyKey: options.idempotencyKey ? scopedIdempotencyKey(key, options.idempotencyKey) : null,
  });
  return [
    {
      service_request_id: result.code,
      service_notice: open311Text(options.locale, 'open311.notice_triage', {
        date: dmy(result.triageDueDate),
      }),
      account_id: null,
    },
  ];
}
