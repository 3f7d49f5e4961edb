import { describe, expect, it } from 'vitest';
import { matchRoute, pathFor, type FormRef } from './router';

describe('matchRoute', () => {
  it('knows a QR code and an invitation', () => {
    expect(matchRoute('/khao-sat/NA-7K3M')).toEqual({ name: 'form', ref: { kind: 'code', code: 'NA-7K3M' } });
    expect(matchRoute('/khao-sat/NA-7K3M/')).toEqual({
      name: 'form',
      ref: { kind: 'code', code: 'NA-7K3M' },
    });
    expect(matchRoute('/Khao-Sat/na-7k3m')).toEqual({ name: 'form', ref: { kind: 'code', code: 'na-7k3m' } });
    expect(matchRoute('/khao-sat/moi/tok_0123456789abcdef')).toEqual({
      name: 'form',
      ref: { kind: 'token', token: 'tok_0123456789abcdef' },
    });
    expect(matchRoute('/khao-sat/MOI/tok_0123456789abcdef')).toMatchObject({ ref: { kind: 'token' } });
    expect(matchRoute('/khao-sat/ma%20so')).toEqual({ name: 'form', ref: { kind: 'code', code: 'ma so' } });
  });

  it('sends anything else to the not-found page', () => {
    for (const path of [
      '/',
      '/khao-sat',
      '/khao-sat/',
      '/khao-sat/moi',
      '/khao-sat/moi/short',
      '/khao-sat/abc', // shorter than a code
      `/khao-sat/${'x'.repeat(41)}`,
      `/khao-sat/moi/${'x'.repeat(101)}`,
      '/khao-sat/NA-7K3M/more',
      '/khao-sat/moi/tok_0123456789abcdef/more',
      '/khao-sat/%E0%A4%A',
      '/phan-anh/NA-7K3M',
    ])
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
  });
});

describe('pathFor', () => {
  it('makes the paths back, escaped', () => {
    const refs: FormRef[] = [
      { kind: 'code', code: 'NA-7K3M' },
      { kind: 'code', code: 'ma so/1' },
      { kind: 'token', token: 'tok_0123456789abcdef+/=' },
    ];
    for (const ref of refs) expect(matchRoute(pathFor(ref))).toEqual({ name: 'form', ref });
    expect(pathFor({ kind: 'token', token: 'tok_0123456789abcdef' })).toBe(
      '/khao-sat/moi/tok_0123456789abcdef',
    );
  });
});
