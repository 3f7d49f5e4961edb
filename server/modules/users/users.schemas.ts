import { z } from 'zod';

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
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
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

export const userUpdateIn = z.object({
  version: z.number().int().positive(),
  fullName: z.string().trim().min(2).max(200).optional(),
  phone: z.string().trim().max(30).nullish(),
  position: z.string().trim().max(200).nullish(),
  locale: z.enum(['vi', 'en']).optional(),
  // Administrators only:
  email: emailField.optional(),
  unitId: z.uuid().nullish(),
  active: z.boolean().optional(),
});

export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  unitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
