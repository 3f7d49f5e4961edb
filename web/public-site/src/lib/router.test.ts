import { describe, expect, it } from 'vitest';
import { answersSearch } from './answers';
import { currentDeadline, stepperStages } from './case-view';
import { absoluteLink, matchRoute, pathFor, type Route } from './router';

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
