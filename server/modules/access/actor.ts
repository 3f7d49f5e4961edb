import type { Role } from './roles.js';

export type Grant = { id: string; role: Role; unitId: string };

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
  ) {}

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
    return this.grants.some((g) => roles.includes(g.role) && unitPath.includes(g.unitId));
  }

  /** The units at the top of the subtrees where the user holds one of `roles`. */
  rootsFor(roles: readonly Role[]): string[] {
    return [...new Set(this.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId))];
  }
}
