/** Helpers for the ambassador's journeys: a programme ready to join, prepared through the admin's own client. */
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createOrganisation, hydrated, signedInClient } from './admin-helpers';

export { PHONE } from './admin-helpers';

export interface Programme {
  organisation: string;
  charter: string;
  campaign: string;
  content: { title: string; url: string; talkingPoints: string; networks?: Array<'linkedin' | 'x' | 'facebook' | 'instagram' | 'email' | 'other'> };
  ambassador: { name: string; emailPrefix: string; team: string };
}

/** A new organisation with a charter, an active campaign, one event to share and an invited ambassador: the owner's client and the invitation URL. */
export async function prepareProgramme(baseUrl: string, programme: Programme) {
  const owner = await createOrganisation(baseUrl, programme.organisation);
  const api = await signedInClient(baseUrl, owner);
  expect((await api.api.v1.charters.$post({ json: { body: programme.charter } })).status).toBe(201);
  const campaign = await api.api.v1.campaigns.$post({ json: { name: programme.campaign, objective: 'awareness', status: 'active' } });
  expect(campaign.status).toBe(201);
  const { id: campaignId } = await campaign.json();
  const content = await api.api.v1.contents.$post({ json: { campaignId, kind: 'event', ...programme.content } });
  expect(content.status).toBe(201);
  const { name, emailPrefix, team } = programme.ambassador;
  const invited = await api.api.v1.ambassadors.$post({ json: { name, email: `${emailPrefix}-${crypto.randomUUID().slice(0, 6)}@e2e.relais.test`, team } });
  expect(invited.status).toBe(201);
  const url = new URL((await invited.json()).inviteUrl);
  return { api, inviteUrl: `${baseUrl}${url.pathname}${url.hash}` };
}

/** Opens `inviteUrl` (path and fragment of an invitation), joins and accepts the charter: the page ends on the feed. */
export async function joinThroughInvitation(page: Page, inviteUrl: string): Promise<void> {
  const baseUrl = inject('baseUrl');
  await page.goto(inviteUrl);
  await hydrated(page);
  await page.getByRole('button', { name: 'Je rejoins' }).click();
  await page.waitForURL(`${baseUrl}/me/charter/`);
  await hydrated(page);
  await page.getByRole('button', { name: 'J’ai lu la charte et je l’accepte' }).click();
  await page.waitForURL(`${baseUrl}/me/`);
  await hydrated(page);
}
