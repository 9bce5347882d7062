import type { ClickEvent } from '../lib/click-event';
import { getDb } from '../lib/db';
import { recordClicks } from '../services/clicks';

/**
 * Consumes a batch of click events: one D1 batch, then `ackAll`. A failure throws, so the whole batch
 * is retried (recording is idempotent) and, after `max_retries`, goes to the dead-letter queue.
 */
export async function consumeClicks(batch: MessageBatch<ClickEvent>, env: Env): Promise<void> {
  const result = await recordClicks(getDb(env.DB), batch.messages.map((m) => m.body));
  if (result.skipped > 0) console.warn('click events for unknown links skipped', { skipped: result.skipped });
  batch.ackAll();
}
