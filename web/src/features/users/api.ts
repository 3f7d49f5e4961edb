/** The users feature's API: the server's own types (its Zod schemas: users, access). */
import type {
  GrantIn,
  GrantListOut,
  GrantOut,
  RolesOut,
} from '../../../../server/modules/access/access.schemas';
import type {
  PasswordResetIn,
  UserCreateIn,
  UserListOut,
  UserListQuery,
  UserOut,
  UserSort,
  UserUpdateIn,
} from '../../../../server/modules/users/users.schemas';
import { api } from '../../lib/api';

export type {
  GrantIn as GrantInput,
  GrantOut as Grant,
} from '../../../../server/modules/access/access.schemas';
export type {
  UserCreateIn as UserCreateInput,
  UserOut as User,
} from '../../../../server/modules/users/users.schemas';
/** The fields of an account edit (the version is sent beside them). */
export type UserUpdateInput = Omit<UserUpdateIn, 'version'>;

/** An order of the account list (the server sorts, then pages). */
export type UserListSort = { key: UserSort; dir: 'asc' | 'desc' };

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number, sort?: UserListSort) => ['users', 'list', q, page, sort ?? null] as const,
  one: (id: string) => ['users', 'one', id] as const,
  grants: (id: string) => ['users', 'grants', id] as const,
  roles: ['roles'] as const,
};

export const listUsers = (q: string, limit: number, offset: number, sort?: UserListSort) =>
  api.get<UserListOut>('/api/users', {
    query: { q, limit, offset, sort: sort?.key, dir: sort?.dir } satisfies UserListQuery,
  });
export const getUser = (id: string) => api.get<UserOut>(`/api/users/${id}`);
export const createUser = (input: UserCreateIn) => api.post<UserOut>('/api/users', input);
export const updateUser = (id: string, version: number, input: UserUpdateInput) =>
  api.patch<UserOut>(`/api/users/${id}`, { version, ...input } satisfies UserUpdateIn);
export const resetPassword = (id: string, password: string) =>
  api.post<void>(`/api/users/${id}/password`, { password } satisfies PasswordResetIn);
export const listGrants = (id: string) => api.get<GrantListOut>(`/api/users/${id}/grants`);
export const addGrant = (id: string, input: GrantIn) => api.post<GrantOut>(`/api/users/${id}/grants`, input);
export const revokeGrant = (grantId: string) => api.delete(`/api/grants/${grantId}`);
export const listRoles = () => api.get<RolesOut>('/api/roles');
