import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreateCampaignBodySchema } from '../../worker/schemas/campaigns';
import { CreateContentBodySchema } from '../../worker/schemas/contents';
import { createCampaign as createCampaignRow } from '../../worker/services/campaigns';
import { createContent as createContentRow } from '../../worker/services/contents';
import { SLUG_CANDIDATES } from '../../worker/services/slugs';
import { db, makeTenant } from './builders';
import { callJson, ORIGIN } from './http';

// Derived slugs are de-duplicated with one query on an exact list of candidates. The old query was a LIKE on the
// slug's first 59 characters: past 49, D1 refused the pattern (50 bytes at most) and a plain job title answered 500.

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const JOB_TITLE = 'Responsable des ressources humaines et de la marque employeur — Bordeaux (CDI)';
const PROSE = `${JOB_TITLE} : rejoignez une équipe de quarante personnes, télétravail deux jours par semaine, mutuelle, RTT, prime annuelle, formation continue et bien plus encore pour toi.`;
const MAX_CAMPAIGN_NAME = 200;
const MAX_CONTENT_TITLE = 300;

type Created = { status: number; body: { slug?: string; id?: string; error?: unknown } };

async function tenantWithCampaign() {
  const tenant = await makeTenant();
  const campaign = await callJson<{ id: string }>('/api/v1/campaigns', { session: tenant.session, body: { name: 'Hiring', objective: 'recruitment' } });
  return { session: tenant.session, organisationId: tenant.organisationId, campaignId: campaign.body.id };
}

const createCampaign = (session: string, name: string) => callJson('/api/v1/campaigns', { session, body: { name, objective: 'recruitment' } }) as Promise<Created>;
const createContent = (session: string, campaignId: string, title: string) =>
  callJson('/api/v1/contents', { session, body: { campaignId, kind: 'job', title, url: 'https://jobs.example.com/offer/1' } }) as Promise<Created>;

/** `length` characters of realistic prose (cycled), so the derived slug grows with it up to 64 characters. */
const prose = (length: number) => PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length).trim() || 'x';

describe('slugs derived from long names', () => {
  it('creates a content and a campaign named after a realistic French job title', async () => {
    const { session, campaignId } = await tenantWithCampaign();
    const content = await createContent(session, campaignId, JOB_TITLE);
    expect(content).toMatchObject({ status: 201, body: { slug: 'responsable-des-ressources-humaines-et-de-la-marque-employeur-bo' } });
    expect(await createCampaign(session, JOB_TITLE)).toMatchObject({ status: 201, body: { slug: 'responsable-des-ressources-humaines-et-de-la-marque-employeur-bo' } });
    expect(await createContent(session, campaignId, JOB_TITLE)).toMatchObject({ status: 201, body: { slug: 'responsable-des-ressources-humaines-et-de-la-marque-employeur-2' } });
  });

  // Every length goes through the request schema and the service the route calls (an HTTP round trip each would
  // take minutes on a busy machine); the HTTP tests above and below cover the route itself.
  it(`creates a campaign at every name length from 1 to ${MAX_CAMPAIGN_NAME}`, async () => {
    const { organisationId } = await tenantWithCampaign();
    const slugs = new Set<string>();
    for (let length = 1; length <= MAX_CAMPAIGN_NAME; length++) {
      const input = v.parse(CreateCampaignBodySchema, { name: prose(length), objective: 'recruitment' });
      const { slug } = await createCampaignRow(db(), organisationId, input);
      expect(slug, `length ${length}`).toMatch(SLUG);
      slugs.add(slug);
    }
    expect(slugs.size).toBe(MAX_CAMPAIGN_NAME);
  }, 120_000);

  it(`creates a content at every title length from 1 to ${MAX_CONTENT_TITLE}`, async () => {
    const { organisationId, campaignId } = await tenantWithCampaign();
    const slugs = new Set<string>();
    for (let length = 1; length <= MAX_CONTENT_TITLE; length++) {
      const input = v.parse(CreateContentBodySchema, { campaignId, kind: 'job', title: prose(length), url: 'https://jobs.example.com/offer/1' });
      const { slug } = await createContentRow(db(), { kind: 'system' }, organisationId, input, ORIGIN);
      expect(slug, `length ${length}`).toMatch(SLUG);
      slugs.add(slug);
    }
    expect(slugs.size).toBe(MAX_CONTENT_TITLE);
  }, 120_000);

  it('numbers a long name up to -20, then adds a random suffix, every slug within 64 characters', async () => {
    const { organisationId } = await tenantWithCampaign();
    const input = v.parse(CreateCampaignBodySchema, { name: 'a'.repeat(MAX_CAMPAIGN_NAME), objective: 'recruitment' });
    const slugs: string[] = [];
    for (let i = 0; i < SLUG_CANDIDATES + 2; i++) slugs.push((await createCampaignRow(db(), organisationId, input)).slug);
    expect(slugs.slice(0, 3)).toEqual(['a'.repeat(64), `${'a'.repeat(62)}-2`, `${'a'.repeat(62)}-3`]);
    expect(slugs[SLUG_CANDIDATES - 1]).toBe(`${'a'.repeat(61)}-${SLUG_CANDIDATES}`);
    for (const slug of slugs.slice(SLUG_CANDIDATES)) expect(slug).toMatch(/^a{57}-[a-z0-9]{6}$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  }, 60_000);

  it('never answers 5xx for any name up to the limit, and derives a valid slug from it (property)', async () => {
    const { session, campaignId } = await tenantWithCampaign();
    // Names from the characters slugs are made of, the ones they drop, and the ones they spell out (ligatures).
    const char = fc.constantFrom(...'aeiouxyzAEZ019 -_—.,:;!?()\'"%*[]éèàçôœæßøłđþ日本\u0000\u{1F600}\ud800');
    const name = fc.array(char, { minLength: 1, maxLength: MAX_CONTENT_TITLE, size: 'max' }).map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(name, async (title) => {
        const campaign = await createCampaign(session, title.slice(0, MAX_CAMPAIGN_NAME));
        const content = await createContent(session, campaignId, title);
        for (const created of [campaign, content]) {
          expect(created.status).toBeLessThan(500);
          if (created.status === 201) expect(created.body.slug).toMatch(SLUG);
        }
      }),
      { seed: 20_261_207, numRuns: 60, endOnFailure: true },
    );
  }, 120_000);
});
