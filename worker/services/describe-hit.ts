/**
 * The facts of one hit on a short link, computed after the redirect has answered: the IP and user agent
 * are read here and only the daily visitor hash of them leaves; the session cookie leaves hashed.
 */
import type { ClickEvent } from '../lib/click-event';
import { sessionTokenOf } from '../lib/cookies';
import { getDb } from '../lib/db';
import { sha256Hex } from '../lib/encoding';
import type { LinkTarget } from './link-targets';
import { visitorHash } from './visitors';

/** Builds the click event of a GET on `link` with click id `id` at `at` (epoch ms). */
export async function describeHit(env: Pick<Env, 'DB'>, req: Request, link: LinkTarget, id: string, at: number): Promise<ClickEvent> {
  const userAgent = (req.headers.get('user-agent') ?? '').slice(0, 256);
  const cf = req.cf as IncomingRequestCfProperties | undefined;
  const session = sessionTokenOf(req.headers.get('cookie'));
  return {
    id,
    linkId: link.linkId,
    organisationId: link.organisationId,
    at,
    visitor: await visitorHash(getDb(env.DB), { ip: req.headers.get('cf-connecting-ip') ?? '', userAgent, organisationId: link.organisationId, at }),
    userAgent: userAgent || undefined,
    refererHost: hostOf(req.headers.get('referer')),
    country: typeof cf?.country === 'string' ? cf.country : undefined,
    asn: typeof cf?.asn === 'number' ? cf.asn : undefined,
    session: session ? await sha256Hex(session) : undefined,
  };
}

function hostOf(referer: string | null): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).hostname || undefined;
  } catch {
    return undefined;
  }
}
