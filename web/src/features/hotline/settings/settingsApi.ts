/**
 * The hotline's settings API (`/api/hotline/settings`, `/categories`, `/routes`, `/rules`): everyone who works
 * with the hotline reads it; the standing agency and administrators change it (the answer's `abilities.manage`
 * says which, so the page never repeats the rule).
 */
import { api } from '../../../lib/api';
import type {
  Category,
  CategoryCreate,
  CategoryUpdate,
  RouteCreate,
  RuleVersionCreate,
  RuleVersionCreated,
  Settings,
} from './types';

export const settingsKeys = {
  all: ['hotline', 'settings'] as const,
};

export const getSettings = () => api.get<Settings>('/api/hotline/settings');

export const createCategory = (input: CategoryCreate) => api.post<Category>('/api/hotline/categories', input);

export const updateCategory = (id: string, input: CategoryUpdate) =>
  api.patch<Category>(`/api/hotline/categories/${id}`, input);

/** A line of the routing table (the answer's id is not needed: the page reloads the table). */
export const createRoute = (input: RouteCreate) => api.post<void>('/api/hotline/routes', input);

export const deleteRoute = (id: string) => api.delete<void>(`/api/hotline/routes/${id}`);

export const addRuleVersion = (input: RuleVersionCreate) =>
  api.post<RuleVersionCreated>('/api/hotline/rules', input);
