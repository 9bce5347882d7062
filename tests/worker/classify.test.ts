import { describe, expect, it } from 'vitest';
import type { Device } from '../../db/schema';
import {
  AUTOMATED_AGENTS,
  classifyHit,
  DATA_CENTRE_ASNS,
  deviceOf,
  type HitFacts,
  PREVIEW_AGENTS,
  SCANNER_AGENTS,
  SCANNER_REFERERS,
  type UaClass,
} from '../../worker/services/classify';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const LINKEDIN_BOT = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';
const HEADLESS = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.6478.126 Safari/537.36';
const GOOGLE_SAFETY = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.179 Safari/537.36 (compatible; Google-Safety; +http://www.google.com/bot.html)';
/** Orange France, a residential network. */
const ORANGE = 3215;
/** The `asn` of miniflare's fallback `Request.cf` (CLOUDFLARE-MGMT), used by `wrangler dev` offline and in these tests. */
const MINIFLARE_FALLBACK_ASN = 395747;

type Examples<T extends readonly string[]> = Record<T[number], readonly [string, ...string[]]>;

/** Real-world user agents, at least one per list entry. */
const PREVIEW_EXAMPLES = {
  LinkedInBot: [LINKEDIN_BOT, 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Jakarta Commons-HttpClient/4.3 +http://www.linkedin.com)'],
  facebookexternalhit: [
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    // iMessage's preview fetcher
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
  ],
  Facebot: ['Facebot/1.0'],
  'meta-externalfetcher': ['meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)'],
  Twitterbot: ['Twitterbot/1.0'],
  Slackbot: ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Slackbot 1.0 (+https://api.slack.com/robots)'],
  '^WhatsApp/': ['WhatsApp/2.23.20.0 A', 'WhatsApp/0.3.4479 N'],
  TelegramBot: ['TelegramBot (like TwitterBot)'],
  Discordbot: ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
  SkypeUriPreview: ['Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36 SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com'],
  'MicrosoftPreview/': ['MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview'],
  'Mastodon/': ['http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/)', 'Mastodon/4.3.0 (http.rb/5.2.0; +https://mastodon.social/) Bot'],
  'Bluesky Cardyb': ['Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)'],
  'Pinterest(?:bot)?/\\d': ['Pinterest/0.2 (+https://www.pinterest.com/bot.html)', 'Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)'],
  redditbot: ['Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)'],
  Applebot: ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)'],
  Googlebot: ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  bingbot: ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
  Embedly: ['Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)'],
  Iframely: ['Iframely/1.3.1 (+https://iframely.com/docs/about) Atlassian', 'Mozilla/5.0 (compatible; iframely/1.3.1; +https://iframely.com/docs/about)'],
  vkShare: ['Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)'],
  'Snap ?URL ?Preview': ['Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots', 'Mozilla/5.0 (compatible; SnapURLPreview/1.0; +https://www.snapchat.com)'],
  '^Viber\\b': ['Viber'],
  'line-poker': ['facebookexternalhit/1.1;line-poker/1.0'],
  'kakaotalk-scrap': ['facebookexternalhit/1.1; kakaotalk-scrap/1.0; +https://devtalk.kakao.com/'],
  'XING-contenttabreceiver': ['XING-contenttabreceiver/2.0'],
} satisfies Examples<typeof PREVIEW_AGENTS>;

const SCANNER_EXAMPLES = {
  'Google-Safety': [GOOGLE_SAFETY],
  'Microsoft Office (?:Existence|Protocol) Discovery': ['Microsoft Office Existence Discovery', 'Microsoft Office Protocol Discovery'],
  'ms-office': ['Mozilla/4.0 (compatible; ms-office; MSOffice 16)'],
  // Gateways that name themselves do it with a token; the rest of these strings is illustrative.
  Mimecast: ['Mozilla/5.0 (compatible; Mimecast URL Protect)'],
  Proofpoint: ['Mozilla/5.0 (compatible; Proofpoint URL Defense)'],
  Barracuda: ['Mozilla/5.0 (compatible; Barracuda Link Protection)'],
} satisfies Examples<typeof SCANNER_AGENTS>;

const REFERER_EXAMPLES = {
  'safelinks\\.protection\\.(?:outlook\\.com|office365\\.us|outlook\\.cn)': [
    'eur01.safelinks.protection.outlook.com',
    'nam12.safelinks.protection.outlook.com',
    'gcc02.safelinks.protection.office365.us',
  ],
  'protect(?:-[a-z0-9]+)?\\.mimecast\\.com': ['protect-eu.mimecast.com', 'protect-us.mimecast.com', 'protect-za.mimecast.com'],
  'urldefense\\.com': ['urldefense.com'],
  'urldefense\\.proofpoint\\.com': ['urldefense.proofpoint.com'],
  'linkprotect\\.cudasvc\\.com': ['linkprotect.cudasvc.com'],
  'secure-web\\.cisco\\.com': ['secure-web.cisco.com'],
  'clicktime\\.symantec\\.com': ['clicktime.symantec.com'],
  '[a-z0-9-]*ctp\\.trendmicro\\.com': ['imsva91-ctp.trendmicro.com', 'ddec1-0-en-ctp.trendmicro.com', 'smex-ctp.trendmicro.com'],
  'protection\\.sophos\\.com': ['eu-central-1.protection.sophos.com', 'us-west-2.protection.sophos.com'],
  'scanmail\\.trustwave\\.com': ['scanmail.trustwave.com'],
} satisfies Examples<typeof SCANNER_REFERERS>;

const AUTOMATED_EXAMPLES = {
  '^curl\\b': ['curl/8.5.0'],
  '\\bWget/': ['Wget/1.21.4'],
  'python-requests': ['python-requests/2.32.3'],
  'Python-urllib': ['Python-urllib/3.12'],
  aiohttp: ['Python/3.12 aiohttp/3.9.5'],
  'python-httpx': ['python-httpx/0.27.0'],
  'Go-http-client': ['Go-http-client/2.0', 'Go-http-client/1.1'],
  okhttp: ['okhttp/4.12.0'],
  '\\bJava/': ['Java/17.0.11'],
  'Apache-HttpClient': ['Apache-HttpClient/4.5.14 (Java/17.0.11)'],
  'node-fetch': ['node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', 'node-fetch'],
  undici: ['undici'],
  '^node$': ['node'],
  '^axios/': ['axios/1.7.2'],
  PostmanRuntime: ['PostmanRuntime/7.39.0'],
  HeadlessChrome: [HEADLESS],
  PhantomJS: ['Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1'],
  Puppeteer: ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36 Puppeteer'],
  Playwright: ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Playwright/1.40.0'],
  Selenium: ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36; Selenium'],
  'libwww-perl': ['libwww-perl/6.77'],
  Scrapy: ['Scrapy/2.11.2 (+https://scrapy.org)'],
  GuzzleHttp: ['GuzzleHttp/7'],
  '^Ruby\\b': ['Ruby'],
  '^Dart/': ['Dart/3.4 (dart:io)'],
  '^Deno/': ['Deno/1.44.4'],
  '^Bun/': ['Bun/1.1.17'],
  'HTTPie/': ['HTTPie/3.2.2'],
  'PowerShell/': ['Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.2'],
} satisfies Examples<typeof AUTOMATED_AGENTS>;

/** People's browsers, in-app browsers included, with the device each one is. */
const HUMANS: readonly (readonly [string, Device, string])[] = [
  ['Chrome on Windows', 'desktop', CHROME],
  ['Edge on Windows', 'desktop', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0'],
  ['Firefox on Windows', 'desktop', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0'],
  ['Safari on macOS', 'desktop', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'],
  ['Firefox on Linux', 'desktop', 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'],
  ['Safari on iPhone', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'],
  ['Chrome on Android', 'mobile', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'],
  ['Samsung Internet', 'mobile', 'Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36'],
  ['Firefox on Android', 'mobile', 'Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0'],
  ['Google app on iPhone', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/320.0.645515932 Mobile/15E148 Safari/604.1'],
  ['Safari on iPad', 'tablet', 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'],
  ['Chrome on an Android tablet', 'tablet', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'],
  ['Samsung Internet on a Galaxy Tab', 'tablet', 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36'],
  ['Firefox on an Android tablet', 'tablet', 'Mozilla/5.0 (Android 14; Tablet; rv:127.0) Gecko/127.0 Firefox/127.0'],
  ['Silk on a Kindle Fire', 'tablet', 'Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/124.3.1 like Chrome/124.0.6367.219 Safari/537.36'],
  ['LinkedIn in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1845'],
  ['LinkedIn in-app on Android', 'mobile', 'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 [LinkedInApp]/4.1.962'],
  ['Facebook in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.38.109;FBBV/612345678;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5.1;FBSS/3;FBID/phone;FBLC/fr_FR;FBOP/5;FBRV/0]'],
  ['Facebook in-app on iPad', 'tablet', 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.38.109;FBBV/612345678;FBDV/iPad13,18;FBMD/iPad;FBSN/iPadOS;FBSV/17.5;FBSS/2;FBID/tablet;FBLC/fr_FR;FBOP/5;FBRV/0]'],
  ['Facebook in-app on Android', 'mobile', 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/470.0.0.44.109;]'],
  ['Instagram in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 337.0.3.23.54 (iPhone14,5; iOS 17_5; fr_FR; fr; scale=3.00; 1170x2532; 614180924)'],
  ['Instagram in-app on Android', 'mobile', 'Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 Instagram 334.0.0.42.95 Android (33/13; 450dpi; 1080x2177; samsung; SM-A536B; a53x; s5e8825; fr_FR; 606558435)'],
  ['X in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.48'],
  ['LINE in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0'],
  ['Snapchat in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.0.0.38 (like Safari/8618.2.12.10.9, panda)'],
  ['Pinterest in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]'],
  ['KakaoTalk in-app on iOS', 'mobile', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.8.5'],
];

const hit = (userAgent: string | undefined, more: Partial<HitFacts> = {}): UaClass => classifyHit({ userAgent, refererHost: undefined, asn: ORANGE, ...more });

const rows = (examples: Record<string, readonly string[]>): [string, string][] =>
  Object.entries(examples).flatMap(([entry, agents]) => agents.map((agent): [string, string] => [entry, agent]));

describe('classifyHit: every list entry has a real-world example', () => {
  it.each([
    ['PREVIEW_AGENTS', PREVIEW_AGENTS, PREVIEW_EXAMPLES],
    ['SCANNER_AGENTS', SCANNER_AGENTS, SCANNER_EXAMPLES],
    ['SCANNER_REFERERS', SCANNER_REFERERS, REFERER_EXAMPLES],
    ['AUTOMATED_AGENTS', AUTOMATED_AGENTS, AUTOMATED_EXAMPLES],
  ] as const)('%s', (_name, list, examples) => {
    expect(Object.keys(examples).sort()).toEqual([...list].sort());
  });

  it.each(rows(PREVIEW_EXAMPLES))('preview: %s matches %s', (entry, agent) => {
    expect(agent).toMatch(new RegExp(entry, 'i'));
    expect(hit(agent)).toBe('preview');
    expect(deviceOf(agent)).toBe('bot');
  });

  it.each(rows(SCANNER_EXAMPLES))('scanner: %s matches %s', (entry, agent) => {
    expect(agent).toMatch(new RegExp(entry, 'i'));
    expect(hit(agent)).toBe('scanner');
    expect(deviceOf(agent)).toBe('bot');
  });

  it.each(rows(REFERER_EXAMPLES))('scanner: referrer %s matches %s, even with a browser user agent', (entry, host) => {
    expect(host).toMatch(new RegExp(`(?:^|\\.)(?:${entry})$`, 'i'));
    expect(hit(CHROME, { refererHost: host })).toBe('scanner');
    expect(hit(CHROME, { refererHost: host.toUpperCase() })).toBe('scanner');
  });

  it.each(rows(AUTOMATED_EXAMPLES))('automated: %s matches %s', (entry, agent) => {
    expect(agent).toMatch(new RegExp(entry, 'i'));
    expect(hit(agent)).toBe('automated');
    expect(deviceOf(agent)).toBe('bot');
  });

  it.each(DATA_CENTRE_ASNS)('automated: a browser on data-centre network AS%i', (asn) => {
    expect(hit(CHROME, { asn })).toBe('automated');
  });
});

describe('classifyHit: people', () => {
  it.each(HUMANS)('%s is human, on a %s', (_name, device, agent) => {
    expect(hit(agent)).toBe('human');
    expect(hit(agent, { asn: undefined, refererHost: 'www.linkedin.com' })).toBe('human');
    expect(deviceOf(agent)).toBe(device);
  });

  it.each([
    ['Orange France', ORANGE],
    ['Deutsche Telekom', 3320],
    ['Comcast', 7922],
    ['Cloudflare (WARP, iCloud Private Relay)', 13335],
    ['Akamai CDN (iCloud Private Relay)', 36183],
    ['Fastly (iCloud Private Relay)', 54113],
  ])('a browser on %s (AS%i) is human', (_name, asn) => {
    expect(hit(CHROME, { asn })).toBe('human');
  });

  it("a browser on miniflare's fallback cf ASN is human, so local clicks count", () => {
    expect(DATA_CENTRE_ASNS).not.toContain(MINIFLARE_FALLBACK_ASN);
    expect(hit(CHROME, { asn: MINIFLARE_FALLBACK_ASN })).toBe('human');
  });

  it.each(['mimecast.com', 'www.proofpoint.com', 'safelinks.protection.outlook.com.example.org', 'evilurldefense.com', 'notctp.trendmicro.com.example', 'www.linkedin.com', 't.co'])(
    'a referrer of %s is not a scanner',
    (refererHost) => {
      expect(hit(CHROME, { refererHost })).toBe('human');
    },
  );
});

describe('classifyHit: the order of the checks', () => {
  it('calls LinkedInBot a preview although it names Apache-HttpClient', () => {
    expect(hit(LINKEDIN_BOT)).toBe('preview');
  });

  it('calls a headless browser automated although isbot flags it', () => {
    expect(hit(HEADLESS)).toBe('automated');
  });

  it('calls Google-Safety a scanner although isbot flags it', () => {
    expect(hit(GOOGLE_SAFETY)).toBe('scanner');
  });

  it('lets a scanner referrer win over any user agent', () => {
    for (const agent of [LINKEDIN_BOT, HEADLESS, 'curl/8.5.0', undefined]) {
      expect(hit(agent, { refererHost: 'eur01.safelinks.protection.outlook.com' })).toBe('scanner');
    }
  });

  it('keeps the user-agent reason for a declared crawler on a data-centre network', () => {
    expect(hit('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', { asn: 15169 })).toBe('preview');
    expect(hit(LINKEDIN_BOT, { asn: 8075 })).toBe('preview');
    expect(hit('Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)', { asn: 16276 })).toBe('preview');
    expect(hit('Microsoft Office Existence Discovery', { asn: 8075 })).toBe('scanner');
  });

  it('falls back on isbot for bots that no list names', () => {
    expect(hit('Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)')).toBe('preview');
    expect(hit('Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)')).toBe('preview');
  });
});

describe('classifyHit: missing and hostile input', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('calls a %s user agent automated, device bot', (_name, agent) => {
    expect(hit(agent)).toBe('automated');
    expect(deviceOf(agent)).toBe('bot');
  });

  // workerd's clock stands still during synchronous code, so this cannot time itself: a pattern that
  // backtracked catastrophically would hang the run instead. Measured in Node: under 0.1 ms a hit.
  it.each([
    ['a'.repeat(256), 'preview'],
    ['Android'.repeat(36), 'preview'],
    ['Mozilla/5.0 ('.repeat(19), 'human'],
    [`${'-'.repeat(200)}ctp.trendmicro.co`, 'preview'],
    [`${'protect-'.repeat(28)}mimecast.co`, 'scanner'],
  ] as const)('survives the hostile input %#', (input, expected) => {
    expect(classifyHit({ userAgent: input, refererHost: input, asn: ORANGE })).toBe(expected);
    expect(deviceOf(input)).toBe(expected === 'human' ? 'desktop' : 'bot');
  });
});

describe('deviceOf', () => {
  it('judges the user agent alone, not the network or the referrer', () => {
    expect(hit(CHROME, { asn: 16509 })).toBe('automated');
    expect(hit(CHROME, { refererHost: 'urldefense.com' })).toBe('scanner');
    expect(deviceOf(CHROME)).toBe('desktop');
  });

  it('counts an iPad as a tablet although its user agent says Mobile', () => {
    expect(deviceOf('Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('tablet');
  });

  it('counts a Windows desktop with a Tablet PC token as a desktop', () => {
    expect(deviceOf('Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; SLCC2; Tablet PC 2.0; rv:11.0) like Gecko')).toBe('desktop');
  });
});
