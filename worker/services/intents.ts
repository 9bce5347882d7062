/**
 * Share intents and QR codes: URLs that open the network's own composer with the ambassador's text
 * and personal link filled in. The ambassador reviews and publishes; Relais never posts for them.
 */
import { renderSVG } from 'uqr';
import type { Network } from '../../db/schema';

export interface IntentInput {
  network: Network;
  shortUrl: string;
  text: string;
  /** The content's title, used as the e-mail subject. */
  title: string;
}

/** The post as it is published: `text` followed by the link on its own paragraph, unless the ambassador already put it in. */
export function withLink(text: string, shortUrl: string): string {
  return text.includes(shortUrl) ? text : `${text.trimEnd()}\n\n${shortUrl}`;
}

/**
 * The network's share intent URL, or null where the network has none (Instagram only posts from its app).
 * - LinkedIn: the feed composer opened with the text (`shareActive=true&text=`), which is how LinkedIn's
 *   own "share" buttons prefill a post; the documented `sharing/share-offsite/?url=` cannot carry a text.
 * - X: the web intent (`intent/post?text=&url=`).
 * - Facebook: the sharer, which takes only the link (Facebook forbids prefilled text): the page offers the text to copy.
 * - E-mail: a `mailto:` with the content's title as subject (RFC 6068).
 * - Other: WhatsApp (`wa.me/?text=`), the messaging app such posts usually go to.
 */
export function intentUrl({ network, shortUrl, text, title }: IntentInput): string | null {
  const q = encodeURIComponent;
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/feed/?shareActive=true&text=${q(withLink(text, shortUrl))}`;
    case 'x': {
      const url = text.includes(shortUrl) ? '' : `&url=${q(shortUrl)}`;
      return `https://x.com/intent/post?text=${q(text.trimEnd())}${url}`;
    }
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${q(shortUrl)}`;
    case 'email':
      return `mailto:?subject=${q(title)}&body=${q(withLink(text, shortUrl))}`;
    case 'other':
      return `https://wa.me/?text=${q(withLink(text, shortUrl))}`;
    case 'instagram':
      return null;
  }
}

/**
 * A share URL that carries only the link, where the network documents one beside its text intent, else null.
 * LinkedIn's `feed/?shareActive=true&text=` is undocumented: on a phone the LinkedIn app may open on the feed
 * without the composer, or a signed-out visitor may lose the text at sign-in. Its documented
 * `sharing/share-offsite/?url=` always opens a share of the link (the text is then pasted, hence the page's
 * "copy my message"), so the page offers both.
 */
export function linkShareUrl(network: Network, shortUrl: string): string | null {
  return network === 'linkedin' ? `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(shortUrl)}` : null;
}

/** The short link as a QR code (SVG, error correction M, one unit per module so it scales cleanly). */
export function qrSvg(shortUrl: string): string {
  return renderSVG(shortUrl, { ecc: 'M', pixelSize: 1, border: 2 });
}
