import type { Role } from './roles.js';

export type Grant = { id: string; role: Role; unitId: string };

/**
 * A grant passed on through lineage (access follows lineage, `lineage-follow.rules.ts`): a role held on a
 * successor unit (`via`) reaches a predecessor it carries — its subtree (`subtree`), or only the unit
 * itself (`unit`: an abolished district carried through its communes' successors). `act` says whether it
 * also lets the holder act on open work (else it is for reading the history only).
 */
export type InheritedGrant = {
  role: Role;
  unitId: string;
  via: string;
  scope: 'subtree' | 'unit';
  act: boolean;
};

export type ActorUser = {
  id: string;
  email: string;
  fullName: string;
  unitId: string | null;
};

/**
 * The signed-in user with their grants. Pure: answers "does this user hold one of these roles over
 * a unit whose ancestor chain is `unitPath`?" without touching the database.
 */
export class Actor {
  constructor(
    readonly user: ActorUser,
    readonly grants: readonly Grant[],
    readonly inherited: readonly InheritedGrant[] = [],
  ) {}

  /**
   * The same user for acting on work: inherited grants that are for reading only are left out (the work
   * engine takes this actor for actions and uploads).
   */
  acting(): Actor {
    if (this.inherited.every((g) => g.act)) return this;
    return new Actor(
      this.user,
      this.grants,
      this.inherited.filter((g) => g.act),
    );
  }

  /** The successor unit through which an inherited grant of one of `roles` covers this unit path, if any. */
  inheritedVia(roles: readonly Role[], unitPath: readonly string[]): string | null {
    return this.inherited.find((g) => roles.includes(g.role) && covers(g, unitPath))?.via ?? null;
  }

  get roles(): Set<Role> {
    return new Set(this.grants.map((g) => g.role));
  }

  hasRole(...roles: Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role));
  }

  get isAdmin(): boolean {
    return this.hasRole('admin');
  }

  /** True when a grant of one of `roles` covers a unit with this ancestor chain (the unit itself first). */
  hasRoleOver(roles: readonly Role[], unitPath: readonly string[]): boolean {
    return (
      this.grants.some((g) => roles.includes(g.role) && unitPath.includes(g.unitId)) ||
      this.inherited.some((g) => roles.includes(g.role) && covers(g, unitPath))
    );
  }

  /** The units at the top of the subtrees where the user holds one of `roles`. */
  rootsFor(roles: readonly Role[]): string[] {
    return [
      ...new Set([
        ...this.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId),
        // Candidates for lists (`subtreeSql`); a unit-only inherited grant is narrowed again by `hasRoleOver`.
        ...this.inherited.filter((g) => roles.includes(g.role)).map((g) => g.unitId),
      ]),
    ];
  }
}

const covers = (g: InheritedGrant, unitPath: readonly string[]) =>
  g.scope === 'subtree' ? unitPath.includes(g.unitId) : unitPath[0] === g.unitId;
