import type { MessageKey } from '../../core/messages.js';

/**
 * Password policy (pure). Length first, as current guidance recommends (NIST SP 800-63B §5.1.1.2): at
 * least 10 characters, at most 128; a mix of two character classes; not the user name; not a known
 * common password. Returns the first problem, or null when the password is acceptable.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'password123',
  'password1234',
  'matkhau123',
  'matkhau@123',
  'abc123456789',
  'qwertyuiop',
  'qwerty12345',
  'admin12345',
  'admin@1234',
  'administrator',
  'iloveyou123',
  'vietnam123',
  'vietnam@123',
  'chidao12345',
  '11111111111',
  'aaaaaaaaaa',
]);

export type PasswordProblem = { key: MessageKey; params?: Record<string, number> };

export function checkPassword(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { key: 'password.too_short', params: { min: PASSWORD_MIN } };
  if (length > PASSWORD_MAX) return { key: 'password.too_long', params: { max: PASSWORD_MAX } };
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) =>
    re.test(password),
  ).length;
  if (classes < 2) return { key: 'password.classes' };
  const lower = password.toLowerCase();
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return { key: 'password.contains_email' };
  if (COMMON.has(lower)) return { key: 'password.common' };
  return null;
}
