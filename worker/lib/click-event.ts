/**
 * What the redirect tells the click pipeline about one GET: facts only, classified later by the
 * consumer. The IP never leaves the request: only the daily visitor hash computed from it does.
 * An opted-out hit (`Sec-GPC`/`DNT`) carries nothing but its id, link, organisation and time.
 * Every field is bounded here, whatever the request carried, so one event serialises to at most
 * `MAX_EVENT_BYTES` and a stored click row stays small.
 */
export interface ClickEvent {
  /** The signed click id (`rl_cid`), or a random id for an opted-out or unsigned hit. */
  id: string;
  linkId: string;
  organisationId: string;
  /** Epoch ms. */
  at: number;
  optout?: true;
  /** SHA-256(daily salt ‖ IP ‖ user agent ‖ organisation), hex. */
  visitor?: string;
  /** User agent, printable ASCII, at most `MAX_USER_AGENT` characters, dropped after classification. */
  userAgent?: string;
  /** A valid host name of at most 253 characters, lower case. */
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

/** Keeps a message under the queue's 128 KB (100 × `MAX_EVENT_BYTES`) and one D1 batch small. */
export const MAX_EVENTS_PER_MESSAGE = 100;
/** The largest event `toClickEvent` can produce, serialised as JSON (checked by a test). */
export const MAX_EVENT_BYTES = 1024;
export const MAX_USER_AGENT = 256;
const MAX_HOST = 253;
const MAX_AT = 8.64e15;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const COUNTRY = /^[A-Z0-9]{2}$/;
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// scheme://[userinfo@]host[:port] then a delimiter or the end; every part bounded, so the match is linear.
const AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/(?:[^/?#@]{0,256}@)?([^/?#:@[\]]{1,254})(?::\d{0,5})?(?:[/?#]|$)/;
// Long enough for the longest authority AUTHORITY accepts, short enough that nothing else is read.
const AUTHORITY_PREFIX = 600;
const NOT_UA = /[^\x20-\x21\x23-\x5b\x5d-\x7e]/g;

/** The host of a `Referer` header when it is a valid host name of at most 253 characters, else undefined. */
export function refererHostOf(referer: string | null | undefined): string | undefined {
  if (!referer) return undefined;
  return hostName(AUTHORITY.exec(referer.slice(0, AUTHORITY_PREFIX))?.[1]);
}

function hostName(value: string | undefined): string | undefined {
  const host = value?.slice(0, MAX_HOST + 2).toLowerCase().replace(/\.$/, '');
  return host && host.length <= MAX_HOST && HOST_NAME.test(host) ? host : undefined;
}

/** A user agent kept to printable ASCII (no quote or backslash) and `MAX_USER_AGENT` characters. */
export function boundedUserAgent(userAgent: string | null | undefined): string {
  return (userAgent ?? '').slice(0, 4 * MAX_USER_AGENT).replace(NOT_UA, '').slice(0, MAX_USER_AGENT);
}

/**
 * The event a queue message (or a request) holds, with every field checked and bounded: optional facts
 * that are malformed are dropped, and a value without a usable id, link, organisation or time is null.
 */
export function toClickEvent(value: unknown): ClickEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isId(v.id) || !isId(v.linkId) || !isId(v.organisationId)) return null;
  if (typeof v.at !== 'number' || !Number.isInteger(v.at) || v.at < 0 || v.at > MAX_AT) return null;
  const event: ClickEvent = { id: v.id, linkId: v.linkId, organisationId: v.organisationId, at: v.at };
  if (v.optout === true) return { ...event, optout: true };
  if (isId(v.visitor)) event.visitor = v.visitor;
  const userAgent = typeof v.userAgent === 'string' ? boundedUserAgent(v.userAgent) : '';
  if (userAgent) event.userAgent = userAgent;
  const refererHost = typeof v.refererHost === 'string' ? hostName(v.refererHost) : undefined;
  if (refererHost) event.refererHost = refererHost;
  if (typeof v.country === 'string' && COUNTRY.test(v.country)) event.country = v.country;
  if (typeof v.asn === 'number' && Number.isInteger(v.asn) && v.asn >= 0 && v.asn < 2 ** 32) event.asn = v.asn;
  if (isId(v.session)) event.session = v.session;
  return event;
}

/** What is known of a value that is not a click event: its organisation and time, when it names them. */
export interface LostEvent {
  organisationId?: string;
  at?: number;
}

/** The events of one message body, checked; `invalid` holds what can never be recorded. */
export function eventsOf(body: unknown): { events: ClickEvent[]; invalid: LostEvent[] } {
  const events: ClickEvent[] = [];
  const invalid: LostEvent[] = [];
  for (const value of Array.isArray(body) ? (body as unknown[]) : [body]) {
    const event = toClickEvent(value);
    if (event) events.push(event);
    else invalid.push(lostEventOf(value));
  }
  return { events, invalid };
}

function lostEventOf(value: unknown): LostEvent {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    ...(isId(v.organisationId) ? { organisationId: v.organisationId } : {}),
    ...(typeof v.at === 'number' && Number.isInteger(v.at) && v.at >= 0 && v.at <= MAX_AT ? { at: v.at } : {}),
  };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
