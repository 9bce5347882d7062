/** Campaigns: what the API shows and what it accepts. */
import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { campaigns } from '../../db/schema';
import { asPicklist, asTimestamp, NameSchema, PageQuerySchema, SlugSchema, TimeInputSchema } from './common';

/** The objectives a campaign can pursue. */
export const CAMPAIGN_OBJECTIVES = campaigns.objective.enumValues;
/** A campaign's life: drafted, running, archived (links keep redirecting). */
export const CAMPAIGN_STATUSES = campaigns.status.enumValues;

const ObjectiveSchema = v.pipe(v.picklist(CAMPAIGN_OBJECTIVES, `must be one of ${CAMPAIGN_OBJECTIVES.join(', ')}`), v.description('what the campaign pursues'));
const StatusSchema = v.pipe(v.picklist(CAMPAIGN_STATUSES, `must be one of ${CAMPAIGN_STATUSES.join(', ')}`), v.description('draft, active (in the ambassadors’ feed) or archived (links keep redirecting)'));
const CampaignNameSchema = v.pipe(NameSchema(), v.description('shown to admins and ambassadors, 1 to 200 characters'));
const CampaignSlugSchema = v.pipe(SlugSchema, v.description('sent as utm_campaign; derived from the name when absent, unique in the organisation'));
const StartsAtSchema = v.pipe(v.nullable(TimeInputSchema), v.description('when it starts, ISO 8601, or null'));
const EndsAtSchema = v.pipe(v.nullable(TimeInputSchema), v.description('when it ends, ISO 8601, or null'));

/**
 * The message of a strict request body: a field it does not have, a required field missing, or no JSON
 * object at all (valibot gives one object-level message to all three).
 */
export function bodyMessage(noun: string) {
  return (issue: v.StrictObjectIssue) =>
    issue.expected === 'never' ? `is not a field of ${noun}` : issue.expected === 'Object' ? 'The body must be a JSON object.' : 'is required';
}

const BODY_MESSAGE = bodyMessage('a campaign');

/** A campaign row in the API's types (times as ISO strings), from which every campaign shape picks. */
export const CampaignRowSchema = createSelectSchema(campaigns, {
  objective: asPicklist(campaigns.objective),
  status: asPicklist(campaigns.status),
  startsAt: asTimestamp,
  endsAt: asTimestamp,
  createdAt: asTimestamp,
  updatedAt: asTimestamp,
});

/** A campaign as the API shows it. */
export const CampaignSchema = v.pipe(
  v.object({
    ...v.pick(CampaignRowSchema, ['id', 'name', 'slug', 'objective', 'status', 'startsAt', 'endsAt', 'createdAt', 'updatedAt']).entries,
    slug: v.pipe(CampaignRowSchema.entries.slug, v.description('sent as utm_campaign on every short link of the campaign')),
  }),
  v.title('Campaign'),
);
export type Campaign = v.InferOutput<typeof CampaignSchema>;

/** `POST /api/v1/campaigns`: `slug` is derived from the name when absent; `status` defaults to draft. */
export const CreateCampaignBodySchema = v.strictObject(
  {
    name: CampaignNameSchema,
    slug: v.optional(CampaignSlugSchema),
    objective: ObjectiveSchema,
    startsAt: v.optional(StartsAtSchema),
    endsAt: v.optional(EndsAtSchema),
    status: v.optional(StatusSchema, 'draft'),
  },
  BODY_MESSAGE,
);
export type CreateCampaignBody = v.InferOutput<typeof CreateCampaignBodySchema>;

/** `PATCH /api/v1/campaigns/{id}`: absent fields stay, `null` clears `startsAt` or `endsAt`. */
export const UpdateCampaignBodySchema = v.strictObject(
  {
    name: v.optional(CampaignNameSchema),
    slug: v.optional(CampaignSlugSchema),
    objective: v.optional(ObjectiveSchema),
    startsAt: v.optional(StartsAtSchema),
    endsAt: v.optional(EndsAtSchema),
    status: v.optional(StatusSchema),
  },
  BODY_MESSAGE,
);
export type UpdateCampaignBody = v.InferOutput<typeof UpdateCampaignBodySchema>;

/** `GET /api/v1/campaigns`: a page, optionally of one status. */
export const ListCampaignsQuerySchema = v.object({
  ...PageQuerySchema.entries,
  status: v.optional(StatusSchema),
});
export type ListCampaignsQuery = v.InferOutput<typeof ListCampaignsQuerySchema>;
