import { eventsOf, MAX_EVENTS_PER_MESSAGE, type ClickMessage } from '../lib/click-event';
import { getDb } from '../lib/db';
import { recordClicks } from '../services/clicks';

/**
 * Consumes a batch of click messages: their events, in D1 batches of at most `MAX_EVENTS_PER_MESSAGE`
 * (D1 binds at most 100 parameters, and a link or session lookup binds one per event), then `ackAll`.
 * A failure throws, so the whole batch is retried (recording is idempotent) and, after `max_retries`,
 * goes to the dead-letter queue.
 */
export async function consumeClicks(batch: MessageBatch<ClickMessage>, env: Env): Promise<void> {
  const events = eventsOf(batch.messages);
  const db = getDb(env.DB);
  let skipped = 0;
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_MESSAGE) {
    skipped += (await recordClicks(db, events.slice(start, start + MAX_EVENTS_PER_MESSAGE))).skipped;
  }
  if (skipped > 0) console.warn('click events for unknown links skipped', { skipped });
  batch.ackAll();
}
