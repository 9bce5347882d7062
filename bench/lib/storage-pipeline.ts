/**
 * The isolate's side of the click pipeline, run in Node: the real sink (`sendClick` and its coalescing)
 * into a queue stub that keeps each message as the queue would store it.
 */
import { deserialize, serialize } from 'node:v8';
import type { ClickEvent, ClickMessage } from '../../worker/lib/click-event';
import { sendClick } from '../../worker/services/click-sink';

/** What the sink handed to the queue. */
export interface Sent {
  messages: ClickMessage[];
  /** Each message's size as the queue stores it (V8 serialisation, the default content type). */
  bytes: number[];
}

/**
 * Hands `events` to the real sink, `perWindow` at a time: the events of one group arrive within one
 * coalescing window of one isolate, and the next group only after that window has flushed. `perWindow`
 * ≥ the events is a burst (100 per message), 1 is sparse traffic (one click per window).
 */
export async function coalesce(events: readonly ClickEvent[], perWindow: number): Promise<Sent> {
  const sent: Sent = { messages: [], bytes: [] };
  const queue = {
    send: async (body: ClickMessage) => {
      const bytes = serialize(body);
      sent.messages.push(deserialize(bytes) as ClickMessage);
      sent.bytes.push(bytes.length);
    },
    sendBatch: async () => {
      throw new Error('the sink sends one message at a time');
    },
  };
  const env = { CLICKS: queue as unknown as Queue, DB: undefined as unknown as D1Database };
  for (let i = 0; i < events.length; i += perWindow) {
    await Promise.all(events.slice(i, i + perWindow).map((event) => sendClick(env, event)));
  }
  return sent;
}
