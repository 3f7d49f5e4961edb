/** Signing in and changing one's password: the server's own types (`auth.schemas.ts`). */
import type { LoginIn, PasswordChangeIn, SessionOut } from '../../../../server/modules/auth/auth.schemas';
import { api } from '../../lib/api';

export const login = (email: string, password: string) =>
  api.post<SessionOut>('/api/auth/login', { email, password } satisfies LoginIn, {
    allowUnauthorized: true,
  });

/** Answers 204 (other sessions end). */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { currentPassword, newPassword } satisfies PasswordChangeIn);
