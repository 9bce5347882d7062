import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { ADMIN_ROLES, admins } from '../../db/schema';
import { asPicklist, asTimestamp, NameSchema, SlugSchema } from './common';

export const EmailSchema = v.pipe(v.string('must be an e-mail address'), v.trim(), v.toLowerCase(), v.email('must be an e-mail address'), v.maxLength(254, 'is too long'));
export const PasswordSchema = v.pipe(v.string('must be a string'), v.minLength(12, 'must be at least 12 characters'), v.maxLength(256, 'must be at most 256 characters'));

/** An admin as the API shows them (never the password). */
export const AdminSchema = v.pipe(
  v.pick(createSelectSchema(admins, { role: asPicklist(admins.role), status: asPicklist(admins.status), createdAt: asTimestamp }), ['id', 'email', 'name', 'role', 'status', 'createdAt']),
  v.title('Admin'),
);
export type Admin = v.InferOutput<typeof AdminSchema>;

/** `POST /api/v1/admins` (owners only): invites someone, who sets a password through the link. */
export const InviteAdminBodySchema = v.object({
  email: v.pipe(EmailSchema, v.description('where the invitation goes; the person signs in with it')),
  name: v.pipe(NameSchema(), v.description('their name, 1 to 200 characters')),
  role: v.pipe(v.picklist(ADMIN_ROLES, `must be one of ${ADMIN_ROLES.join(', ')}`), v.description('owner (everything), editor (everything but admins and API keys) or analyst (reads dashboards and exports)')),
});
export type InviteAdminBody = v.InferOutput<typeof InviteAdminBodySchema>;

export const InviteAdminResponseSchema = v.object({
  admin: AdminSchema,
  token: v.pipe(v.string(), v.description('the one-time invitation token (shown once)')),
  inviteUrl: v.pipe(v.string(), v.description('<origin>/admin/join#<token>: the token stays in the fragment')),
});

/** `POST /api/v1/auth/login`. */
export const LoginBodySchema = v.object({
  email: v.pipe(EmailSchema, v.description('the admin’s e-mail address')),
  password: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(256, 'must be at most 256 characters'), v.description('their password')),
  organisation: v.optional(
    v.pipe(
      SlugSchema,
      v.description('the slug of the organisation to sign in to, for a person who runs several; without it, the one they joined first'),
    ),
  ),
});
export type LoginBody = v.InferOutput<typeof LoginBodySchema>;
