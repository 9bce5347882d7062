import { app } from './app';
import type { ClickMessage } from './lib/click-event';
import { consumeClicks } from './queue/clicks';
import { redirect, shortLinkSlug } from './redirect';
import { runScheduled } from './scheduled';

export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext) {
    const slug = shortLinkSlug(req);
    return slug ? redirect(req, env, ctx, slug) : app.fetch(req, env, ctx);
  },
  queue: consumeClicks,
  scheduled: runScheduled,
} satisfies ExportedHandler<Env, ClickMessage>;
