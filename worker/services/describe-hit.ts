/**
 * The facts of one hit on a short link, computed after the redirect has answered: the IP and user agent
 * are read here and only the daily visitor hash of them leaves; the session cookie leaves hashed. Every
 * fact is bounded by `toClickEvent`, whatever the request carried.
 */
import { boundedUserAgent, refererHostOf, toClickEvent, type ClickEvent } from '../lib/click-event';
import { sessionTokenOf } from '../lib/cookies';
import { getDb } from '../lib/db';
import { sha256Hex } from '../lib/encoding';
import type { LinkTarget } from './link-targets';
import { visitorHash } from './visitors';

// A session token is 43 characters; anything much longer is not one and is not worth hashing.
const MAX_SESSION_TOKEN = 256;

/** Builds the click event of a GET on `link` with click id `id` at `at` (epoch ms). */
export async function describeHit(env: Pick<Env, 'DB'>, req: Request, link: LinkTarget, id: string, at: number): Promise<ClickEvent> {
  const userAgent = boundedUserAgent(req.headers.get('user-agent'));
  const cf = req.cf as IncomingRequestCfProperties | undefined;
  const session = sessionTokenOf(req.headers.get('cookie'));
  const event = toClickEvent({
    id,
    linkId: link.linkId,
    organisationId: link.organisationId,
    at,
    visitor: await visitorHash(getDb(env.DB), { ip: (req.headers.get('cf-connecting-ip') ?? '').slice(0, 64), userAgent, organisationId: link.organisationId, at }),
    userAgent,
    refererHost: refererHostOf(req.headers.get('referer')),
    country: cf?.country,
    asn: cf?.asn,
    session: session && session.length <= MAX_SESSION_TOKEN ? await sha256Hex(session) : undefined,
  });
  if (!event) throw new Error('click event out of bounds');
  return event;
}
