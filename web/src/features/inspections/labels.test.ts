import { describe, expect, it } from 'vitest';
import type { TeamMember } from './api';
import { dateRange, teamOrder } from './labels';

const member = (name: string, role: 'head' | 'member'): TeamMember => ({
  id: name,
  user: { id: name, fullName: name },
  unit: { id: 'u', name: 'Sở Nội vụ', kind: 'department', ended: false },
  role,
  conflicts: [],
});

describe('inspection labels', () => {
  it('show a range of dates dd/mm/yyyy, one date when both are the same day', () => {
    expect(dateRange('2026-12-02', '2026-12-08')).toBe('02/12/2026 – 08/12/2026');
    expect(dateRange('2026-12-02', '2026-12-02')).toBe('02/12/2026');
  });

  it('put the head of the team first, then the members in Vietnamese order', () => {
    const team = [
      member('Đặng Văn B', 'member'),
      member('Trần Thị C', 'head'),
      member('Bùi Văn A', 'member'),
    ];
    expect(teamOrder(team).map((m) => m.user.fullName)).toEqual(['Trần Thị C', 'Bùi Văn A', 'Đặng Văn B']);
  });
});
