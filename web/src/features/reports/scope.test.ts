import { describe, expect, it } from 'vitest';
import { reportScope } from './scope';

const grant = (role: string, unitId: string) => ({ id: `${role}-${unitId}`, role, unitId }) as never;

describe('what the reports landing shows', () => {
  it('the province rounds for the standing agency and the committee', () => {
    expect(reportScope({ grants: [grant('standing_officer', 'P')] })).toEqual({
      ownerUnitId: 'P',
      unitPeople: false,
    });
    expect(reportScope({ grants: [grant('committee_member', 'P')] })).toEqual({
      ownerUnitId: 'P',
      unitPeople: false,
    });
  });

  it("a unit's reports for its focal point and leader", () => {
    expect(reportScope({ grants: [grant('focal_point', 'U')] })).toEqual({
      ownerUnitId: null,
      unitPeople: true,
    });
    expect(reportScope({ grants: [grant('unit_leader', 'U'), grant('admin', 'P')] })).toEqual({
      ownerUnitId: 'P',
      unitPeople: true,
    });
  });

  it('nothing for others or when signed out', () => {
    expect(reportScope({ grants: [grant('inspector', 'P')] })).toEqual({
      ownerUnitId: null,
      unitPeople: false,
    });
    expect(reportScope(null)).toEqual({ ownerUnitId: null, unitPeople: false });
  });
});
