/** The users module's contract: accounts (list, create, edit) and an administrator's password reset. */
import { z } from 'zod';
import { versionField } from '../../core/http.js';

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Địa chỉ e-mail không hợp lệ / invalid e-mail address' }));

export const userOut = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    phone: z.string().nullable(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    position: z.string().nullable(),
    active: z.boolean(),
    locked: z.boolean(),
    demo: z.boolean(),
    locale: z.string(),
    lastLoginAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** update: edit the profile; manage: administrator fields and password reset; grant: add role grants. */
    abilities: z.object({ read: z.boolean(), update: z.boolean(), manage: z.boolean(), grant: z.boolean() }),
  })
  .meta({ id: 'User' });
export type UserOut = z.infer<typeof userOut>;

export const userCreateIn = z.object({
  email: emailField,
  fullName: z.string().trim().min(2).max(200),
  phone: z.string().trim().max(30).nullish(),
  unitId: z.uuid().nullish(),
  position: z.string().trim().max(200).nullish(),
  password: z.string().optional(),
  locale: z.enum(['vi', 'en']).default('vi'),
});
export type UserCreateIn = z.input<typeof userCreateIn>;

export const userUpdateIn = z.object({
  version: versionField,
  fullName: z.string().trim().min(2).max(200).optional(),
  phone: z.string().trim().max(30).nullish(),
  position: z.string().trim().max(200).nullish(),
  locale: z.enum(['vi', 'en']).optional(),
  // Administrators only:
  email: emailField.optional(),
  unitId: z.uuid().nullish(),
  active: z.boolean().optional(),
});
export type UserUpdateIn = z.input<typeof userUpdateIn>;

/** The orders of the account list: name (default, Vietnamese order), e-mail, unit, position, last sign-in. */
export const USER_SORTS = ['fullName', 'email', 'unit', 'position', 'lastLoginAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  unitId: z.uuid().optional(),
  sort: z.enum(USER_SORTS).default('fullName'),
  /** Default A→Z (the last sign-in: most recent first). Missing values come last either way. */
  dir: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.input<typeof userListQuery>;

export const userListOut = z.object({ items: z.array(userOut), total: z.number().int() });
export type UserListOut = z.infer<typeof userListOut>;

export const passwordResetIn = z.object({ password: z.string().min(1).max(1024) });
export type PasswordResetIn = z.input<typeof passwordResetIn>;
