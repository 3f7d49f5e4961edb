/**
 * The answers kept on the respondent's own device while they answer (`localStorage`), so that a closed tab, a
 * dead battery or a dropped connection loses nothing — and nothing else: the draft never leaves the device
 * except as the response itself, and is removed once the response is received.
 *
 * One record per form opened (the QR code or the invitation's token), holding the version's hash: a form that
 * has changed since starts fresh (its questions may not be the same) and the page says so. The random client
 * key and the start time are made once and kept with the draft, so a response sent again after a reload is the
 * same response (the server returns the first one) and the minutes count from the real start.
 *
 * After an invitation's response is received only a marker stays ("sent on 12/05/2026"), so reopening the link
 * says so instead of showing an empty form; a QR form (a kiosk: the next person answers on the same device)
 * keeps nothing.
 */
import { isBlank, type DraftAnswers, type DraftValue } from './form';
import type { FormRef } from './router';

/** The part of the Web Storage API used here (tests give a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Draft = {
  hash: string;
  clientKey: string;
  /** When the respondent started (ms since the epoch, this device's clock): `minutes` is counted from it. */
  startedAt: number;
  /** The part being answered; null before starting (the introduction). */
  section: string | null;
  answers: DraftAnswers;
};

type Stored = { v: 1; kind: 'draft'; savedAt: number; draft: Draft } | { v: 1; kind: 'sent'; day: string };

/** A draft untouched this long is not resumed: on a shared device it is someone else's, and the survey moved on. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600_000;

export function storageKey(ref: FormRef): string {
  return ref.kind === 'code' ? `chidao.survey.qr.${ref.code}` : `chidao.survey.moi.${ref.token}`;
}

/** Fills an array with random bytes (the browser's CSPRNG; tests may give their own). */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
const cryptoFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** 128 random bits in hex (32 characters): the response's idempotency key. */
export function newClientKey(random: RandomFill = cryptoFill): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newDraft(hash: string, now: number, random?: RandomFill): Draft {
  return { hash, clientKey: newClientKey(random), startedAt: now, section: null, answers: {} };
}

function read(store: StorageLike | null, ref: FormRef): unknown {
  try {
    const text = store?.getItem(storageKey(ref));
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null; // blocked storage or a damaged record: as if nothing were kept
  }
}

function write(store: StorageLike | null, ref: FormRef, value: Stored | null): boolean {
  try {
    if (!store) return false;
    if (value === null) store.removeItem(storageKey(ref));
    else store.setItem(storageKey(ref), JSON.stringify(value));
    return true;
  } catch {
    return false; // full or blocked: the page goes on with what it holds in memory
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScale = (v: unknown) => v === 'na' || v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

/** A stored answer that a control can hold; anything else (a damaged record) is left out. */
function isDraftValue(v: unknown): v is DraftValue {
  if (typeof v === 'string' || isScale(v)) return true;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string');
  return isObj(v) && Object.values(v).every(isScale);
}

function readDraft(value: Record<string, unknown>): Draft | null {
  const d = value.draft;
  if (!isObj(d)) return null;
  const { hash, clientKey, startedAt, section, answers } = d;
  if (typeof hash !== 'string' || typeof clientKey !== 'string' || !/^[0-9a-f]{32}$/.test(clientKey))
    return null;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null;
  if (section !== null && typeof section !== 'string') return null;
  if (!isObj(answers)) return null;
  const kept: DraftAnswers = {};
  for (const [code, v] of Object.entries(answers)) if (isDraftValue(v) && !isBlank(v)) kept[code] = v;
  return { hash, clientKey, startedAt, section, answers: kept };
}

export type Opened =
  /** Nothing kept (or too old, or unreadable): a fresh start. */
  | { status: 'new'; draft: Draft }
  /** Answers kept from earlier on this device, for this very version of the form. */
  | { status: 'resumed'; draft: Draft }
  /** Answers kept for another version of the form: dropped, a fresh start, and the page says so. */
  | { status: 'changed'; draft: Draft }
  /** This invitation's response was received from this device (the day, YYYY-MM-DD on this device's clock). */
  | { status: 'sent'; day: string };

/** The day this device sent the invitation's response (YYYY-MM-DD), if it did: checked before loading the form. */
export function sentDay(store: StorageLike | null, ref: FormRef): string | null {
  const stored = read(store, ref);
  return isObj(stored) && stored.v === 1 && stored.kind === 'sent' && typeof stored.day === 'string'
    ? stored.day
    : null;
}

/** What to show when a form opens, from what this device kept. A fresh draft is stored at once. */
export function openDraft(
  store: StorageLike | null,
  ref: FormRef,
  hash: string,
  now: number,
  random?: RandomFill,
): Opened {
  const day = sentDay(store, ref);
  if (day) return { status: 'sent', day };
  const stored = read(store, ref);
  const fresh = (status: 'new' | 'changed'): Opened => {
    const draft = newDraft(hash, now, random);
    saveDraft(store, ref, draft, now);
    return { status, draft };
  };
  if (!isObj(stored) || stored.v !== 1 || stored.kind !== 'draft') return fresh('new');
  const draft = readDraft(stored);
  const savedAt = typeof stored.savedAt === 'number' ? stored.savedAt : 0;
  if (!draft || now - savedAt > DRAFT_MAX_AGE_MS) return fresh('new');
  if (draft.hash !== hash) {
    // Nothing answered on the old version: no loss to report.
    return fresh(Object.keys(draft.answers).length || draft.section !== null ? 'changed' : 'new');
  }
  return { status: 'resumed', draft };
}

/** Kept as the respondent goes (every answer, every change of part). False when the device refuses. */
export function saveDraft(store: StorageLike | null, ref: FormRef, draft: Draft, now: number): boolean {
  return write(store, ref, { v: 1, kind: 'draft', savedAt: now, draft });
}

/** Forgets the draft ("start over", or a link that can no longer be answered). */
export function clearDraft(store: StorageLike | null, ref: FormRef): void {
  write(store, ref, null);
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * The response was received: the answers go. An invitation keeps a marker of the day (its link is for one
 * person and one response); a QR form keeps nothing, ready for the next respondent.
 */
export function markSent(store: StorageLike | null, ref: FormRef, now: number): void {
  write(store, ref, ref.kind === 'token' ? { v: 1, kind: 'sent', day: localDay(now) } : null);
}

/** The browser's localStorage, or null where it is blocked (private modes, policies). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
