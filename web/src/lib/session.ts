import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './api';
import type { SectionId, Session } from './types';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when signed out. Keeps the CSRF token for the API client. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/session', { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Stores a session just received (sign-in) or clears it (sign-out). */
export function storeSession(client: QueryClient, session: Session | null) {
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData(sessionQueryKey, session);
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** True when the server lists the section for this user (the server decides; the web never repeats role rules). */
export function canSee(session: Session | null | undefined, section: SectionId): boolean {
  return !!session?.navigation.includes(section);
}

/**
 * The unit a user works for, to start a form with: their own unit, else the one unit all their grants are over
 * (an administrator created over the province has no unit of their own); null when it cannot be told.
 */
export function homeUnitOf(session: Session | null | undefined): string | null {
  if (!session) return null;
  if (session.user.unitId) return session.user.unitId;
  const units = [...new Set(session.grants.map((g) => g.unitId))];
  return units.length === 1 ? units[0]! : null;
}
