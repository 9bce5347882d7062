/**
 * Classifies a hit on a short link from the facts the redirect kept (API.md, KPIs): `human` counts as a
 * click, `preview`, `scanner` and `automated` are filtered reasons. `optout` and `self` are decided elsewhere.
 *
 * Checks run in this order, and the first match wins:
 * 1. `scanner`: the referrer is a link-rewriting mail gateway, or the user agent names a scanner. First,
 *    because isbot flags some scanners too (`Google-Safety`) and the reason must say scanner.
 * 2. `preview`, named crawlers ({@link PREVIEW_AGENTS}). Before the automated list, because several embed
 *    an HTTP library's name: LinkedInBot's user agent contains `Apache-HttpClient`.
 * 3. `automated` by user agent: missing or blank, HTTP libraries and headless browsers
 *    ({@link AUTOMATED_AGENTS}). Before isbot, which flags most of them too and would call them previews.
 * 4. `preview`, any other self-declared bot (isbot).
 * 5. `automated` by network: a data-centre ASN ({@link DATA_CENTRE_ASNS}). Last, so that a crawler that
 *    says what it is keeps the more precise reason.
 * 6. `human`.
 *
 * Every list is one case-insensitive RegExp built once per isolate. Entries are literal tokens, anchors
 * and single character classes, with no nested quantifiers, so none can backtrack badly on hostile input.
 */
import { isbot } from 'isbot';
import type { Device } from '../../db/schema';

/** What the classifier needs from a `ClickEvent`. */
export interface HitFacts {
  userAgent: string | undefined;
  refererHost: string | undefined;
  asn: number | undefined;
}

/** The classes this module decides; `self` and `optout` are decided before it runs. */
export type UaClass = 'human' | 'preview' | 'scanner' | 'automated';

/**
 * Link-preview crawlers, as RegExp sources. They fetch a link to draw the card that goes with a post or a
 * message, so nobody has clicked yet. In-app browsers (LinkedIn, Facebook, Instagram, LINE, Snapchat,
 * Pinterest) are people, so an entry never matches the app's own name where the in-app browser carries it.
 */
export const PREVIEW_AGENTS = [
  'LinkedInBot',
  'facebookexternalhit',
  'Facebot',
  'meta-externalfetcher',
  'Twitterbot',
  'Slackbot', // Slackbot-LinkExpanding unfurls, Slackbot fetches
  '^WhatsApp/', // also Signal's preview fetcher
  'TelegramBot',
  'Discordbot',
  // Teams and Skype draw the chat card with SkypeUriPreview, Microsoft 365 with MicrosoftPreview: both are
  // the preview a recipient sees, like Slackbot. Safe Links' own checks show up by referrer or by ASN.
  'SkypeUriPreview',
  'MicrosoftPreview/',
  'Mastodon/',
  'Bluesky Cardyb',
  'Pinterest(?:bot)?/\\d', // not the in-app browser's `[Pinterest/iOS]`
  'redditbot',
  'Applebot',
  'Googlebot',
  'bingbot',
  'Embedly',
  'Iframely',
  'vkShare',
  'Snap ?URL ?Preview', // not the in-app browser's `Snapchat/13.x`
  '^Viber\\b',
  'line-poker', // LINE's preview fetcher; the in-app browser says `Line/14.x`
  'kakaotalk-scrap', // the in-app browser says `KAKAOTALK`
  'XING-contenttabreceiver',
] as const;

/**
 * Mail and chat link scanners recognised by user agent, as RegExp sources. Most gateways fetch with a
 * stock browser user agent from their cloud and are caught by referrer or by ASN instead.
 */
export const SCANNER_AGENTS = [
  'Google-Safety', // Google's abuse crawler for links posted on Google products
  // Office on Windows probes a clicked link before it opens the browser, which then makes the real hit.
  'Microsoft Office (?:Existence|Protocol) Discovery',
  'ms-office',
  'Mimecast',
  'Proofpoint',
  'Barracuda',
] as const;

/**
 * Hosts of link-rewriting mail gateways, as RegExp sources matched against the referrer host or its suffix
 * after a dot. Premise: a gateway that passes a person on with an HTTP redirect leaves the mail client's
 * Referer (usually none), so the gateway's own host as Referer marks the gateway's own fetch. A gateway
 * that passed people on through an HTML page would make them count as scanners.
 */
export const SCANNER_REFERERS = [
  'safelinks\\.protection\\.(?:outlook\\.com|office365\\.us|outlook\\.cn)', // Microsoft Defender Safe Links
  'protect(?:-[a-z0-9]+)?\\.mimecast\\.com', // Mimecast URL Protect: protect-eu., protect-us., …
  'urldefense\\.com', // Proofpoint URL Defense v3
  'urldefense\\.proofpoint\\.com', // Proofpoint URL Defense v1 and v2
  'linkprotect\\.cudasvc\\.com', // Barracuda Link Protection
  'secure-web\\.cisco\\.com', // Cisco Secure Email (IronPort)
  'clicktime\\.symantec\\.com', // Symantec (Broadcom) Email Security.cloud
  '[a-z0-9-]*ctp\\.trendmicro\\.com', // Trend Micro time-of-click: imsva91-ctp., ddec1-0-en-ctp., …
  'protection\\.sophos\\.com', // Sophos time-of-click: eu-central-1., us-west-2., …
  'scanmail\\.trustwave\\.com', // Trustwave Blended Threat links
] as const;

