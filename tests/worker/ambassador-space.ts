/** Builders for the ambassador's space: joined ambassadors, charters, contents, shares and real rollups. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { Network } from '../../db/schema';
import { signClickId } from '../../worker/lib/click-id';
import { randomSlug } from '../../worker/lib/ids';
import { recordClicks } from '../../worker/services/clicks';
import { recordConversion } from '../../worker/services/conversions';
import { db, makeCampaign, makeContent, makeTenant } from './builders';
import { call, callJson, sessionFrom } from './http';

export const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface Joined {
  id: string;
  name: string;
  email: string;
  session: string;
}

export interface Space {
  organisationId: string;
  /** The owner's session. */
  owner: string;
  campaignId: string;
}

export interface CreatedShare {
  share: { id: string; text: string; link: { slug: string; shortUrl: string }; similarity: { score: number; nearCopy: boolean } };
  link: { slug: string; shortUrl: string };
  intentUrl: string | null;
  linkShareUrl: string | null;
  message: string;
  similarity: { score: number; nearCopy: boolean; nearestShareId: string | null };
  qrSvg: string;
}

/** An organisation with its owner signed in, an active campaign and, unless told otherwise, a published charter. */
export async function makeSpace(options: { charter?: boolean } = {}): Promise<Space> {
  const tenant = await makeTenant();
  const campaign = await makeCampaign(tenant.organisationId);
  if (options.charter !== false) await publishCharter(tenant.session);
  return { organisationId: tenant.organisationId, owner: tenant.session, campaignId: campaign.id };
}

/** Publishes the next charter version as the owner; returns its number. */
export async function publishCharter(ownerSession: string, body = '# Charte\n\nÉcrivez avec **vos** mots.'): Promise<number> {
  const res = await callJson<{ version: number }>('/api/v1/charters', { session: ownerSession, body: { body } });
  expect(res.status).toBe(201);
  return res.body.version;
}

/** Invites an ambassador as the owner and accepts the invitation: the ambassador's session. */
export async function join(space: Space, overrides: { name?: string; team?: string } = {}): Promise<Joined> {
  const name = overrides.name ?? `Camille ${randomSlug(6)}`;
  const email = `amb-${randomSlug(10).toLowerCase()}@example.com`;
  const invited = await callJson<{ ambassador: { id: string }; token: string }>('/api/v1/ambassadors', { session: space.owner, body: { name, email, team: overrides.team ?? 'Engineering', profile: 'expert' } });
  expect(invited.status).toBe(201);
  const accepted = await call(`/api/v1/invitations/${invited.body.token}/accept`, { method: 'POST' });
  expect(accepted.status).toBe(200);
  return { id: invited.body.ambassador.id, name, email, session: sessionFrom(accepted) };
}

/** Accepts the current charter version. */
export async function acceptCharter(session: string): Promise<void> {
  const charter = await callJson<{ version: number }>('/api/v1/me/charter', { session });
  expect((await callJson('/api/v1/me/charter/accept', { session, body: { version: charter.body.version } })).status).toBe(200);
}

/** A joined ambassador who accepted the current charter. */
export async function joinAndAccept(space: Space, overrides: { name?: string } = {}): Promise<Joined> {
  const joined = await join(space, overrides);
  await acceptCharter(joined.session);
  return joined;
}

/** An active content in the space's campaign. */
export function content(space: Space, overrides: Parameters<typeof makeContent>[2] = {}) {
  return makeContent(space.organisationId, space.campaignId, { talkingPoints: '- Nous recrutons des ingénieurs backend à Lyon, en CDI.', networks: ['linkedin', 'x', 'facebook', 'email', 'other', 'instagram'], ...overrides });
}

/** Posts through the API and expects 201. */
export async function share(session: string, contentId: string, text: string, network: Network = 'linkedin'): Promise<CreatedShare> {
  const res = await callJson<CreatedShare>('/api/v1/me/shares', { session, body: { contentId, network, text } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Confirms a post was published (`POST /me/shares/{id}/posted`) and expects 200: from then on it counts. */
export async function confirmPosted(session: string, shareId: string): Promise<{ id: string; postedAt: string }> {
  const res = await callJson<{ id: string; postedAt: string }>(`/api/v1/me/shares/${shareId}/posted`, { session, method: 'POST' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Posts through the API and confirms the post was published, as an ambassador does once it is online. */
export async function sharePosted(session: string, contentId: string, text: string, network: Network = 'linkedin'): Promise<CreatedShare> {
  const created = await share(session, contentId, text, network);
  await confirmPosted(session, created.share.id);
  return created;
}

/** The id of the link behind a slug. */
export async function linkIdOf(slug: string): Promise<string> {
  const row = await db().query.links.findFirst({ where: (t, { eq }) => eq(t.slug, slug) });
  if (!row) throw new Error(`no link ${slug}`);
  return row.id;
}

/**
 * Records `visitors` human clicks (one per visitor) on a link through the real click pipeline, on
 * `day` (default: today); returns their click ids.
 */
export async function clicks(organisationId: string, slug: string, visitors: number, day?: string): Promise<string[]> {
  const linkId = await linkIdOf(slug);
  const base = day ? Date.parse(`${day}T10:00:00.000Z`) : Date.now() - 60_000;
  const events = [];
  for (let i = 0; i < visitors; i++) {
    const at = base + i;
    events.push({ id: await signClickId(env.CLICK_SIGNING_KEY, linkId, at), linkId, organisationId, at, userAgent: CHROME, visitor: `${randomSlug(16)}${i}`.toLowerCase() });
  }
  for (let i = 0; i < events.length; i += 50) await recordClicks(db(), events.slice(i, i + 50));
  return events.map((e) => e.id);
}

/** Records an application for a click, through the real conversion service. */
export async function convert(organisationId: string, clickId: string): Promise<void> {
  await recordConversion(db(), env.CLICK_SIGNING_KEY, organisationId, { clickId, type: 'application' });
}
