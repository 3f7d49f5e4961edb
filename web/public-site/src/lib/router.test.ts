import { describe, expect, it } from 'vitest';
import { answersSearch } from './answers';
import { currentDeadline, stepperStages } from './case-view';
import { absoluteLink, matchRoute, pageKey, parseYear, pathFor, sectionOf, type Route } from './router';

describe('matchRoute / pathFor', () => {
  it('knows the public pages under /phan-anh', () => {
    expect(matchRoute('/phan-anh')).toEqual({ name: 'submit' });
    expect(matchRoute('/phan-anh/')).toEqual({ name: 'submit' });
    expect(matchRoute('/phan-anh/tra-cuu')).toEqual({ name: 'track', code: null });
    expect(matchRoute('/phan-anh/tra-cuu/')).toEqual({ name: 'track', code: null });
    expect(matchRoute('/phan-anh/tra-cuu/PA-26-7K3M-9Q2X-4HRD')).toEqual({
      name: 'track',
      code: 'PA-26-7K3M-9Q2X-4HRD',
    });
    expect(matchRoute('/phan-anh/tra-cuu/pa%2026%207k3m')).toEqual({ name: 'track', code: 'pa 26 7k3m' });
    expect(matchRoute('/Phan-Anh/Da-Tra-Loi')).toEqual({ name: 'answers' });
  });

  it('sends anything else to the not-found page', () => {
    for (const path of [
      '/',
      '/phan-anhx',
      '/phan-anh/khac',
      '/phan-anh/tra-cuu/a/b',
      '/phan-anh/da-tra-loi/x',
      '/phan-anh/tra-cuu/%E0%A4%A',
    ])
      expect(matchRoute(path)).toEqual({ name: 'notFound' });
  });

  it('makes paths that match back', () => {
    const routes: Route[] = [
      { name: 'submit' },
      { name: 'track', code: null },
      { name: 'track', code: 'PA-26-7K3M-9Q2X-4HRD' },
      { name: 'track', code: 'a/b?c' },
      { name: 'answers' },
    ];
    for (const r of routes) expect(matchRoute(pathFor(r))).toEqual(r);
    expect(pathFor({ name: 'track', code: 'PA-1' }, { key: 'k 1', other: null })).toBe(
      '/phan-anh/tra-cuu/PA-1?key=k+1',
    );
  });

  it('makes the tracking link absolute', () => {
    expect(absoluteLink('/phan-anh/tra-cuu/X?key=1', '/f', 'https://tinh.gov.vn')).toBe(
      'https://tinh.gov.vn/phan-anh/tra-cuu/X?key=1',
    );
    expect(absoluteLink('https://other.vn/x', '/f', 'https://tinh.gov.vn')).toBe('https://other.vn/x');
    expect(absoluteLink('', '/phan-anh/tra-cuu/X', 'http://10.0.0.5:3000')).toBe(
      'http://10.0.0.5:3000/phan-anh/tra-cuu/X',
    );
    expect(absoluteLink('http://[bad', '/f', 'https://tinh.gov.vn')).toBe('https://tinh.gov.vn/f');
  });
});

