/**
 * Realistic click events, built by the redirect's own code: `signClickId` for the id, `describeHit` for
 * the facts (daily visitor hash, bounded user agent, referrer host, country, ASN) of a synthetic GET, and
 * the opt-out event the redirect sends for `Sec-GPC`. The traffic: people from a daily pool of visitors
 * (some click twice, some click two links), link previews, scripts, mail scanners and opt-outs, over every
 * link (a few hot, most cold) and `days` days, in time order as a queue would deliver them.
 */
import type { ClickEvent } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { newId } from '../../worker/lib/ids';
import { describeHit } from '../../worker/services/describe-hit';
import type { LinkTarget } from '../../worker/services/link-targets';

const DAY_MS = 86_400_000;

const BROWSERS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1190',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const REFERERS = ['https://www.linkedin.com/', 'https://lnkd.in/', 'https://t.co/', 'https://www.facebook.com/', 'https://www.google.com/', undefined];
const COUNTRIES = ['FR', 'FR', 'FR', 'DE', 'GB', 'US', 'ES', 'BE', 'NL', 'IT', 'CH', 'CA'];
const HOME_ASNS = [3215, 12322, 5410, 3320, 2856, 7922, 3352, 5432];
const PREVIEWS = [
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Twitterbot/1.0',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'WhatsApp/2.23.20.0',
];
const SCRIPTS = ['curl/8.5.0', 'python-requests/2.32.3', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'];

/** Share of each kind of hit; the rest are people. */
export const MIX = { preview: 0.08, automated: 0.04, scanner: 0.02, optout: 0.02 } as const;

export interface TrafficOptions {
  clicks: number;
  days: number;
  /** Epoch ms of the last click. */
  end: number;
  signingKey: string;
  /** Pseudo-random seed: the same options give the same traffic (ids aside). */
  seed?: number;
}

/** A small deterministic PRNG (mulberry32), so two runs send the same traffic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `options.clicks` events on `links`. `db` is the D1 the daily salts live in (the redirect's, not the
 * consumer's: the bench meters only the consumer).
 */
export async function clickEvents(db: D1Database, links: readonly LinkTarget[], options: TrafficOptions): Promise<ClickEvent[]> {
  const random = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Link popularity ∝ 1/(rank+1): a few hot links, a long tail.
  const weights = links.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  const pickLink = () => {
    const r = random();
    return links[cumulative.findIndex((c) => c >= r)] ?? links[links.length - 1]!;
  };
  // A day's people: about two human clicks per visitor, so some repeat a link and some open two.
  const humansPerDay = (options.clicks / options.days) * (1 - Object.values(MIX).reduce((a, b) => a + b, 0));
  const poolSize = Math.max(1, Math.round(humansPerDay / 2));
  const start = options.end - options.days * DAY_MS;
  const step = (options.days * DAY_MS) / options.clicks;

  const events: ClickEvent[] = [];
  // In time order, a chunk at a time: describeHit's salt cache holds one day, and the hashes run in parallel.
  for (let from = 0; from < options.clicks; from += 500) {
    const chunk: Array<Promise<ClickEvent>> = [];
    for (let i = from; i < Math.min(options.clicks, from + 500); i++) {
      const at = Math.floor(start + i * step);
      const day = Math.floor((at - start) / DAY_MS);
      const link = pickLink();
      const roll = random();
      if (roll < MIX.optout) {
        chunk.push(Promise.resolve({ id: newId('opt'), linkId: link.linkId, organisationId: link.organisationId, at, optout: true }));
        continue;
      }
      const headers = new Headers();
      let cf: { country: string; asn: number };
      if (roll < MIX.optout + MIX.preview) {
        headers.set('user-agent', pick(PREVIEWS));
        cf = { country: 'US', asn: pick([8075, 16509, 32934]) };
      } else if (roll < MIX.optout + MIX.preview + MIX.automated) {
        headers.set('user-agent', pick(SCRIPTS));
        cf = { country: pick(['US', 'DE', 'NL']), asn: pick([16509, 14061, 24940]) };
      } else if (roll < MIX.optout + MIX.preview + MIX.automated + MIX.scanner) {
        headers.set('user-agent', BROWSERS[2]!);
        headers.set('referer', 'https://eur01.safelinks.protection.outlook.com/');
        cf = { country: 'IE', asn: 8075 };
      } else {
        // Visitor n of day d: a stable IP and browser, so its hash repeats within the day.
        const visitor = Math.floor(random() * poolSize);
        headers.set('user-agent', BROWSERS[(visitor + day) % BROWSERS.length]!);
        headers.set('cf-connecting-ip', `10.${day}.${visitor >> 8}.${visitor & 255}`);
        const referer = pick(REFERERS);
        if (referer) headers.set('referer', referer);
        cf = { country: COUNTRIES[visitor % COUNTRIES.length]!, asn: HOME_ASNS[visitor % HOME_ASNS.length]! };
      }
      const request = new Request(`https://go.example.com/${link.linkId}`, { headers });
      Object.defineProperty(request, 'cf', { value: cf });
      chunk.push(signClickId(options.signingKey, link.linkId, at).then((id) => describeHit({ DB: db }, request, link, id, at)));
    }
    events.push(...(await Promise.all(chunk)));
  }
  return events;
}
