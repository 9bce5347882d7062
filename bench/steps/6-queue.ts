/**
 * Step 6: + the real queue: `sendClick` hands the events to `env.CLICKS.sendBatch` and the real consumer
 * records them; but a batch the queue refuses (Miniflare: ≥ 10 000 pending) is dropped here instead of
 * taking the D1 fallback, so the next step (the real Worker) shows what that fallback costs.
 */
import type { ClickEvent } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { getDb } from '../../worker/lib/db';
import { consumeClicks } from '../../worker/queue/clicks';
import { sendClick } from '../../worker/services/click-sink';
import { resolveLink } from '../../worker/services/link-targets';
import { trackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, describeHit, slugWorker } from './shared';

let wrapped: { queue: Env['CLICKS']; dropping: Env['CLICKS'] } | undefined;
function droppingRefusals(queue: Env['CLICKS']): Env['CLICKS'] {
  if (wrapped?.queue !== queue) {
    // sendClick calls nothing but sendBatch.
    const sendBatch = (messages: Iterable<MessageSendRequest<ClickEvent>>) => queue.sendBatch(messages).catch(() => undefined);
    wrapped = { queue, dropping: { sendBatch } as unknown as Env['CLICKS'] };
  }
  return wrapped.dropping;
}

const worker = slugWorker(async (c, slug) => {
  const now = Date.now();
  const link = await resolveLink(getDb(c.env.DB), slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(c.env.CLICK_SIGNING_KEY, link.linkId, now);
  const env = { DB: c.env.DB, CLICKS: droppingRefusals(c.env.CLICKS) };
  c.executionCtx.waitUntil(describeHit(c.env, c.req.raw, link, clickId, now).then((event) => sendClick(env, event)));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});

export default { fetch: worker.fetch, queue: consumeClicks } satisfies ExportedHandler<Env, ClickEvent>;
