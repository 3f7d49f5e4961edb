/**
 * The submission form's rules, without React: the values, what is checked before sending (the server checks
 * everything again), the attachments' type and size, and the JSON of the `data` field.
 */
import { formatFileSize } from './format';
import type { MessageKey } from '../locales/vi';
import type { FeedbackPayload, FormLimits } from './types';

/** The fields in the order of the page (the focus goes to the first with an error). */
export const FEEDBACK_FIELDS = [
  'categoryId',
  'subjectUnitId',
  'place',
  'lat',
  'lng',
  'title',
  'description',
  'files',
  'name',
  'phone',
  'email',
  'address',
  'anonymous',
  'follow',
  'captcha',
] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

/** The lengths the server accepts (`publicFeedbackIn` in hotline.schemas.ts). */
/** The shortest description the server takes (`PUBLIC_DESCRIPTION_MIN`; a test keeps the two equal). */
export const MIN_DESCRIPTION = 20;

export const MAX = {
  place: 300,
  title: 200,
  description: 5000,
  name: 120,
  phone: 30,
  email: 200,
  address: 300,
};

export type FeedbackValues = {
  categoryId: string;
  subject: { id: string; name: string } | null;
  /** What is typed in the unit's box (a name typed but not picked from the list is not sent). */
  subjectText: string;
  place: string;
  lat: number | null;
  lng: number | null;
  title: string;
  description: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  anonymous: boolean;
  follow: boolean;
};

export const emptyFeedback = (): FeedbackValues => ({
  categoryId: '',
  subject: null,
  subjectText: '',
  place: '',
  lat: null,
  lng: null,
  title: '',
  description: '',
  name: '',
  phone: '',
  email: '',
  address: '',
  anonymous: false,
  follow: false,
});

export type Problem = { key: MessageKey; params?: Record<string, string | number> };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9+()\-.\s]*$/;

/** An e-mail address's shape (the server decides the rest). */
export const isEmail = (value: string) => EMAIL.test(value.trim());

/** The length as the server counts it (after trimming; a character is a code unit, as in Zod). */
const len = (s: string) => s.trim().length;

function tooLong(value: string, max: number): Problem | null {
  const count = len(value);
  return count > max ? { key: 'v.tooLong', params: { max, count } } : null;
}

/** What is wrong before sending, by field (empty when nothing is). */
export function validateFeedback(v: FeedbackValues): Partial<Record<FeedbackField, Problem>> {
  const out: Partial<Record<FeedbackField, Problem>> = {};
  const set = (field: FeedbackField, problem: Problem | null) => {
    if (problem && !out[field]) out[field] = problem;
  };
  if (!v.categoryId) set('categoryId', { key: 'v.category' });
  if (!v.subject && v.subjectText.trim()) set('subjectUnitId', { key: 'v.subjectPick' });
  set('place', tooLong(v.place, MAX.place));
  if (!len(v.title)) set('title', { key: 'v.title' });
  set('title', tooLong(v.title, MAX.title));
  if (len(v.description) < MIN_DESCRIPTION)
    set('description', { key: 'v.description', params: { min: MIN_DESCRIPTION } });
  set('description', tooLong(v.description, MAX.description));
  set('name', tooLong(v.name, MAX.name));
  if (!PHONE.test(v.phone)) set('phone', { key: 'v.phone' });
  set('phone', tooLong(v.phone, MAX.phone));
  const email = v.email.trim();
  if (email && !isEmail(email)) set('email', { key: 'v.email' });
  set('email', tooLong(v.email, MAX.email));
  set('address', tooLong(v.address, MAX.address));
  if (v.follow && !email) set('follow', { key: 'v.followNeedsEmail' });
  return out;
}

/** The JSON of the `data` field (trimmed texts; `idempotencyKey` once per form; the captcha's answer). */
export function feedbackPayload(
  v: FeedbackValues,
  idempotencyKey: string,
  captcha: { token: string; nonce: string },
): FeedbackPayload {
  return {
    categoryId: v.categoryId,
    subjectUnitId: v.subject?.id ?? null,
    place: v.place.trim(),
    lat: v.lat,
    lng: v.lng,
    title: v.title.trim(),
    description: v.description.trim(),
    name: v.name.trim(),
    phone: v.phone.trim(),
    email: v.email.trim(),
    address: v.address.trim(),
    anonymous: v.anonymous,
    follow: v.follow,
    idempotencyKey,
    captcha: { token: captcha.token, nonce: captcha.nonce },
  };
}

/** `multipart/form-data`: `data` first (the server reads it before the files), then each file as `files`. */
export function feedbackFormData(payload: FeedbackPayload, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('data', JSON.stringify(payload));
  for (const file of files) form.append('files', file, file.name);
  return form;
}

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
};

/** The file's type: the browser's, or from its extension when the browser gives none (some phones). */
export function fileType(file: { name: string; type: string }): string {
  if (file.type) return file.type.toLowerCase();
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? '';
}

/** Whether `type` is one of `accepted` (`image/png`, or a family such as `image/*`). */
export function typeAccepted(type: string, accepted: readonly string[]): boolean {
  if (!type) return false;
  return accepted.some((a) => {
    const x = a.toLowerCase();
    return x.endsWith('/*') ? type.startsWith(x.slice(0, -1)) : type === x;
  });
}

/** The `accept` attribute of the file input: the types, and their extensions for pickers that want them. */
export function acceptAttribute(accepted: readonly string[]): string {
  const exts = Object.entries(BY_EXTENSION)
    .filter(([, type]) => typeAccepted(type, accepted))
    .map(([ext]) => `.${ext}`);
  return [...accepted, ...exts].join(',');
}

type FileLike = { name: string; type: string; size: number };

/**
 * The files added to those already chosen: which are taken, and why the others are not (type, size, empty, one
 * too many), in the order given.
 */
export function checkFiles<T extends FileLike>(
  chosen: readonly T[],
  added: readonly T[],
  limits: FormLimits,
): { accepted: T[]; rejected: { name: string; problem: Problem }[] } {
  const accepted: T[] = [];
  const rejected: { name: string; problem: Problem }[] = [];
  const maxBytes = limits.fileMegabytes * 1024 * 1024;
  for (const file of added) {
    const name = file.name;
    if (!typeAccepted(fileType(file), limits.types)) {
      rejected.push({ name, problem: { key: 'files.badType', params: { name } } });
    } else if (file.size === 0) {
      rejected.push({ name, problem: { key: 'files.empty', params: { name } } });
    } else if (file.size > maxBytes) {
      rejected.push({
        name,
        problem: {
          key: 'files.tooLarge',
          params: {
            name,
            size: formatFileSize(file.size),
            mb: String(limits.fileMegabytes).replace('.', ','),
          },
        },
      });
    } else if (chosen.length + accepted.length >= limits.files) {
      rejected.push({ name, problem: { key: 'files.tooMany', params: { name, max: limits.files } } });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, rejected };
}

/**
 * A new idempotency key: `crypto.randomUUID()`, or the same from `getRandomValues` where randomUUID is missing
 * (it exists only on https and localhost; a province may serve the pages over plain http inside its network).
 */
export function newIdempotencyKey(
  c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
