import { app } from './app';
import type { ClickMessage } from './lib/click-event';
import { CLICKS_DEAD_LETTER_QUEUE, consumeClicks, consumeDeadLetters } from './queue/clicks';
import { redirect, shortLinkSlug } from './redirect';
import { runScheduled } from './scheduled';

export default {
  fetch(req: Request, env: Env, ctx: ExecutionContext) {
    const slug = shortLinkSlug(req);
    return slug ? redirect(req, env, ctx, slug) : app.fetch(req, env, ctx);
  },
  queue(batch: MessageBatch<ClickMessage>, env: Env) {
    return batch.queue === CLICKS_DEAD_LETTER_QUEUE ? consumeDeadLetters(batch, env) : consumeClicks(batch, env);
  },
  scheduled: runScheduled,
} satisfies ExportedHandler<Env, ClickMessage>;
