import { api } from '../../lib/api';
import type { Session } from '../../lib/types';

export const login = (email: string, password: string) =>
  api.post<Session>('/api/auth/login', { email, password }, { allowUnauthorized: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { currentPassword, newPassword });
