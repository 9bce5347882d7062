/** Campaigns: what the API shows and what it accepts. */
import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { campaigns } from '../../db/schema';
import { asPicklist, asTimestamp, NameSchema, PageQuerySchema, SlugSchema, TimeInputSchema } from './common';

/** The objectives a campaign can pursue. */
export const CAMPAIGN_OBJECTIVES = campaigns.objective.enumValues;
/** A campaign's life: drafted, running, archived (links keep redirecting). */
export const CAMPAIGN_STATUSES = campaigns.status.enumValues;

const ObjectiveSchema = v.picklist(CAMPAIGN_OBJECTIVES, `must be one of ${CAMPAIGN_OBJECTIVES.join(', ')}`);
const StatusSchema = v.picklist(CAMPAIGN_STATUSES, `must be one of ${CAMPAIGN_STATUSES.join(', ')}`);

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
    name: NameSchema(),
    slug: v.optional(SlugSchema),
    objective: ObjectiveSchema,
    startsAt: v.optional(v.nullable(TimeInputSchema)),
    endsAt: v.optional(v.nullable(TimeInputSchema)),
    status: v.optional(StatusSchema, 'draft'),
  },
  BODY_MESSAGE,
);
export type CreateCampaignBody = v.InferOutput<typeof CreateCampaignBodySchema>;

/** `PATCH /api/v1/campaigns/{id}`: absent fields stay, `null` clears `startsAt` or `endsAt`. */
export const UpdateCampaignBodySchema = v.strictObject(
  {
    name: v.optional(NameSchema()),
    slug: v.optional(SlugSchema),
    objective: v.optional(ObjectiveSchema),
    startsAt: v.optional(v.nullable(TimeInputSchema)),
    endsAt: v.optional(v.nullable(TimeInputSchema)),
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
