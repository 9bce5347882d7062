/** Small builders: every test makes its own data with unique slugs (storage is shared within a file). */
import { env } from 'cloudflare:workers';
import { ambassadors, campaigns, contents, links, organisations, type Network } from '../../db/schema';
import { getDb } from '../../worker/lib/db';
import { newId, randomSlug } from '../../worker/lib/ids';

export const db = () => getDb(env.DB);

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

export async function makeOrganisation(overrides: Insert<typeof organisations> = {}) {
  const now = Date.now();
  const row = { id: newId('org'), slug: `org-${randomSlug(10)}`, name: 'Acme', createdAt: now, updatedAt: now, ...overrides };
  await db().insert(organisations).values(row);
  return row;
}

export async function makeCampaign(organisationId: string, overrides: Insert<typeof campaigns> = {}) {
  const now = Date.now();
  const row = { id: newId('cmp'), organisationId, slug: `cmp-${randomSlug(10)}`, name: 'Campaign', objective: 'recruitment' as const, status: 'active' as const, createdAt: now, updatedAt: now, ...overrides };
  await db().insert(campaigns).values(row);
  return row;
}

export async function makeContent(organisationId: string, campaignId: string, overrides: Insert<typeof contents> = {}) {
  const now = Date.now();
  const row = { id: newId('cnt'), organisationId, campaignId, kind: 'job' as const, title: 'Job', url: 'https://jobs.example.com/offer/42', slug: `cnt-${randomSlug(10)}`, createdAt: now, updatedAt: now, ...overrides };
  await db().insert(contents).values(row);
  return row;
}

export async function makeAmbassador(organisationId: string, overrides: Insert<typeof ambassadors> = {}) {
  const now = Date.now();
  const row = { id: newId('amb'), organisationId, name: 'Camille', email: `${randomSlug(10)}@example.com`, status: 'active' as const, createdAt: now, updatedAt: now, ...overrides };
  await db().insert(ambassadors).values(row);
  return row;
}

/** A link with its whole chain (organisation → campaign → content, ambassador); override any part. */
export async function makeLink(options: { network?: Network; url?: string; organisation?: Insert<typeof organisations>; content?: Insert<typeof contents> } = {}) {
  const organisation = await makeOrganisation(options.organisation);
  const campaign = await makeCampaign(organisation.id);
  const content = await makeContent(organisation.id, campaign.id, { ...(options.url ? { url: options.url } : {}), ...options.content });
  const ambassador = await makeAmbassador(organisation.id);
  const link = { id: newId('lnk'), organisationId: organisation.id, slug: randomSlug(9), ambassadorId: ambassador.id, contentId: content.id, network: options.network ?? ('linkedin' as const), createdAt: Date.now() };
  await db().insert(links).values(link);
  return { organisation, campaign, content, ambassador, link };
}

/** An organisation created through the operator endpoint, with its owner signed in. */
export async function makeTenant(name = 'Acme') {
  const { callJson, sessionFrom } = await import('./http');
  const slug = `t-${randomSlug(10).toLowerCase()}`;
  const email = `owner-${slug}@example.com`;
  const password = 'correct horse battery staple';
  const created = await callJson<{ organisation: { id: string }; admin: { id: string } }>('/api/v1/organisations', {
    bearer: env.OPERATOR_TOKEN,
    body: { name, slug, adminEmail: email, adminPassword: password },
  });
  if (created.status !== 201) throw new Error(`operator create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await callJson('/api/v1/auth/login', { body: { email, password } });
  return { organisationId: created.body.organisation.id, ownerId: created.body.admin.id, email, password, session: sessionFrom(login) };
}

/** An API key inserted directly (the secret is returned, as the API shows it once). */
export async function makeApiKey(organisationId: string, scopes: Array<'conversions:write' | 'kpis:read' | 'admin'>) {
  const { hashToken, randomSecret } = await import('../../worker/lib/tokens');
  const { apiKeys } = await import('../../db/schema');
  const secret = `rl_${randomSecret(40)}`;
  await db().insert(apiKeys).values({ id: newId('key'), organisationId, name: 'test key', scopes, secretHash: await hashToken(secret), prefix: secret.slice(0, 8), createdAt: Date.now() });
  return secret;
}

/** A click id for `linkId`, as the redirect would have issued it `ageMs` ago. */
export async function clickIdFor(linkId: string, ageMs = 0) {
  const { signClickId } = await import('../../worker/lib/click-id');
  return signClickId(env.CLICK_SIGNING_KEY, linkId, Date.now() - ageMs);
}

/** A signed-in admin of `organisationId` with `role` (inserted directly; the invite flow has its own tests). */
export async function makeAdminSession(organisationId: string, role: 'owner' | 'editor' | 'analyst'): Promise<string> {
  const { admins } = await import('../../db/schema');
  const { createSession } = await import('../../worker/services/sessions');
  const now = Date.now();
  const id = newId('adm');
  await db().insert(admins).values({ id, organisationId, email: `${role}-${randomSlug(10).toLowerCase()}@example.com`, name: role, role, status: 'active', createdAt: now, updatedAt: now });
  return (await createSession(db(), { organisationId, subjectType: 'admin', subjectId: id })).token;
}
