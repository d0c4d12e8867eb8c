import { z } from 'zod';
import { ACTIONS, ROLES } from '../rules/permissions';

export const RoleSchema = z.enum(ROLES).describe('Role code');
export const ActionSchema = z.enum(ACTIONS);

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
/** Vietnamese mobile numbers: 0 + 9 digits, or +84 + 9 digits. Stored as +84… */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9}$/, 'Phone must look like 0912345678 or +84912345678');
export const PasswordSchema = z.string().min(10, 'At least 10 characters').max(200);

export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
});
export type User = z.infer<typeof UserSchema>;

export const LoginResponseSchema = z.object({
  user: UserSchema,
  csrfToken: z.string().describe('Send as X-CSRF-Token on every unsafe request made with the session cookie'),
});

export const GrantViewSchema = z.object({
  id: z.string().optional(),
  role: RoleSchema,
  unitCode: z.string().describe('2-digit province, 5-digit commune, or a hamlet id'),
  unitName: z.string().optional(),
});
export type GrantView = z.infer<typeof GrantViewSchema>;

export const MeTeamSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  hamletId: z.string().nullable(),
  role: z.enum(['leader', 'deputy', 'member']),
});
export type MeTeam = z.infer<typeof MeTeamSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  grants: z.array(GrantViewSchema),
  teams: z.array(MeTeamSchema),
  csrfToken: z.string(),
  actions: z.array(ActionSchema).describe('Actions the caller may take somewhere in their scope'),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const UpdateProfileBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  phone: PhoneSchema.nullable().optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
