import { describe, expect, it } from 'vitest';
import type { FormRef } from './router';
import {
  clearDraft,
  DRAFT_MAX_AGE_MS,
  markSent,
  newClientKey,
  openDraft,
  saveDraft,
  sentDay,
  storageKey,
  type StorageLike,
} from './storage';

/** The Web Storage interface over a Map (what localStorage does, for one page's life — or several: it is kept). */
function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const QR: FormRef = { kind: 'code', code: 'NA-7K3M' };
const INVITE: FormRef = { kind: 'token', token: 'tok_0123456789abcdef0123' };
const HASH = 'a'.repeat(64);
const T0 = Date.UTC(2026, 4, 12, 3, 0, 0);

describe('newClientKey', () => {
  it('is 128 random bits in hex', () => {
    const key = newClientKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newClientKey()).not.toBe(key);
    expect(newClientKey((b) => b.fill(0xab))).toBe('ab'.repeat(16));
  });
});

describe('openDraft / saveDraft: resumable', () => {
  it('starts fresh, then resumes the answers, the part, the client key and the start time after a reload', () => {
    const store = memoryStorage();
    const first = openDraft(store, QR, HASH, T0);
    expect(first.status).toBe('new');
    if (first.status === 'sent') throw new Error('unexpected');
    // Stored at once: a reload before the first answer keeps the same key and start.
    expect(store.map.has(storageKey(QR))).toBe(true);
    const answered = {
      ...first.draft,
      section: 'rate',
      answers: { gioi_tinh: 'nu', tuoi: '34', bang: { r1: 5 as const } },
    };
    expect(saveDraft(store, QR, answered, T0 + 60_000)).toBe(true);

    const again = openDraft(store, QR, HASH, T0 + 120_000);
    expect(again).toEqual({ status: 'resumed', draft: answered });
    if (again.status !== 'resumed') throw new Error('unexpected');
    expect(again.draft.clientKey).toBe(first.draft.clientKey);
    expect(again.draft.startedAt).toBe(T0);
  });

  it('keeps the client key across reloads before any answer', () => {
    const store = memoryStorage();
    const a = openDraft(store, INVITE, HASH, T0);
    const b = openDraft(store, INVITE, HASH, T0 + 5_000);
    expect(b.status).toBe('resumed');
    if (a.status === 'sent' || b.status === 'sent') throw new Error('unexpected');
    expect(b.draft.clientKey).toBe(a.draft.clientKey);
  });

  it("starts fresh, and says so, when the form's version changed", () => {
    const store = memoryStorage();
    const first = openDraft(store, QR, HASH, T0);
    if (first.status === 'sent') throw new Error('unexpected');
    saveDraft(store, QR, { ...first.draft, section: 'info', answers: { gioi_tinh: 'nam' } }, T0);
    const changed = openDraft(store, QR, 'b'.repeat(64), T0 + 1000);
    expect(changed.status).toBe('changed');
    if (changed.status !== 'changed') throw new Error('unexpected');
    expect(changed.draft).toMatchObject({ hash: 'b'.repeat(64), section: null, answers: {} });
    expect(changed.draft.clientKey).not.toBe(first.draft.clientKey);
    // The fresh draft is what is kept now.
    expect(openDraft(store, QR, 'b'.repeat(64), T0 + 2000).status).toBe('resumed');
  });

  it('does not report a change when nothing had been answered on the old version', () => {
    const store = memoryStorage();
    openDraft(store, QR, HASH, T0);
    expect(openDraft(store, QR, 'c'.repeat(64), T0 + 1000).status).toBe('new');
  });

  it('keeps one draft per form: a QR code and an invitation do not mix', () => {
    const store = memoryStorage();
    const qr = openDraft(store, QR, HASH, T0);
    if (qr.status === 'sent') throw new Error('unexpected');
    saveDraft(store, QR, { ...qr.draft, answers: { gioi_tinh: 'nu' } }, T0);
    const other = openDraft(store, { kind: 'code', code: 'NA-OTHER' }, HASH, T0);
    expect(other.status).toBe('new');
  });

  it('forgets a draft untouched for too long', () => {
    const store = memoryStorage();
    const first = openDraft(store, QR, HASH, T0);
    if (first.status === 'sent') throw new Error('unexpected');
    saveDraft(store, QR, { ...first.draft, answers: { gioi_tinh: 'nu' } }, T0);
    expect(openDraft(store, QR, HASH, T0 + DRAFT_MAX_AGE_MS + 1).status).toBe('new');
  });

  it('reads a damaged record as nothing, and leaves out answers no control can hold', () => {
    const store = memoryStorage();
    store.setItem(storageKey(QR), '{not json');
    expect(openDraft(store, QR, HASH, T0).status).toBe('new');
    store.setItem(
      storageKey(QR),
      JSON.stringify({
        v: 1,
        kind: 'draft',
        savedAt: T0,
        draft: {
          hash: HASH,
          clientKey: 'f'.repeat(32),
          startedAt: T0,
          section: 'info',
          answers: {
            ok: 'nu',
            list: ['a'],
            rows: { r1: 3, r2: 'na' },
            bad: { r1: 9 },
            worse: [1],
            blank: '',
          },
        },
      }),
    );
    const opened = openDraft(store, QR, HASH, T0);
    expect(opened.status === 'resumed' && opened.draft.answers).toEqual({
      ok: 'nu',
      list: ['a'],
      rows: { r1: 3, r2: 'na' },
    });
    store.setItem(
      storageKey(QR),
      JSON.stringify({ v: 1, kind: 'draft', savedAt: T0, draft: { hash: HASH, clientKey: 'short' } }),
    );
    expect(openDraft(store, QR, HASH, T0).status).toBe('new');
  });

  it('goes on without storage (blocked, full, or none at all)', () => {
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const opened = openDraft(refusing, QR, HASH, T0);
    expect(opened.status).toBe('new');
    if (opened.status === 'sent') throw new Error('unexpected');
    expect(saveDraft(refusing, QR, opened.draft, T0)).toBe(false);
    expect(() => clearDraft(refusing, QR)).not.toThrow();
    expect(openDraft(null, QR, HASH, T0).status).toBe('new');
  });
});

