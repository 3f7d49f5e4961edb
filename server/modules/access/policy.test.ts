import { describe, expect, it } from 'vitest';
import { documentPolicy } from '../documents/documents.policy.js';
import { Actor, type Grant } from './actor.js';
import { abilities, allow, requireAccess } from './policy.js';
import { ROLES, type Role } from './roles.js';

const PROVINCE = 'p';
const TUPHAP = 'd-tuphap';
const XAYDUNG = 'd-xaydung';
const pathOf = { [TUPHAP]: [TUPHAP, PROVINCE], [XAYDUNG]: [XAYDUNG, PROVINCE] } as const;

function actor(...grants: [Role, string][]) {
  return new Actor(
    { id: 'u', email: 'u@x.vn', fullName: 'U', unitId: null },
    grants.map(([role, unitId], i): Grant => ({ id: String(i), role, unitId })),
  );
}

describe('grants cover a unit subtree', () => {
  it('a grant over the province covers every department below it', () => {
    const a = actor(['standing_officer', PROVINCE]);
    expect(a.hasRoleOver(['standing_officer'], pathOf[TUPHAP])).toBe(true);
    expect(a.hasRoleOver(['standing_officer'], pathOf[XAYDUNG])).toBe(true);
  });

  it('a grant over one department does not cover its sibling', () => {
    const a = actor(['focal_point', TUPHAP]);
    expect(a.hasRoleOver(['focal_point'], pathOf[TUPHAP])).toBe(true);
    expect(a.hasRoleOver(['focal_point'], pathOf[XAYDUNG])).toBe(false);
  });

  it('several grants combine', () => {
    const a = actor(['focal_point', TUPHAP], ['inspector', PROVINCE]);
    expect(a.roles).toEqual(new Set(['focal_point', 'inspector']));
    expect(a.rootsFor(['focal_point', 'inspector'])).toEqual([TUPHAP, PROVINCE]);
  });
});

describe('document policy: every role × access level × own/other unit', () => {
  const editors = new Set<Role>(['admin', 'standing_officer', 'focal_point', 'unit_leader']);
  const restrictedReaders = new Set<Role>([
    ...editors,
    'committee_leader',
    'committee_member',
    'appraiser',
    'inspector',
  ]);
  for (const role of ROLES) {
    for (const access of ['public', 'internal', 'restricted'] as const) {
      it(`${role} over Sở Tư pháp, ${access} document of Sở Tư pháp and of Sở Xây dựng`, () => {
        const a = actor([role, TUPHAP]);
        const own = { access, unitPath: pathOf[TUPHAP] };
        const other = { access, unitPath: pathOf[XAYDUNG] };
        expect(allow(documentPolicy, a, 'read', own)).toBe(
          access !== 'restricted' || restrictedReaders.has(role),
        );
        expect(allow(documentPolicy, a, 'read', other)).toBe(access !== 'restricted');
        expect(allow(documentPolicy, a, 'update', own)).toBe(editors.has(role));
        expect(allow(documentPolicy, a, 'update', other)).toBe(false);
        expect(allow(documentPolicy, a, 'delete', own)).toBe(role === 'admin' || role === 'standing_officer');
      });
    }
  }

  it('nobody signed out is allowed anything', () => {
    expect(abilities(documentPolicy, null, { access: 'public', unitPath: [PROVINCE] })).toEqual({
      read: false,
      update: false,
      delete: false,
    });
  });

  it('requireAccess is all-or-nothing over a set', () => {
    const a = actor(['focal_point', TUPHAP]);
    expect(() =>
      requireAccess(documentPolicy, a, 'update', [{ access: 'internal', unitPath: pathOf[TUPHAP] }]),
    ).not.toThrow();
    expect(() =>
      requireAccess(documentPolicy, a, 'update', [
        { access: 'internal', unitPath: pathOf[TUPHAP] },
        { access: 'internal', unitPath: pathOf[XAYDUNG] },
      ]),
    ).toThrow(/FORBIDDEN/);
  });
});
