import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { ambassadors } from '../../db/schema';
import { EmailSchema } from './admins';
import { asPicklist, asTimestamp, NameSchema, PageQuerySchema } from './common';

const PROFILES = ambassadors.profile.enumValues;
const STATUSES = ambassadors.status.enumValues;

/** An ambassador row in the API's types (times as ISO strings), from which every ambassador shape picks. */
export const AmbassadorRowSchema = createSelectSchema(ambassadors, {
  profile: asPicklist(ambassadors.profile),
  status: asPicklist(ambassadors.status),
  createdAt: asTimestamp,
  updatedAt: asTimestamp,
  joinedAt: asTimestamp,
  leftAt: asTimestamp,
});
const { id, name, email, displayName, team, profile, status, leaderboardOptIn, createdAt, joinedAt, leftAt } = AmbassadorRowSchema.entries;

/** An ambassador as admins see them; every personal field is null once they left the programme. */
export const AmbassadorSchema = v.pipe(
  v.object({
    id,
    name,
    email,
    displayName,
    team,
    profile,
    status: v.pipe(status, v.description('invited (has not joined yet), active, or left (personal data erased)')),
    leaderboardOptIn,
    charterVersion: v.pipe(v.nullable(v.number()), v.description('the highest charter version they accepted, or null')),
    invitedAt: createdAt,
    joinedAt,
    leftAt,
  }),
  v.title('Ambassador'),
);
export type Ambassador = v.InferOutput<typeof AmbassadorSchema>;

/** `POST /api/v1/ambassadors`: invites someone, who chooses to join through the link. */
export const InviteAmbassadorBodySchema = v.object({
  name: v.pipe(NameSchema(), v.description('their full name (shown to admins; the leaderboard shows their display name, and only if they opt in)')),
  email: v.pipe(EmailSchema, v.description('where they receive nothing from Relais: send them the `inviteUrl` yourself')),
  team: v.optional(v.pipe(v.nullable(NameSchema(100)), v.description('their team, for `groupBy=team` (teams under 5 merged), or null')), null),
  profile: v.optional(v.pipe(v.nullable(v.picklist(PROFILES, `must be one of ${PROFILES.join(', ')}`)), v.description('what kind of ambassador they are, or null')), null),
});
export type InviteAmbassadorBody = v.InferOutput<typeof InviteAmbassadorBodySchema>;

/** The answer to an invitation: the ambassador, the one-time token and the link to send them. */
export const InviteAmbassadorResponseSchema = v.object({
  ambassador: AmbassadorSchema,
  token: v.pipe(v.string(), v.description('the one-time invitation token (shown once)')),
  inviteUrl: v.pipe(v.string(), v.description('<origin>/me/join#<token>: the token stays in the fragment')),
});

/** `GET /api/v1/ambassadors`: a page, optionally only one status. */
export const ListAmbassadorsQuerySchema = v.object({
  ...PageQuerySchema.entries,
  status: v.optional(v.pipe(v.picklist(STATUSES, `status must be one of ${STATUSES.join(', ')}`), v.description('only ambassadors in this status'))),
});
export type ListAmbassadorsQuery = v.InferOutput<typeof ListAmbassadorsQuerySchema>;
