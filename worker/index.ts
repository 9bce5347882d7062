import { app } from './app';
import type { ClickEvent } from './lib/click-event';
import { consumeClicks } from './queue/clicks';
import { runScheduled } from './scheduled';

export default {
  fetch: app.fetch,
  queue: consumeClicks,
  scheduled: runScheduled,
} satisfies ExportedHandler<Env, ClickEvent>;
