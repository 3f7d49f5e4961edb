/**
 * The auth module's contract: signing in and out, the current session (with the CSRF token the web echoes
 * and the navigation sections computed from the user's roles), and changing one's own password.
 */
import { z } from 'zod';
import { ROLES } from '../access/roles.js';

/**
 * A section of the web's navigation: `<section>` or a page inside it, `<section>.<page>` (e.g. `plans`,
 * `dossiers.import`). Each module declares its sections with their roles (`sections` in its `<name>.module.ts`),
 * so the ids are not a list here: a new module adds its own without touching this file.
 */
export const sectionId = z.string().regex(/^[a-z]+(\.[a-z_]+)?$/);
export type SectionId = z.infer<typeof sectionId>;

export const loginIn = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type LoginIn = z.input<typeof loginIn>;

export const sessionOut = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      fullName: z.string(),
      unitId: z.uuid().nullable(),
      /** The language the user reads ('vi' or 'en'). */
      locale: z.string(),
    }),
    /** The user's role grants in force: one role over one unit and everything below it. */
    grants: z.array(z.object({ id: z.uuid(), role: z.enum(ROLES), unitId: z.uuid() })),
    roles: z.array(z.enum(ROLES)),
    /** Echoed in `x-csrf-token` by every state-changing request of this session. */
    csrfToken: z.string(),
    expiresAt: z.iso.datetime(),
    /** The sections of the web UI this user sees, in menu order. */
    navigation: z.array(sectionId),
  })
  .meta({ id: 'Session' });
export type SessionOut = z.infer<typeof sessionOut>;

export const passwordChangeIn = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export type PasswordChangeIn = z.input<typeof passwordChangeIn>;
