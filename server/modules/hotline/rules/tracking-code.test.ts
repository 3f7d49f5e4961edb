import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

/** Repeatable "random" bytes: SHA-256 of a counter (tests only). */
function seeded(seed: string) {
  let n = 0;
  return (size: number) => {
    const out = Buffer.alloc(size);
    for (let filled = 0; filled < size; n++) {
      const block = createHash('sha256').update(`${seed}:${n}`).digest();
      filled += block.copy(out, filled);
    }
    return out;
  };
}
const fixed = (bytes: number[]) => () => Uint8Array.from(bytes);

describe('newTrackingCode (domain notes §3: citizens track feedback by code)', () => {
  it('is PA, the 2-digit year and three groups of four Crockford symbols', () => {
    const code = newTrackingCode(2026);
    expect(code).toMatch(/^PA-26-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(isTrackingCode(code)).toBe(true);
    expect(newTrackingCode(2000)).toMatch(/^PA-00-/);
    expect(newTrackingCode(2099)).toMatch(/^PA-99-/);
  });
  it('encodes the low 5 bits of each random byte and appends the mod-37 check', () => {
    // Year 26 and body 00000000000: value 2·32¹² + 6·32¹¹ ≡ 8 (mod 37) → '8'.
    expect(newTrackingCode(2026, fixed(Array(11).fill(0)))).toBe('PA-26-0000-0000-0008');
    // 0xE0 | 1 has low bits 1: the high bits are ignored.
    expect(newTrackingCode(2026, fixed(Array(11).fill(0xe1)))).toBe(
      newTrackingCode(2026, fixed(Array(11).fill(1))),
    );
  });
  it('draws again when the check would be one of the extra symbols *~$=U (values 32–36)', () => {
    // Year 26 and body 0000000000R (R = 24) ≡ 32 (mod 37) → redrawn; 00000000001 ≡ 9 → '9'.
    const draws = [Array(11).fill(0).fill(24, 10), Array(11).fill(0).fill(1, 10)];
    let calls = 0;
    const code = newTrackingCode(2026, () => Uint8Array.from(draws[calls++]!));
    expect(calls).toBe(2);
    expect(code).toBe('PA-26-0000-0000-0019');
    expect(isTrackingCode(code)).toBe(true);
  });
  it('100,000 codes are all different and all valid', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 100_000; i++) codes.add(newTrackingCode(2026));
    expect(codes.size).toBe(100_000);
    expect([...codes].every((c) => normaliseTrackingCode(c) === c)).toBe(true);
  });
  it('uses every symbol of the alphabet in every body position', () => {
    const random = seeded('positions');
    const seen = Array.from({ length: 12 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) {
      const symbols = newTrackingCode(2026, random).slice(6).replace(/-/g, '');
      [...symbols].forEach((s, at) => seen[at]!.add(s));
    }
    expect(seen.map((s) => s.size)).toEqual(Array(12).fill(32));
  });
  it('refuses years outside 2000–2099 and short random sources', () => {
    expect(() => newTrackingCode(1999)).toThrow(RangeError);
    expect(() => newTrackingCode(2100)).toThrow(RangeError);
    expect(() => newTrackingCode(2026.5)).toThrow(RangeError);
    expect(() => newTrackingCode(2026, fixed([1, 2, 3]))).toThrow(RangeError);
  });
});

describe('normaliseTrackingCode', () => {
  const code = newTrackingCode(2026, seeded('normalise'));
  const bare = code.replace(/-/g, '');

  it('accepts the code as typed: any case, spaces, dashes, surrounding blanks', () => {
    for (const typed of [
      code,
      code.toLowerCase(),
      bare,
      bare.toLowerCase(),
      `  ${code}\n`,
      code.replace(/-/g, ' '),
      code.replace(/-/g, ' - '),
      code.replace(/-/g, '–'),
      `PA ${bare.slice(2, 4)} ${bare.slice(4)}`,
      bare.split('').join(' '),
    ])
      expect(normaliseTrackingCode(typed), typed).toBe(code);
  });
  it('reads O as 0 and I or L as 1 (Crockford)', () => {
    expect(normaliseTrackingCode('pa-26-oooo-oooo-ooo8')).toBe('PA-26-0000-0000-0008');
    const ones = newTrackingCode(2026, fixed(Array(11).fill(1)));
    expect(ones.slice(6, 10)).toBe('1111');
    expect(normaliseTrackingCode(ones.replace('1111', 'ILil'))).toBe(ones);
  });
  it('reads full-width characters as their plain forms (NFKC)', () => {
    const wide = [...code]
      .map((c) => (c === '-' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
      .join('');
    expect(normaliseTrackingCode(wide)).toBe(code);
  });
  it('gives null for anything that is not a code', () => {
    for (const typed of [
      '',
      'PA',
      'PA-26',
      code.slice(0, -1),
      code + '7',
      code.replace(/^PA/, 'PB'),
      code.replace(/^PA/, ''),
      code.replace(/^PA-26/, 'PA-2X'),
      code.replace('-', '.'),
      code.slice(0, 8) + 'U' + code.slice(9),
      code.slice(0, -1) + '*',
      'x'.repeat(65),
      `${code} `.repeat(5),
    ])
      expect(normaliseTrackingCode(typed), typed).toBeNull();
    expect(normaliseTrackingCode(42 as unknown as string)).toBeNull();
  });
  it('detects every single-character typo: the result is null or the same code, never another one', () => {
    const typing = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-. *~$=_/'];
    for (let i = 0; i < 200; i++) {
      const original = newTrackingCode(2000 + (i % 100), seeded(`typo${i}`));
      for (let at = 0; at < original.length; at++)
        for (const c of typing) {
          if (c === original[at]) continue;
          const typo = original.slice(0, at) + c + original.slice(at + 1);
          const read = normaliseTrackingCode(typo);
          if (read !== null) expect(read, `${original} → ${typo}`).toBe(original);
        }
    }
  });
  it('detects every swap of two neighbouring symbols', () => {
    for (let i = 0; i < 200; i++) {
      const original = newTrackingCode(2026, seeded(`swap${i}`)).replace(/-/g, '');
      for (let at = 2; at < original.length - 1; at++) {
        if (original[at] === original[at + 1]) continue;
        const swapped = original.slice(0, at) + original[at + 1] + original[at] + original.slice(at + 2);
        expect(normaliseTrackingCode(swapped), swapped).toBeNull();
      }
    }
  });
});

describe('isTrackingCode', () => {
  it('is true only for a code in its canonical form with the right check', () => {
    const code = newTrackingCode(2026);
    expect(isTrackingCode(code)).toBe(true);
    expect(isTrackingCode(code.toLowerCase())).toBe(false);
    expect(isTrackingCode(code.replace(/-/g, ''))).toBe(false);
    expect(isTrackingCode(` ${code}`)).toBe(false);
    expect(isTrackingCode('PA-26-0000-0000-0008')).toBe(true);
    expect(isTrackingCode('PA-26-0000-0000-0009')).toBe(false);
    expect(isTrackingCode(null)).toBe(false);
    expect(isTrackingCode(26)).toBe(false);
  });
});
