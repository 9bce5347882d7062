/**
 * Hands click events to the queue without ever failing the redirect. Events that arrive within
 * `COALESCE_MS` in one isolate leave as one message (one binding call and one queue operation instead
 * of one per click; the consumer unpacks them).
 * If the queue refuses them, they are recorded directly in D1; if that fails too, they are logged (with
 * their count) and the audience never notices.
 */
import { MAX_EVENTS_PER_MESSAGE, type ClickEvent, type ClickMessage } from '../lib/click-event';
import { getDb } from '../lib/db';
import { recordClicks } from './clicks';

export const COALESCE_MS = 5;

let pending: ClickEvent[] = [];

/**
 * Queues one event; the returned promise settles (never rejects) once the event is handed over or left to
 * the request that opened its batch. Only that request waits and flushes, in its own context: sharing one
 * promise across requests makes workerd warn (and work) on every continuation from another request.
 */
export function sendClick(env: Pick<Env, 'CLICKS' | 'DB'>, event: ClickEvent): Promise<void> {
  pending.push(event);
  if (pending.length >= MAX_EVENTS_PER_MESSAGE) return flush(env);
  if (pending.length > 1) return Promise.resolve();
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
      console.error('clicks lost: queue and D1 both failed', { count: events.length, queueError: String(queueError), dbError: String(dbError) });
    }
  }
}