describe('after sending', () => {
  it('an invitation keeps only a marker of the day: reopening says it was sent', () => {
    const store = memoryStorage();
    const opened = openDraft(store, INVITE, HASH, T0);
    if (opened.status === 'sent') throw new Error('unexpected');
    saveDraft(store, INVITE, { ...opened.draft, answers: { gioi_tinh: 'nu' } }, T0);
    markSent(store, INVITE, new Date(2026, 4, 12, 9, 30).getTime());
    expect(sentDay(store, INVITE)).toBe('2026-05-12');
    expect(openDraft(store, INVITE, HASH, T0)).toEqual({ status: 'sent', day: '2026-05-12' });
    // Nothing of the answers stays on the device.
    expect(store.map.get(storageKey(INVITE))).not.toContain('gioi_tinh');
    expect(store.map.get(storageKey(INVITE))).not.toContain(opened.draft.clientKey);
  });

  it('a QR form keeps nothing: the next respondent on the same device starts fresh', () => {
    const store = memoryStorage();
    const opened = openDraft(store, QR, HASH, T0);
    if (opened.status === 'sent') throw new Error('unexpected');
    markSent(store, QR, T0);
    expect(store.map.size).toBe(0);
    expect(sentDay(store, QR)).toBeNull();
    const next = openDraft(store, QR, HASH, T0);
    expect(next.status).toBe('new');
    if (next.status === 'sent') throw new Error('unexpected');
    expect(next.draft.clientKey).not.toBe(opened.draft.clientKey);
  });

  it('"start over" forgets the draft', () => {
    const store = memoryStorage();
    openDraft(store, QR, HASH, T0);
    clearDraft(store, QR);
    expect(store.map.size).toBe(0);
  });
});
