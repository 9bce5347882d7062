import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import { SESSION_COOKIE, sessionCookieOptions } from '../lib/cookies';
import { ApiError } from '../lib/errors';
import { errorResponses, jsonResponse, noContent } from '../lib/openapi';
import { jsonBody, params, query } from '../lib/validate';
import { allow, callerOf } from '../middleware/allow';
import { IdParamSchema, PageQuerySchema, pageOf } from '../schemas/common';
import { AcceptCharterBodySchema, BadgesSchema, FeedItemSchema, GuideQuerySchema, MeSchema, MyCharterSchema, MyStatsSchema, PeriodQuerySchema, PersonalExportSchema, SharingGuideSchema, UpdateMeBodySchema } from '../schemas/me';
import { CreateShareBodySchema, CreateShareResponseSchema, MyShareSchema, PreviewShareBodySchema, PreviewShareResponseSchema, ReportMetricsBodySchema } from '../schemas/shares';
import { getMyStats } from '../services/ambassador-stats';
import { getMyBadges } from '../services/badges';
import { acceptCharter, getMyCharter } from '../services/charter-acceptance';
import { listFeed } from '../services/feed';
import { getMe, leaveProgramme, updateMe } from '../services/me';
import { exportPersonalData } from '../services/personal-export';
import { confirmPosted, createShare, listMyShares, previewShare, reportMetrics } from '../services/shares';
import { getSharingGuide } from '../services/sharing-guide';
import type { AppEnv } from '../env';

const tags = ['Ambassador space'];
const guarded = ['unauthenticated', 'forbidden'] as const;

/** `[organisationId, ambassadorId]` of the session's ambassador (every route is behind `allow('ambassador')`). */
function me(c: Parameters<typeof callerOf>[0]): readonly [string, string] {
  const caller = callerOf(c);
  if (caller.kind !== 'ambassador') throw new ApiError('forbidden', 'This is the ambassadors’ own space.');
  return [caller.organisationId, caller.ambassadorId];
}

const origin = (url: string) => new URL(url).origin;

