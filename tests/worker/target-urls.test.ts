import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TargetUrlSchema } from '../../worker/schemas/common';
import { makeTenant } from './builders';
import { callJson } from './http';

// API.md, Conventions: URL fields an admin saves (content `url`, `fallbackUrl`) are http/https only, with no user
// name or password, no IP-literal host, no loopback, private or link-local host, and not a short link of this Relais.

const REFUSED: [url: string, why: string][] = [
  ['javascript:alert(1)', 'scheme'],
  ['ftp://files.example.com/offer.pdf', 'scheme'],
  ['data:text/html,<script>alert(1)</script>', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['//jobs.example.com/offer', 'no scheme'],
  ['https://user:pass@jobs.example.com/', 'user name and password'],
  ['https://user@jobs.example.com/', 'user name'],
  ['https://:secret@jobs.example.com/', 'password'],
  ['http://127.0.0.1/', 'IPv4 loopback'],
  ['http://127.1/', 'short IPv4'],
  ['http://2130706433/', 'decimal IPv4'],
  ['http://0x7f.1/', 'hexadecimal IPv4'],
  ['http://0x7f000001/', 'hexadecimal IPv4 as one number'],
  ['http://0177.0.0.1/', 'octal IPv4'],
  ['http://017700000001/', 'octal IPv4 as one number'],
  ['http://127.0.0.1./', 'IPv4 with a trailing dot'],
  ['http://127%2E0%2E0%2E1/', 'percent-encoded IPv4'],
  ['http://127。0。0。1/', 'IPv4 with ideographic full stops'],
  ['http://10.0.0.1/', 'private IPv4'],
  ['http://192.168.1.1/admin', 'private IPv4'],
  ['http://169.254.169.254/latest/meta-data/', 'link-local IPv4 (cloud metadata)'],
  ['http://8.8.8.8/', 'public IPv4 literal'],
  ['http://[::1]/', 'IPv6 loopback'],
  ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped IPv6'],
  ['http://[fe80::1]/', 'link-local IPv6'],
  ['http://[fd00::1]/', 'unique-local IPv6'],
  ['http://[2001:db8::1]/', 'public IPv6 literal'],
  ['http://localhost/', 'localhost'],
  ['http://LOCALHOST:8080/', 'localhost in capitals, with a port'],
  ['http://localhost./', 'localhost with a trailing dot'],
  ['http://ｌｏｃａｌｈｏｓｔ/', 'localhost in full-width letters'],
  ['http://app.localhost/', '*.localhost'],
  ['http://printer.local/', 'mDNS *.local'],
  ['http://metadata.google.internal/', '*.internal'],
  ['http://wiki.intranet/', '*.intranet'],
  ['http://nas.home.arpa/', '*.home.arpa'],
  ['http://router.lan/', '*.lan'],
  ['http://jira.corp/', '*.corp'],
  ['http://intranet/', 'a single label'],
];

const ACCEPTED: [url: string, normalised: string][] = [
  ['https://jobs.example.com/offer/42?ref=careers#apply', 'https://jobs.example.com/offer/42?ref=careers#apply'],
  ['http://Example.COM', 'http://example.com/'],
  ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ['https://example.com:8443/a', 'https://example.com:8443/a'],
  ['https://1password.com/', 'https://1password.com/'],
  ['https://123.example.co.uk/', 'https://123.example.co.uk/'],
  ['https://www.local-news.fr/', 'https://www.local-news.fr/'],
  ['https://localhost.example.com/', 'https://localhost.example.com/'],
  ['https://intranet.example.com/careers', 'https://intranet.example.com/careers'],
];

describe('TargetUrlSchema', () => {
  it.each(REFUSED)('refuses %s (%s)', (url) => {
    const result = v.safeParse(TargetUrlSchema, url);
    expect(result.success).toBe(false);
  });

  it.each(ACCEPTED)('accepts %s as %s', (url, normalised) => {
    expect(v.parse(TargetUrlSchema, url)).toBe(normalised);
  });
});

describe('URL fields an admin saves', () => {
  async function space() {
    const tenant = await makeTenant();
    const campaign = await callJson<{ id: string }>('/api/v1/campaigns', { session: tenant.session, body: { name: 'Hiring', objective: 'recruitment' } });
    return { session: tenant.session, campaignId: campaign.body.id };
  }
  const invalid = (field: string) => ({ status: 422, body: { error: { code: 'validation_failed', message: expect.any(String), field } } });
  const OWN = ['https://relais.test/AbCdEfG1', 'http://relais.test/AbCdEfG1', 'https://RELAIS.test:8443/x?y=1'];
  const samples = [...REFUSED.filter((_, i) => i % 4 === 0).map(([url]) => url), ...OWN];

  it('refuses every kind of bad content url on creation and on change, and keeps the good one', async () => {
    const { session, campaignId } = await space();
    const created = await callJson<{ id: string; url: string }>('/api/v1/contents', { session, body: { campaignId, kind: 'job', title: 'Offre', url: 'https://jobs.example.com/offer/1' } });
    expect(created.status).toBe(201);
    for (const url of samples) {
      expect(await callJson('/api/v1/contents', { session, body: { campaignId, kind: 'job', title: 'Offre', url } }), url).toMatchObject(invalid('url'));
      expect(await callJson(`/api/v1/contents/${created.body.id}`, { method: 'PATCH', session, body: { url } }), url).toMatchObject(invalid('url'));
    }
    expect((await callJson<{ url: string }>(`/api/v1/contents/${created.body.id}`, { session })).body.url).toBe('https://jobs.example.com/offer/1');
  });

  it('refuses every kind of bad fallbackUrl, and accepts a public one or null', async () => {
    const { session } = await space();
    for (const fallbackUrl of samples) {
      expect(await callJson('/api/v1/organisation', { method: 'PATCH', session, body: { fallbackUrl } }), fallbackUrl).toMatchObject(invalid('fallbackUrl'));
    }
    expect(await callJson('/api/v1/organisation', { method: 'PATCH', session, body: { fallbackUrl: 'https://careers.example.com/' } })).toMatchObject({ status: 200, body: { fallbackUrl: 'https://careers.example.com/' } });
    expect(await callJson('/api/v1/organisation', { method: 'PATCH', session, body: { fallbackUrl: null } })).toMatchObject({ status: 200, body: { fallbackUrl: null } });
  });
});
