/**
 * What-if (not part of the chain): the real redirect, except that the drizzle handle is built once per
 * isolate instead of twice per request (`getDb` runs drizzle's schema extraction each time). Same
 * lookup, click id, describeHit and `sendClick` to the real queue.
 */
import { signClickId } from '../../worker/lib/click-id';
import type { ClickEvent } from '../../worker/lib/click-event';
import { getDb, type Db } from '../../worker/lib/db';
import { consumeClicks } from '../../worker/queue/clicks';
import { sendClick } from '../../worker/services/click-sink';
import { resolveLink } from '../../worker/services/link-targets';
import { trackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, describeHit, slugWorker } from './shared';

let cached: { d1: D1Database; db: Db } | undefined;
function dbOnce(d1: D1Database): Db {
  if (cached?.d1 !== d1) cached = { d1, db: getDb(d1) };
  return cached.db;
}

const worker = slugWorker(async (c, slug) => {
  const now = Date.now();
  const db = dbOnce(c.env.DB);
  const link = await resolveLink(db, slug, now);
  if (!link) return new Response(null, { status: 404 });
  const clickId = await signClickId(c.env.CLICK_SIGNING_KEY, link.linkId, now);
  c.executionCtx.waitUntil(describeHit(c.env, c.req.raw, link, clickId, now, db).then((event) => sendClick(c.env, event)));
  return new Response(null, { status: 302, headers: { Location: trackedUrl(link, clickId), ...HEADERS } });
});

// The real consumer too: its clicks are recorded like the redirect's (without it they would be retried, then dead-lettered).
export default { fetch: worker.fetch, queue: consumeClicks } satisfies ExportedHandler<Env, ClickEvent>;
