/**
 * Hands click events to the queue without ever failing the redirect. Events that arrive within
 * `COALESCE_MS` in one isolate leave as one message (one binding call and one queue operation instead
 * of one per click; the consumer unpacks them).
 * If the queue refuses them, they are recorded directly in D1; if that fails too, they are logged (with
 * their count) and the audience never notices.
 */
import { MAX_EVENTS_PER_MESSAGE, type ClickEvent, type ClickMessage } from '../lib/click-event';
import { getDb } from '../lib/db';
import { describeError, logError } from '../lib/log';
import { recordClicks } from './clicks';

export const COALESCE_MS = 5;
/** A batch still pending this long after it opened lost the request meant to flush it: the next click flushes it. */
export const TAKEOVER_MS = 1_000;

let pending: ClickEvent[] = [];
let openedAt = 0;

/**
 * Queues one event; the returned promise settles (never rejects) once the event is handed over or left to
 * the request that opened its batch. Only that request waits and flushes, in its own context: sharing one
 * promise across requests makes workerd warn (and work) on every continuation from another request.
 * If that request never flushed (its context ended first), a later click takes the batch over.
 */
export function sendClick(env: Pick<Env, 'CLICKS' | 'DB'>, event: ClickEvent, now = Date.now()): Promise<void> {
  pending.push(event);
  if (pending.length >= MAX_EVENTS_PER_MESSAGE) return flush(env);
  if (pending.length > 1 && now - openedAt < TAKEOVER_MS) return Promise.resolve();
  openedAt = now;
  return new Promise<void>((resolve) => setTimeout(resolve, COALESCE_MS)).then(() => flush(env));
}

async function flush(env: Pick<Env, 'CLICKS' | 'DB'>): Promise<void> {
  const events = pending;
  pending = [];
  if (events.length === 0) return;
  try {
    await env.CLICKS.send(events satisfies ClickMessage);
  } catch (queueError) {
    try {
      await recordClicks(getDb(env.DB), events);
    } catch (dbError) {
      const queue = describeError(queueError);
      logError('clicks lost: queue and D1 both failed', dbError, { count: events.length, queueError: `${queue.name}: ${queue.message}` });
    }
  }
}
