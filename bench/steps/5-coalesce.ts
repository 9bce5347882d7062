/**
 * Step 5: + `sendClick` (5 ms coalescing) into a queue stub whose `send` does nothing: the
 * coalescing and timers without the binding call. The next step, the real Worker, adds the queue.
 */
import { signClickId } from '../../worker/lib/click-id';
import { getDb } from '../../worker/lib/db';
import { sendClick } from '../../worker/services/click-sink';
import { resolveLink } from '../../worker/services/link-targets';
import { trackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, describeHit, slugWorker } from './shared';

const noQueue = { send: async () => undefined } as unknown as Env['CLICKS'];

export default slugWorker(async (req, env, ctx, slug) => {
  const now = Date.now();
  const link = await resolveLink(getDb(env.DB), slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.linkId, now);
  const sink = { DB: env.DB, CLICKS: noQueue };
  ctx.waitUntil(describeHit(env, req, link, clickId, now).then((event) => sendClick(sink, event)));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});
