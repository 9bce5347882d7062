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
