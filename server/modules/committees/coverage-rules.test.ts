import { describe, expect, it } from 'vitest';
import { coverageCategories, defaultCoverageKind, localRecipient } from './coverage-rules.js';

describe('coverageCategories: counted by the unit registry’s kinds, each a category of its own', () => {
  const units = [
    { id: 'tuphap', kind: 'department' },
    { id: 'noivu', kind: 'department' },
    { id: 'bqlkkt', kind: 'management_board' },
    { id: 'bantochuc', kind: 'party_body' },
    { id: 'mttq', kind: 'mass_organisation' },
    { id: 'dienchau', kind: 'district' },
    { id: 'kyson', kind: 'district' },
    { id: 'province', kind: 'province' },
    { id: 'x', kind: 'other' },
  ];
  const cats = coverageCategories(
    units,
    new Set(['tuphap', 'dienchau', 'mttq']),
    new Set(['noivu', 'dienchau']),
  );
  it('lists the kinds present in order, leaving the province and "other" out', () => {
    expect(cats.map((c) => c.kind)).toEqual([
      'department',
      'management_board',
      'party_body',
      'mass_organisation',
      'district',
    ]);
  });
  it('counts, per kind, the units, those with their own committee and those a member follows', () => {
    expect(cats.find((c) => c.kind === 'department')).toEqual({
      kind: 'department',
      total: 2,
      founded: 1,
      followed: 1,
    });
    expect(cats.find((c) => c.kind === 'district')).toEqual({
      kind: 'district',
      total: 2,
      founded: 1,
      followed: 1,
    });
    expect(cats.find((c) => c.kind === 'mass_organisation')).toMatchObject({ total: 1, founded: 1 });
  });
  it('opens on the kind asked for when present, else the first present', () => {
    expect(defaultCoverageKind(cats, 'district')).toBe('district');
    expect(defaultCoverageKind(cats, 'commune')).toBe('department');
    expect(defaultCoverageKind([], 'district')).toBeNull();
  });
});

describe('localRecipient: the localities a provincial document goes to follow the year’s units', () => {
  it('2024 (districts until 30/6/2025): UBND cấp huyện', () => {
    expect(localRecipient(new Set(['district', 'commune']))).toBe('UBND cấp huyện');
  });
  it('2026 (two-level local government from 1/7/2025): only UBND cấp xã', () => {
    expect(localRecipient(new Set(['commune']))).toBe('UBND cấp xã');
  });
  it('no localities recorded: none', () => {
    expect(localRecipient(new Set())).toBeNull();
  });
});
