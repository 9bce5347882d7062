/**
 * Step 6: + the real queue: `sendClick` hands the events to `env.CLICKS.send` and the real consumer
 * records them; but a message the queue refuses (Miniflare: ≥ 10 000 pending) is dropped here instead of
 * taking the D1 fallback, so the next step (the real Worker) shows what that fallback costs.
 */
import type { ClickMessage } from '../../worker/lib/click-event';
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
    // sendClick calls nothing but send.
    const send = (message: ClickMessage) => queue.send(message).catch(() => undefined);
    wrapped = { queue, dropping: { send } as unknown as Env['CLICKS'] };
  }
  return wrapped.dropping;
}

const worker = slugWorker(async (req, env, ctx, slug) => {
  const now = Date.now();
  const link = await resolveLink(getDb(env.DB), slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.linkId, now);
  const sink = { DB: env.DB, CLICKS: droppingRefusals(env.CLICKS) };
  ctx.waitUntil(describeHit(env, req, link, clickId, now).then((event) => sendClick(sink, event)));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});

export default { fetch: worker.fetch, queue: consumeClicks } satisfies ExportedHandler<Env, ClickMessage>;