describe('the portal’s paths under /cong-khai', () => {
  const pairs: [string, Route][] = [
    ['/cong-khai', { name: 'home' }],
    ['/cong-khai/chi-so-cchc', { name: 'parIndex', year: null, unitId: null }],
    ['/cong-khai/chi-so-cchc/2025', { name: 'parIndex', year: 2025, unitId: null }],
    [
      '/cong-khai/chi-so-cchc/2025/6f1c3a52-7a0e-4c1b-9d2f-0a1b2c3d4e5f',
      { name: 'parIndex', year: 2025, unitId: '6f1c3a52-7a0e-4c1b-9d2f-0a1b2c3d4e5f' },
    ],
    ['/cong-khai/ho-so', { name: 'dossiers' }],
    ['/cong-khai/ke-hoach', { name: 'plan', year: null }],
    ['/cong-khai/ke-hoach/2026', { name: 'plan', year: 2026 }],
    ['/cong-khai/mo-hinh-diem', { name: 'pilots', year: null }],
    ['/cong-khai/mo-hinh-diem/2024', { name: 'pilots', year: 2024 }],
    ['/cong-khai/du-lieu-mo', { name: 'openData' }],
  ];

  it('match every path to its page and every page to its path', () => {
    for (const [path, route] of pairs) {
      expect(matchRoute(path)).toEqual(route);
      expect(pathFor(route)).toBe(path);
      expect(matchRoute(`${path}/`)).toEqual(route);
    }
  });

  it('ignore the letter case of the fixed words', () => {
    expect(matchRoute('/Cong-Khai/Chi-So-CCHC/2025')).toEqual({ name: 'parIndex', year: 2025, unitId: null });
    expect(matchRoute('/CONG-KHAI')).toEqual({ name: 'home' });
  });

  it('send malformed portal paths to the not-found page', () => {
    for (const path of [
      '/cong-khaix',
      '/cong-khai/khac',
      '/cong-khai/chi-so-cchc/nam-nay',
      '/cong-khai/chi-so-cchc/25',
      '/cong-khai/chi-so-cchc/20255',
      '/cong-khai/chi-so-cchc/1799',
      '/cong-khai/chi-so-cchc/2025/u/x',
      '/cong-khai/chi-so-cchc/2025/%E0%A4%A',
      '/cong-khai/ho-so/2025',
      '/cong-khai/ke-hoach/2026/x',
      '/cong-khai/ke-hoach/abc',
      '/cong-khai/mo-hinh-diem/0',
      '/cong-khai/du-lieu-mo/x',
    ])
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
  });

  it('keep the filters in the query', () => {
    expect(pathFor({ name: 'parIndex', year: 2025, unitId: null }, { group: 'commune', q: 'xã' })).toBe(
      '/cong-khai/chi-so-cchc/2025?group=commune&q=x%C3%A3',
    );
    expect(pathFor({ name: 'dossiers' }, { year: '2026', period: 'q3', q: null })).toBe(
      '/cong-khai/ho-so?year=2026&period=q3',
    );
    expect(pathFor({ name: 'parIndex', year: 2025, unitId: 'a b/c' })).toBe(
      '/cong-khai/chi-so-cchc/2025/a%20b%2Fc',
    );
    expect(matchRoute('/cong-khai/chi-so-cchc/2025/a%20b%2Fc')).toEqual({
      name: 'parIndex',
      year: 2025,
      unitId: 'a b/c',
    });
  });

  it('reads years in the calendar’s range only', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear('1800')).toBe(1800);
    expect(parseYear('2199')).toBe(2199);
    expect(parseYear('2200')).toBeNull();
    expect(parseYear('026')).toBeNull();
    expect(parseYear('2026a')).toBeNull();
    expect(parseYear('')).toBeNull();
  });

  it('name the section of each page', () => {
    expect(sectionOf({ name: 'submit' })).toBe('hotline');
    expect(sectionOf({ name: 'track', code: 'X' })).toBe('hotline');
    expect(sectionOf({ name: 'answers' })).toBe('hotline');
    expect(sectionOf({ name: 'parIndex', year: 2025, unitId: 'u' })).toBe('parIndex');
    expect(sectionOf({ name: 'openData' })).toBe('openData');
    expect(sectionOf({ name: 'notFound' })).toBeNull();
  });

  it('count a new year or filter as the same page, another unit or hotline path as a new one', () => {
    expect(pageKey({ name: 'parIndex', year: null, unitId: null })).toBe(
      pageKey({ name: 'parIndex', year: 2024, unitId: null }),
    );
    expect(pageKey({ name: 'plan', year: 2025 })).toBe(pageKey({ name: 'plan', year: null }));
    expect(pageKey({ name: 'parIndex', year: 2024, unitId: 'a' })).not.toBe(
      pageKey({ name: 'parIndex', year: 2024, unitId: 'b' }),
    );
    expect(pageKey({ name: 'track', code: 'A' })).not.toBe(pageKey({ name: 'track', code: 'B' }));
    expect(pageKey({ name: 'submit' })).not.toBe(pageKey({ name: 'answers' }));
  });
});

describe('answersSearch', () => {
  it('keeps the search in the address and other parameters as they are', () => {
    expect(answersSearch('', ' đất đai ', '')).toBe('?q=%C4%91%E1%BA%A5t+%C4%91ai');
    expect(answersSearch('?lang=en&q=old', '', 'c1')).toBe('?lang=en&categoryId=c1');
    expect(answersSearch('?q=x&categoryId=c1', '', '')).toBe('');
  });
});

describe('the case’s stepper and deadline', () => {
  it('follows the main path', () => {
    expect(stepperStages('received')).toEqual([
      { stage: 'received', state: 'current' },
      { stage: 'in_progress', state: 'upcoming' },
      { stage: 'answered', state: 'upcoming' },
    ]);
    expect(stepperStages('answered').map((s) => s.state)).toEqual(['done', 'done', 'current']);
  });

  it('ends on a stage off the main path right after "received"', () => {
    for (const stage of ['not_accepted', 'forwarded', 'merged'] as const)
      expect(stepperStages(stage)).toEqual([
        { stage: 'received', state: 'done' },
        { stage, state: 'current' },
      ]);
  });

  it('shows the deadline the reader waits on, only as the server gave it', () => {
    const c = { triageDueDate: '2026-03-09', dueDate: '2026-04-01' };
    expect(currentDeadline({ ...c, stage: 'received' })).toEqual({ kind: 'triage', date: '2026-03-09' });
    expect(currentDeadline({ ...c, stage: 'in_progress' })).toEqual({ kind: 'answer', date: '2026-04-01' });
    expect(currentDeadline({ ...c, dueDate: null, stage: 'in_progress' })).toBeNull();
    expect(currentDeadline({ ...c, stage: 'answered' })).toBeNull();
  });
});
