import { createSelectSchema } from 'drizzle-valibot';
import * as v from 'valibot';
import { charterAcceptances, charters } from '../../db/schema';
import { AmbassadorRowSchema } from './ambassadors';
import { asNumber, asTimestamp } from './common';

/** The longest charter body accepted, in characters. */
export const MAX_CHARTER_LENGTH = 50_000;

/** A charter row in the API's types (times as ISO strings), from which every charter shape picks. */
export const CharterRowSchema = createSelectSchema(charters, { version: asNumber, publishedAt: asTimestamp });
const { id, version, body, publishedAt } = CharterRowSchema.entries;

/** One published version of the social-media charter. */
export const CharterSchema = v.pipe(
  v.object({
    id,
    version: v.pipe(version, v.description('1, 2, …; the highest is the current charter')),
    body: v.pipe(body, v.description('Markdown, as published')),
    bodyHtml: v.pipe(v.string(), v.description('the body rendered to safe HTML (headings, paragraphs, lists, bold, italic, code, http/https/mailto links; never raw HTML)')),
    publishedAt,
    acceptedBy: v.pipe(v.number(), v.description('active ambassadors who accepted exactly this version')),
  }),
  v.title('Charter'),
);
export type Charter = v.InferOutput<typeof CharterSchema>;

/** `POST /api/v1/charters`: publishes the next version; ambassadors must accept it before their next link. */
export const PublishCharterBodySchema = v.object({
  body: v.pipe(
    v.string('must be a string'),
    v.check((text) => text.trim().length > 0, 'is required'),
    v.maxLength(MAX_CHARTER_LENGTH, `must be at most ${MAX_CHARTER_LENGTH} characters`),
    v.description('the charter in Markdown; every ambassador accepts the new version before their next link'),
  ),
});
export type PublishCharterBody = v.InferOutput<typeof PublishCharterBodySchema>;

/** A charter version in the path. */
export const VersionParamSchema = v.object({
  version: v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/, 'version must be a positive whole number'), v.transform(Number), v.description('the charter version: 1, 2, …')),
});

/** A charter acceptance row in the API's types. */
export const AcceptanceRowSchema = createSelectSchema(charterAcceptances, { version: asNumber, acceptedAt: asTimestamp });

/** Who accepted a version, and when. */
export const CharterAcceptanceSchema = v.pipe(
  v.object({ ambassadorId: AcceptanceRowSchema.entries.ambassadorId, name: AmbassadorRowSchema.entries.name, acceptedAt: AcceptanceRowSchema.entries.acceptedAt }),
  v.title('CharterAcceptance'),
);
export type CharterAcceptance = v.InferOutput<typeof CharterAcceptanceSchema>;