/** HTTP libraries, command-line clients and headless browsers, as RegExp sources. */
export const AUTOMATED_AGENTS = [
  '^curl\\b',
  '\\bWget/',
  'python-requests',
  'Python-urllib',
  'aiohttp',
  'python-httpx',
  'Go-http-client',
  'okhttp',
  '\\bJava/',
  'Apache-HttpClient',
  'node-fetch',
  'undici',
  '^node$', // Node's built-in fetch
  '^axios/',
  'PostmanRuntime',
  'HeadlessChrome',
  'PhantomJS',
  'Puppeteer',
  'Playwright',
  'Selenium',
  'libwww-perl',
  'Scrapy',
  'GuzzleHttp',
  '^Ruby\\b',
  '^Dart/',
  '^Deno/',
  '^Bun/',
  'HTTPie/',
  'PowerShell/',
] as const;

/**
 * Networks of cloud and hosting operators: people do not browse from them, scripts and scanners do.
 *
 * Left out on purpose, because people browse through them: Cloudflare (13335, WARP 209242), Akamai's
 * CDN (36183) and Fastly (54113), which carry iCloud Private Relay, and VPN hosters. Also 395747
 * (CLOUDFLARE-MGMT): it is the `asn` of miniflare's fallback `Request.cf` (`fallbackCf` in
 * node_modules/miniflare/dist/src/index.js), which `wrangler dev` uses offline and miniflare uses under
 * NODE_ENV=test, so local clicks count as human. Online, wrangler dev fetches the developer's real `cf`:
 * from a cloud VM (Codespaces runs on 8075), local clicks are `automated`.
 */
export const DATA_CENTRE_ASNS = [
  16509, // Amazon Web Services
  14618, // Amazon Web Services (us-east-1)
  15169, // Google (Google Cloud egress, Google's own fetchers)
  396982, // Google Cloud Platform
  8075, // Microsoft Azure, also Exchange Online Protection and Safe Links
  14061, // DigitalOcean
  16276, // OVHcloud
  24940, // Hetzner Online
  63949, // Akamai Connected Cloud (Linode), not Akamai's CDN
  12876, // Scaleway (Online SAS)
  31898, // Oracle Cloud Infrastructure
  45102, // Alibaba Cloud
  132203, // Tencent Cloud
  20473, // Vultr (Choopa)
  51167, // Contabo
  60781, // Leaseweb Netherlands
] as const;

const anyOf = (sources: readonly string[]): RegExp => new RegExp(sources.join('|'), 'i');

const PREVIEW_RE = anyOf(PREVIEW_AGENTS);
const SCANNER_RE = anyOf(SCANNER_AGENTS);
const AUTOMATED_RE = anyOf(AUTOMATED_AGENTS);
const SCANNER_HOST_RE = new RegExp(`(?:^|\\.)(?:${SCANNER_REFERERS.join('|')})$`, 'i');
const DATA_CENTRES: ReadonlySet<number> = new Set(DATA_CENTRE_ASNS);

// iPads on iPadOS 13+ send a Mac user agent and count as desktop; `Tablet PC` is a Windows desktop token.
// Android without `Mobi` anywhere: in-app browsers repeat `Android` after `Mobile` (Instagram does).
const TABLET_RE = /iPad|Tablet(?! PC)|Kindle|Silk\/|^(?!.*Mobi).*Android/i;
const MOBILE_RE = /Mobi|iPhone|iPod|Windows Phone/i;

/** The class the user agent alone gives, or undefined when it looks like a person's browser. */
function classOfAgent(userAgent: string | undefined): Exclude<UaClass, 'human'> | undefined {
  if (!userAgent?.trim()) return 'automated';
  if (SCANNER_RE.test(userAgent)) return 'scanner';
  if (PREVIEW_RE.test(userAgent)) return 'preview';
  if (AUTOMATED_RE.test(userAgent)) return 'automated';
  if (isbot(userAgent)) return 'preview';
  return undefined;
}

/**
 * Classifies one hit on a short link. The order of the checks is in this module's header.
 * @param facts The user agent (at most 256 characters), the referrer's host and the client's ASN.
 */
export function classifyHit(facts: HitFacts): UaClass {
  if (facts.refererHost !== undefined && SCANNER_HOST_RE.test(facts.refererHost)) return 'scanner';
  const byAgent = classOfAgent(facts.userAgent);
  if (byAgent) return byAgent;
  if (facts.asn !== undefined && DATA_CENTRES.has(facts.asn)) return 'automated';
  return 'human';
}

/**
 * The device class of a user agent: `bot` when the user agent alone makes the hit a preview, a scanner
 * or automated (a missing one included), otherwise `tablet`, `mobile` or `desktop`.
 */
export function deviceOf(userAgent: string | undefined): Device {
  if (userAgent === undefined || classOfAgent(userAgent)) return 'bot';
  if (TABLET_RE.test(userAgent)) return 'tablet';
  if (MOBILE_RE.test(userAgent)) return 'mobile';
  return 'desktop';
}
