import { eventsOf, type ClickMessage, type LostEvent } from '../lib/click-event';
import { getDb } from '../lib/db';
import { logError } from '../lib/log';
import { recordClicks } from '../services/clicks';
import { countDeadLetters } from '../services/dead-letters';

/** The dead-letter queue of `relais-clicks` (wrangler.toml), consumed by the same worker. */
export const CLICKS_DEAD_LETTER_QUEUE = 'relais-clicks-dlq';

/**
 * Consumes a batch of click messages one message at a time: its events in one D1 batch (idempotent),
 * then that message is acked; a message that fails is retried alone, so one poisoned message never
 * drags the others of its batch to the dead-letter queue. Values that are not click events can never
 * be recorded: they are counted in `dead_letters` at once instead of being retried.
 */
export async function consumeClicks(batch: MessageBatch<ClickMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  const skipped = await Promise.all(
    batch.messages.map(async (message) => {
      const { events, invalid } = eventsOf(message.body);
      try {
        const { skipped } = await recordClicks(db, events);
        if (invalid.length > 0) await countDeadLetters(db, invalid);
        message.ack();
        return skipped + invalid.length;
      } catch (error) {
        logError('click message not recorded, retried', error, { attempts: message.attempts, events: events.length });
        message.retry({ delaySeconds: retryDelay(message.attempts) });
        return 0;
      }
    }),
  );
  const total = skipped.reduce((a, b) => a + b, 0);
  if (total > 0) console.warn('click events skipped (unknown link or malformed)', { skipped: total });
}

/**
 * Consumes the dead-letter queue: each message's events are recorded if D1 now takes them; otherwise
 * they are counted in `dead_letters` (organisation and day only) and logged as a count, then acked.
 * Only a message whose count cannot be stored either is retried.
 */
export async function consumeDeadLetters(batch: MessageBatch<ClickMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  for (const message of batch.messages) {
    const { events, invalid } = eventsOf(message.body);
    try {
      await recordClicks(db, events);
      if (invalid.length > 0) await countDeadLetters(db, invalid);
      console.warn('dead-lettered click message recorded', { events: events.length, invalid: invalid.length });
      message.ack();
      continue;
    } catch (error) {
      logError('dead-lettered click message cannot be recorded: counted as lost', error, { events: events.length + invalid.length });
    }
    try {
      await countDeadLetters(db, [...events, ...invalid] satisfies LostEvent[]);
      message.ack();
    } catch (error) {
      logError('dead-lettered click message not counted, retried', error, { events: events.length + invalid.length });
      message.retry({ delaySeconds: retryDelay(message.attempts) });
    }
  }
}

/** Seconds before a failed message comes back: doubling from 2 s, at most 5 minutes (a D1 outage passes). */
function retryDelay(attempts: number): number {
  return Math.min(300, 2 ** Math.max(1, attempts));
}