/** `/api/v1/me/…`: the ambassador's own space (ambassador session only). */
export const meRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'My profile', responses: { ...jsonResponse(200, 'The profile, with where they stand with the charter', MeSchema), ...errorResponses(...guarded) } }),
    allow('ambassador'),
    async (c) => c.json(await getMe(c.var.db, ...me(c)), 200),
  )
  .patch(
    '/',
    describeRoute({
      tags,
      summary: 'Change my profile',
      description: '`leaderboardOptIn`, `displayName` (null: the first name and the last name’s initial), `language` (`fr`, `en`, or null: the browser’s), `audience` (followers per network, merged per network; null removes one). Absent fields stay.',
      responses: { ...jsonResponse(200, 'The profile', MeSchema), ...errorResponses('invalid_json', 'validation_failed', ...guarded) },
    }),
    allow('ambassador'),
    jsonBody(UpdateMeBodySchema),
    async (c) => c.json(await updateMe(c.var.db, ...me(c), c.req.valid('json')), 200),
  )
  .delete(
    '/',
    describeRoute({
      tags,
      summary: 'Leave the programme',
      description: 'Erases name, e-mail, profile, audience, post texts and metrics, charter acceptances and sessions. Links keep redirecting, no longer attributed to a person; the organisation’s totals keep the anonymous counts.',
      responses: { ...noContent, ...errorResponses(...guarded) },
    }),
    allow('ambassador'),
    async (c) => {
      await leaveProgramme(c.var.db, ...me(c));
      deleteCookie(c, SESSION_COOKIE, sessionCookieOptions());
      return c.body(null, 204);
    },
  )
  .get(
    '/charter',
    describeRoute({ tags, summary: 'The current charter', responses: { ...jsonResponse(200, 'The current version and the highest one accepted', MyCharterSchema), ...errorResponses(...guarded, 'not_found') } }),
    allow('ambassador'),
    async (c) => c.json(await getMyCharter(c.var.db, ...me(c)), 200),
  )
  .post(
    '/charter/accept',
    describeRoute({
      tags,
      summary: 'Accept the current charter',
      description: '`version` must be the current version (409 otherwise, e.g. when a new one was published meanwhile). Accepting again answers the same.',
      responses: { ...jsonResponse(200, 'Accepted', MyCharterSchema), ...errorResponses('invalid_json', 'validation_failed', ...guarded, 'not_found', 'conflict') },
    }),
    allow('ambassador'),
    jsonBody(AcceptCharterBodySchema),
    async (c) => c.json(await acceptCharter(c.var.db, ...me(c), c.req.valid('json').version), 200),
  )
  .get(
    '/feed',
    describeRoute({ tags, summary: 'Content to share', description: 'Active content of active campaigns, newest first.', responses: { ...jsonResponse(200, 'A page of content', pageOf(FeedItemSchema)), ...errorResponses('validation_failed', ...guarded) } }),
    allow('ambassador'),
    query(PageQuerySchema),
    async (c) => c.json(await listFeed(c.var.db, ...me(c), c.req.valid('query')), 200),
  )
  .get(
    '/shares',
    describeRoute({ tags, summary: 'My posts', responses: { ...jsonResponse(200, 'A page of posts, newest first, with their results so far', pageOf(MyShareSchema)), ...errorResponses('validation_failed', ...guarded) } }),
    allow('ambassador'),
    query(PageQuerySchema),
    async (c) => c.json(await listMyShares(c.var.db, ...me(c), c.req.valid('query'), origin(c.req.url)), 200),
  )
  .post(
    '/shares',
    describeRoute({
      tags,
      summary: 'Share a content in my own words',
      description:
        'Issues (or returns, for the same content × network) the personal short link and records the post, which counts only once the ambassador confirms they published it (`POST /me/shares/{id}/posted`). Answers the network’s share intent, a QR code and how much the text reads as a copy. Relais never posts: the ambassador publishes through the intent. 403 `charter_not_accepted` until the current charter is accepted; 404 for an unknown content; 422 for an archived content, a campaign that is not active, or a network the content is not offered on.',
      responses: { ...jsonResponse(201, 'The post, its link, intent, QR code and similarity', CreateShareResponseSchema), ...errorResponses('invalid_json', 'validation_failed', ...guarded, 'charter_not_accepted', 'not_found') },
    }),
    allow('ambassador'),
    jsonBody(CreateShareBodySchema),
    async (c) => c.json(await createShare(c.var.db, ...me(c), c.req.valid('json'), origin(c.req.url)), 201),
  )
  .post(
    '/shares/preview',
    describeRoute({
      tags,
      summary: 'How my text reads, before I share it',
      description:
        'The `similarity` that `POST /me/shares` would answer for this text, creating nothing (feedback while the ambassador types). `score` measures the text against the talking points only; `nearCopy` and `nearestShareId` also flag a near copy of a colleague’s post, and nothing measures the text against a colleague’s. The same 403, 404 and 422 as a share.',
      responses: { ...jsonResponse(200, 'The similarity', PreviewShareResponseSchema), ...errorResponses('invalid_json', 'validation_failed', ...guarded, 'charter_not_accepted', 'not_found') },
    }),
    allow('ambassador'),
    jsonBody(PreviewShareBodySchema),
    async (c) => c.json(await previewShare(c.var.db, ...me(c), c.req.valid('json')), 200),
  )
  .post(
    '/shares/:id/posted',
    describeRoute({
      tags,
      summary: 'I published this post',
      description:
        'The ambassador confirms they published the post on the network. Only confirmed posts count: in the KPIs (`shares`, reach, engagements, `activeAmbassadors`, `participationRate`), the leaderboard, badges and the ambassador’s own results, on the day of the confirmation. Confirming again keeps the first time and answers the same. Reporting a post’s numbers confirms it too. 404 for a post that is not the ambassador’s.',
      responses: { ...jsonResponse(200, 'The post, with `postedAt` (as in `GET /me/shares`)', MyShareSchema), ...errorResponses(...guarded, 'not_found') },
    }),
    allow('ambassador'),
    params(IdParamSchema),
    async (c) => c.json(await confirmPosted(c.var.db, ...me(c), c.req.valid('param').id, origin(c.req.url)), 200),
  )
  .post(
    '/shares/:id/metrics',
    describeRoute({
      tags,
      summary: 'Report a post’s numbers',
      description:
        'Numbers read off the post on the network: `impressions`, `reactions`, `comments`, `reshares` (whole numbers from 0 to 10 000 000; each optional, at least one). Fields sent replace the previous report; the others stay. Once merged, reactions, comments and reshares are each at most the impressions, when those are known (422 on the field sent). 409 when another report changed the post meanwhile.',
      responses: { ...jsonResponse(200, 'The post with its results recomputed (as in `GET /me/shares`)', MyShareSchema), ...errorResponses('invalid_json', 'validation_failed', ...guarded, 'not_found', 'conflict') },
    }),
    allow('ambassador'),
    params(IdParamSchema),
    jsonBody(ReportMetricsBodySchema),
    async (c) => c.json(await reportMetrics(c.var.db, ...me(c), c.req.valid('param').id, c.req.valid('json'), origin(c.req.url)), 200),
  )
  .get(
    '/stats',
    describeRoute({
      tags,
      summary: 'My results',
      description: '`from`/`to` (YYYY-MM-DD, inclusive; default the last 30 days; at most 366 days). Clicks, visitors and conversions come from the daily rollup; reach and engagement from reported numbers, reach estimated from the declared audience where none were reported.',
      responses: { ...jsonResponse(200, 'Totals, per day and per post', MyStatsSchema), ...errorResponses('validation_failed', ...guarded) },
    }),
    allow('ambassador'),
    query(PeriodQuerySchema),
    async (c) => c.json(await getMyStats(c.var.db, ...me(c), c.req.valid('query')), 200),
  )
  .get(
    '/badges',
    describeRoute({ tags, summary: 'My badges', description: 'Every badge with its rule, whether it is earned and the progress towards it. No badge rewards volume alone.', responses: { ...jsonResponse(200, 'The badges', BadgesSchema), ...errorResponses(...guarded) } }),
    allow('ambassador'),
    async (c) => c.json(await getMyBadges(c.var.db, ...me(c)), 200),
  )
  .get(
    '/guide',
    describeRoute({
      tags,
      summary: 'The “Sharing well” guide',
      description: 'The organisation’s own guide when it wrote one (`custom`), else the one Relais ships in `lang` (`fr` by default, or `en`).',
      responses: { ...jsonResponse(200, 'The guide', SharingGuideSchema), ...errorResponses('validation_failed', ...guarded) },
    }),
    allow('ambassador'),
    query(GuideQuerySchema),
    async (c) => c.json(await getSharingGuide(c.var.db, me(c)[0], c.req.valid('query').lang), 200),
  )
  .get(
    '/export',
    describeRoute({ tags, summary: 'Everything stored about me', responses: { ...jsonResponse(200, 'A JSON document, sent as a file', PersonalExportSchema), ...errorResponses(...guarded) } }),
    allow('ambassador'),
    async (c) => {
      const body = await exportPersonalData(c.var.db, ...me(c), origin(c.req.url));
      return c.json(body, 200, { 'Content-Disposition': `attachment; filename="relais-export-${body.exportedAt.slice(0, 10)}.json"`, 'Cache-Control': 'no-store' });
    },
  );
