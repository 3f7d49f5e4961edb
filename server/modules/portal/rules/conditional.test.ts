import { describe, expect, it } from 'vitest';
import {
  cacheHeaders,
  etagOf,
  FirstSeen,
  httpDate,
  isNotModified,
  parseHttpDate,
  parseIfNoneMatch,
  PUBLIC_CACHE_CONTROL,
} from './conditional.js';

const T = Date.UTC(2026, 11, 7, 8, 30, 15);
const v = { etag: '"abc"', lastModified: T + 400 };

describe('etagOf', () => {
  it('is a quoted strong tag of 32 hex digits, the same for the same body and different otherwise', () => {
    expect(etagOf('{"a":1}')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(etagOf('{"a":1}')).toBe(etagOf(Buffer.from('{"a":1}')));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(etagOf('Tiếng Việt')).toBe(etagOf(Buffer.from('Tiếng Việt', 'utf8')));
  });
});

describe('parseIfNoneMatch', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['*', '*'],
    [' * ', '*'],
    ['"a"', ['"a"']],
    ['W/"a"', ['W/"a"']],
    ['"a", "b"', ['"a"', '"b"']],
    ['"a",W/"b" ,  "c"', ['"a"', 'W/"b"', '"c"']],
    ['""', ['""']],
    ['"a,b"', ['"a,b"']],
    ['a', []],
    ['"a', []],
    ['"a" "b"', []],
    ['"a",', []],
    ['*, "a"', []],
    ['w/"a"', []],
  ] as const)('%j → %j', (header, tags) => {
    expect(parseIfNoneMatch(header)).toEqual(tags);
  });
});

describe('parseHttpDate', () => {
  it('reads the three HTTP date forms as GMT', () => {
    const t = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(t);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(t);
    expect(parseHttpDate(' Sun, 06 Nov 1994 08:49:37 GMT ')).toBe(t);
  });
  it.each([
    undefined,
    '',
    '2026-12-07',
    '2026-12-07T08:30:00Z',
    '1765096215000',
    'Sun, 06 Nov 1994 08:49:37',
    'Sun, 06 Nov 1994 08:49:37 +0700',
    'Xyz, 06 Nov 1994 08:49:37 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 32 Nov 1994 08:49:37 GMT',
    'yesterday',
  ])('refuses %j', (h) => {
    expect(parseHttpDate(h)).toBeNull();
  });
});

describe('httpDate', () => {
  it('writes IMF-fixdate to the second', () => {
    expect(httpDate(T + 999)).toBe('Mon, 07 Dec 2026 08:30:15 GMT');
    expect(httpDate(new Date(T))).toBe('Mon, 07 Dec 2026 08:30:15 GMT');
    expect(parseHttpDate(httpDate(T + 999))).toBe(T);
  });
});

describe('isNotModified', () => {
  it('matches If-None-Match on its tags (weakly), or *', () => {
    expect(isNotModified({ 'if-none-match': '"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x", "abc"' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"x"' }, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': 'abc' }, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': '' }, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"ABC"' }, v)).toBe(false);
  });
  it('lets If-None-Match decide over If-Modified-Since', () => {
    const later = httpDate(T + 60_000);
    expect(isNotModified({ 'if-none-match': '"x"', 'if-modified-since': later }, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc"', 'if-modified-since': httpDate(0) }, v)).toBe(true);
  });
  it('uses If-Modified-Since alone: not before the last modification, to the second', () => {
    expect(isNotModified({ 'if-modified-since': httpDate(T) }, v)).toBe(true);
    expect(isNotModified({ 'if-modified-since': httpDate(T + 5_000) }, v)).toBe(true);
    expect(isNotModified({ 'if-modified-since': httpDate(T - 1_000) }, v)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'nonsense' }, v)).toBe(false);
    expect(isNotModified({ 'if-modified-since': '' }, v)).toBe(false);
    expect(isNotModified({ 'if-modified-since': httpDate(T) }, { ...v, lastModified: new Date(T) })).toBe(
      true,
    );
  });
  it('sends the body without any condition', () => {
    expect(isNotModified({}, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': undefined, 'if-modified-since': undefined }, v)).toBe(false);
  });
});

describe('cacheHeaders', () => {
  it('says public, five minutes, with the tag and the date', () => {
    expect(cacheHeaders(v)).toEqual({
      etag: '"abc"',
      'last-modified': 'Mon, 07 Dec 2026 08:30:15 GMT',
      'cache-control': PUBLIC_CACHE_CONTROL,
    });
    expect(PUBLIC_CACHE_CONTROL).toBe('public, max-age=300');
  });
});

describe('FirstSeen', () => {
  it('keeps the first date of a body, gives a new body a new date, per key, and forgets the oldest', () => {
    const seen = new FirstSeen(2);
    expect(seen.at('/a', '"1"', T + 700)).toBe(T);
    expect(seen.at('/a', '"1"', T + 90_000)).toBe(T);
    expect(seen.at('/a', '"2"', T + 90_000)).toBe(T + 90_000);
    expect(seen.at('/b', '"1"', T + 95_000)).toBe(T + 95_000);
    // The first entry was dropped (at most two kept): seen anew.
    expect(seen.at('/a', '"1"', T + 100_000)).toBe(T + 100_000);
  });
});
