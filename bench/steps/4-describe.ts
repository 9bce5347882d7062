/** Step 4: + `waitUntil(describeHit)`: visitor hash (cached daily salt, SHA-256); the event is dropped. */
import { signClickId } from '../../worker/lib/click-id';
import { getDb } from '../../worker/lib/db';
import { resolveLink } from '../../worker/services/link-targets';
import { trackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, describeHit, slugWorker } from './shared';

export default slugWorker(async (req, env, ctx, slug) => {
  const now = Date.now();
  const link = await resolveLink(getDb(env.DB), slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.linkId, now);
  ctx.waitUntil(describeHit(env, req, link, clickId, now).then(() => undefined));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});
