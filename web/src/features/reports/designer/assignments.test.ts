import { describe, expect, it } from 'vitest';
import { assignmentState } from './assignments';

describe('assignmentState', () => {
  it('tells in force, ended and upcoming apart (the last day still holds)', () => {
    expect(assignmentState({ validFrom: '2026-01-01', validTo: null }, '2026-03-01')).toBe('active');
    expect(assignmentState({ validFrom: '2026-01-01', validTo: '2026-03-01' }, '2026-03-01')).toBe('active');
    expect(assignmentState({ validFrom: '2026-01-01', validTo: '2026-02-28' }, '2026-03-01')).toBe('ended');
    expect(assignmentState({ validFrom: '2026-04-01', validTo: null }, '2026-03-01')).toBe('upcoming');
    expect(assignmentState({ validFrom: '2026-03-01', validTo: null }, '2026-03-01')).toBe('active');
  });
});
