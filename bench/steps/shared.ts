/**
 * What the step Workers share: the app's slug route, and `describeHit`, a copy of the private function
 * of worker/redirect.ts (keep the two in step). Each step adds one piece of the redirect to the one
 * before it, so the difference in CPU per request between two steps is the cost of that piece.
 */
import { Hono, type Context } from 'hono';
import type { ClickEvent } from '../../worker/lib/click-event';
import { sessionTokenOf } from '../../worker/lib/cookies';
import { getDb } from '../../worker/lib/db';
import { sha256Hex } from '../../worker/lib/encoding';
import type { LinkTarget } from '../../worker/services/link-targets';
import { visitorHash } from '../../worker/services/visitors';
import type { AppEnv } from '../../worker/env';

export const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'strict-origin-when-cross-origin' };

/** A Worker with the app's short-link route (same pattern, same Hono), answering with `handler`. */
export function slugWorker(handler: (c: Context<AppEnv>, slug: string) => Response | Promise<Response>): ExportedHandler<Env> {
  const app = new Hono<AppEnv>().on(['GET', 'HEAD'], '/:slug{[A-Za-z0-9_-]{4,64}}', (c) => handler(c, c.req.param('slug')));
  return { fetch: app.fetch };
}

/** The facts of one hit (copy of worker/redirect.ts `describeHit`). */
export async function describeHit(env: Env, req: Request, link: LinkTarget, id: string, at: number): Promise<ClickEvent> {
  const userAgent = (req.headers.get('user-agent') ?? '').slice(0, 256);
  const cf = req.cf as IncomingRequestCfProperties | undefined;
  const session = sessionTokenOf(req.headers.get('cookie'));
  let refererHost: string | undefined;
  try {
    refererHost = new URL(req.headers.get('referer') ?? '').hostname || undefined;
  } catch {
    refererHost = undefined;
  }
  return {
    id,
    linkId: link.linkId,
    organisationId: link.organisationId,
    at,
    visitor: await visitorHash(getDb(env.DB), { ip: req.headers.get('cf-connecting-ip') ?? '', userAgent, organisationId: link.organisationId, at }),
    userAgent: userAgent || undefined,
    refererHost,
    country: typeof cf?.country === 'string' ? cf.country : undefined,
    asn: typeof cf?.asn === 'number' ? cf.asn : undefined,
    session: session ? await sha256Hex(session) : undefined,
  };
}
