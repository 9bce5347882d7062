/**
 * Step 5: + `sendClick` (5 ms coalescing) into a queue stub whose `sendBatch` does nothing: the
 * coalescing and timers without the binding call. The next step, the real Worker, adds the queue.
 */
import { signClickId } from '../../worker/lib/click-id';
import { getDb } from '../../worker/lib/db';
import { sendClick } from '../../worker/services/click-sink';
import { resolveLink } from '../../worker/services/link-targets';
import { trackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, describeHit, slugWorker } from './shared';

const noQueue = { sendBatch: async () => undefined } as unknown as Env['CLICKS'];

export default slugWorker(async (c, slug) => {
  const now = Date.now();
  const link = await resolveLink(getDb(c.env.DB), slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(c.env.CLICK_SIGNING_KEY, link.linkId, now);
  const env = { DB: c.env.DB, CLICKS: noQueue };
  c.executionCtx.waitUntil(describeHit(c.env, c.req.raw, link, clickId, now).then((event) => sendClick(env, event)));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});
