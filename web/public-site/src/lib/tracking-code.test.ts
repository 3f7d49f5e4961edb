import { describe, expect, it } from 'vitest';
import { normaliseTrackingCode } from './tracking-code';

type ServerRule = {
  newTrackingCode: (year: number, random?: (n: number) => Uint8Array) => string;
  normaliseTrackingCode: (input: string) => string | null;
};

// The server's rule, loaded at run time (it imports node:crypto, which the web's type-check does not know).
const serverRulePath = '../../../../server/modules/hotline/rules/tracking-code.ts';
const loadServerRule = () => import(/* @vite-ignore */ serverRulePath) as Promise<ServerRule>;

const CODE = 'PA-26-7K3M-9Q2X-4HR';
/** A valid code: the check symbol computed as the server does. */
function withCheck(body: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const symbols = body.replace(/^PA/, '').replace(/-/g, '');
  let sum = 0;
  for (const s of symbols) sum = (sum * 32 + alphabet.indexOf(s)) % 37;
  if (sum >= 32) throw new Error(`${body}: a body the server never issues`);
  return `${body}${alphabet[sum]}`;
}

describe('normaliseTrackingCode', () => {
  const valid = withCheck(CODE);

  it('keeps a canonical code', () => {
    expect(valid).toMatch(/^PA-26-7K3M-9Q2X-4HR[0-9A-Z]$/);
    expect(normaliseTrackingCode(valid)).toBe(valid);
  });

  it('accepts lower case, spaces, missing or odd dashes', () => {
    const compact = valid.replace(/-/g, '');
    expect(normaliseTrackingCode(valid.toLowerCase())).toBe(valid);
    expect(normaliseTrackingCode(`  ${compact}  `)).toBe(valid);
    expect(normaliseTrackingCode(compact.replace(/(.{4})/g, '$1 '))).toBe(valid);
    expect(normaliseTrackingCode(valid.replace(/-/g, ' – '))).toBe(valid);
    expect(normaliseTrackingCode(valid.replace(/-/g, '—'))).toBe(valid);
  });

  it('reads O as 0 and I, L as 1', () => {
    const code = withCheck('PA-26-10K0-0Q1X-4HR');
    const typed = code.replace('10K0', 'iOKo').replace('0Q1X', 'OQLX');
    expect(normaliseTrackingCode(typed)).toBe(code);
  });

  it('refuses a typo (check symbol), other prefixes and lengths', () => {
    const last = valid.at(-1)!;
    const wrong = valid.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect(normaliseTrackingCode(wrong)).toBeNull();
    expect(normaliseTrackingCode(valid.replace('7K3M', 'K73M'))).toBeNull();
    expect(normaliseTrackingCode(valid.replace('PA', 'PB'))).toBeNull();
    expect(normaliseTrackingCode(valid.slice(0, -2))).toBeNull();
    expect(normaliseTrackingCode('')).toBeNull();
    expect(normaliseTrackingCode('PA-2X-7K3M-9Q2X-4HRD')).toBeNull();
    expect(normaliseTrackingCode('x'.repeat(100))).toBeNull();
  });

  it('agrees with the server on the codes it makes, as typed by people', async () => {
    const server = await loadServerRule();
    let seed = 7;
    const random = (n: number) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        out[i] = seed & 0xff;
      }
      return out;
    };
    for (let i = 0; i < 300; i++) {
      const code = server.newTrackingCode(2026, random);
      const variants = [
        code,
        code.toLowerCase(),
        code.replace(/-/g, ''),
        code.replace(/-/g, ' '),
        code.replace(/0/g, 'O'),
      ];
      for (const v of variants) expect(normaliseTrackingCode(v)).toBe(server.normaliseTrackingCode(v));
      const typo = code.slice(0, 8) + (code[8] === 'Z' ? 'Y' : 'Z') + code.slice(9);
      expect(normaliseTrackingCode(typo)).toBe(server.normaliseTrackingCode(typo));
    }
  });
});
