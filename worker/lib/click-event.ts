/**
 * What the redirect tells the click pipeline about one GET: facts only, classified later by the
 * consumer. The IP never leaves the request: only the daily visitor hash computed from it does.
 * An opted-out hit (`Sec-GPC`/`DNT`) carries nothing but its id, link, organisation and time.
 */
export interface ClickEvent {
  /** The signed click id (`rl_cid`), or a random id for an opted-out hit. */
  id: string;
  linkId: string;
  organisationId: string;
  /** Epoch ms. */
  at: number;
  optout?: true;
  /** SHA-256(daily salt ‖ IP ‖ user agent ‖ organisation), hex. */
  visitor?: string;
  /** User agent, at most 256 characters, dropped after classification. */
  userAgent?: string;
  refererHost?: string;
  country?: string;
  asn?: number;
  /** SHA-256 of the session cookie's token, when the request carried one (to recognise `self` clicks). */
  session?: string;
}

/**
 * One queue message: the events one isolate coalesced (`click-sink.ts`), at most `MAX_EVENTS_PER_MESSAGE`.
 * A single event is accepted too, so a message queued by a release that sent one event per message still counts.
 */
export type ClickMessage = readonly ClickEvent[] | ClickEvent;

/** Keeps a message well under the queue's 128 KB (an event is at most ≈ 600 bytes) and one D1 batch small. */
export const MAX_EVENTS_PER_MESSAGE = 100;

/** The events of a batch of messages, in order. */
export function eventsOf(messages: readonly { body: ClickMessage }[]): ClickEvent[] {
  return messages.flatMap((m) => (Array.isArray(m.body) ? m.body : [m.body as ClickEvent]));
}
