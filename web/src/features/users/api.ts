import { api } from '../../lib/api';
import type { Role } from '../../lib/types';

export type User = {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  unitId: string | null;
  unitName: string | null;
  position: string | null;
  active: boolean;
  locked: boolean;
  demo: boolean;
  locale: string;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { read: boolean; update: boolean; manage: boolean; grant: boolean };
};

export type UserCreateInput = {
  email: string;
  fullName: string;
  phone: string | null;
  unitId: string | null;
  position: string | null;
  password?: string;
  locale: 'vi' | 'en';
};

export type UserUpdateInput = Partial<Omit<UserCreateInput, 'password'>> & { active?: boolean };

export type Grant = {
  id: string;
  userId: string;
  role: Role;
  unitId: string;
  unitName: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  createdAt: string;
  abilities: { revoke: boolean };
};

export type GrantInput = {
  role: Role;
  unitId: string;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
};

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number) => ['users', 'list', q, page] as const,
  one: (id: string) => ['users', 'one', id] as const,
  grants: (id: string) => ['users', 'grants', id] as const,
  roles: ['roles'] as const,
};

export const listUsers = (q: string, limit: number, offset: number) =>
  api.get<{ items: User[]; total: number }>('/api/users', { query: { q, limit, offset } });
export const getUser = (id: string) => api.get<User>(`/api/users/${id}`);
export const createUser = (input: UserCreateInput) => api.post<User>('/api/users', input);
export const updateUser = (id: string, version: number, input: UserUpdateInput) =>
  api.patch<User>(`/api/users/${id}`, { version, ...input });
export const resetPassword = (id: string, password: string) =>
  api.post<void>(`/api/users/${id}/password`, { password });
export const listGrants = (id: string) => api.get<{ items: Grant[] }>(`/api/users/${id}/grants`);
export const addGrant = (id: string, input: GrantInput) => api.post<Grant>(`/api/users/${id}/grants`, input);
export const revokeGrant = (grantId: string) => api.delete(`/api/grants/${grantId}`);
export const listRoles = () => api.get<{ items: Role[] }>('/api/roles');
