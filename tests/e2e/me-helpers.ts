/** Helpers for the ambassador's journeys: a programme ready to join, prepared through the admin's own client. */
import { expect } from 'vitest';
import { createOrganisation, signedInClient } from './admin-helpers';

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
