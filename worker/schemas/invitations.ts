import * as v from 'valibot';
import { AdminSchema, PasswordSchema } from './admins';
import { AmbassadorSchema } from './ambassadors';

export const TokenParamSchema = v.object({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(128, 'token is not valid'), v.description('the token from the invitation link’s fragment')) });

/** `POST /api/v1/invitations/{token}/accept`: admins send the password they choose; ambassadors send nothing. */
export const AcceptInvitationBodySchema = v.optional(v.object({ password: v.optional(v.pipe(PasswordSchema, v.description('an invited admin’s new password, at least 12 characters; an ambassador sends none'))) }), {});
export type AcceptInvitationBody = v.InferOutput<typeof AcceptInvitationBodySchema>;

export const AcceptInvitationResponseSchema = v.variant('kind', [
  v.object({ kind: v.literal('admin'), admin: AdminSchema }),
  v.object({ kind: v.literal('ambassador'), ambassador: AmbassadorSchema }),
]);
