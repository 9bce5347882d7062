import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversions, dailyLinkStats, idempotencyKeys } from '../../db/schema';
import { signClickId } from '../../worker/lib/click-id';
import { dayOf } from '../../worker/lib/days';
import { sha256Hex } from '../../worker/lib/encoding';
import { recordClicks } from '../../worker/services/clicks';
import { recordConversion, toConversionDto } from '../../worker/services/conversions';
import { claimKey, IDEMPOTENCY_LEASE_MS } from '../../worker/services/idempotency';
import { clickIdFor, db, makeApiKey, makeLink } from './builders';
import { callJson } from './http';

const DAY = 86_400_000;

async function setup(organisation = {}) {
  const chain = await makeLink({ organisation });
  const key = await makeApiKey(chain.organisation.id, ['conversions:write']);
  return { ...chain, key };
}

const post = (key: string, body: unknown, headers: Record<string, string> = {}) => callJson<Record<string, unknown>>('/api/v1/conversions', { bearer: key, body, headers });

describe('POST /api/v1/conversions', () => {
  it('attributes a conversion from the click id alone, before any click row exists', async () => {
    const { link, key, ambassador, content, campaign } = await setup();
    const clickId = await clickIdFor(link.id, 3_600_000);
    const res = await post(key, { clickId, type: 'application', value: 500, currency: 'EUR', externalId: 'ats-4711', occurredAt: new Date().toISOString() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ id: expect.stringMatching(/^cnv_/), clickId, type: 'application', value: 500, currency: 'EUR', externalId: 'ats-4711', attributed: true, ambassadorId: ambassador.id, contentId: content.id, campaignId: campaign.id, network: 'linkedin' }));
  });

  it('counts the conversion in the rollup of the click’s day', async () => {
    const { link, key } = await setup();
    const clickId = await clickIdFor(link.id, 2 * DAY);
    await post(key, { clickId, type: 'lead', value: 120 });
    const row = await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, link.id)).get();
    expect(row).toMatchObject({ day: dayOf(Date.now() - 2 * DAY), conversions: 1, conversionValue: 120, clicks: 0 });
  });

  it('uses the organisation’s default value per type when none is sent', async () => {
    const { link, key } = await setup({ conversionValues: { download: 30 } });
    const res = await post(key, { clickId: await clickIdFor(link.id), type: 'download' });
    expect(res.body).toMatchObject({ value: 30, currency: 'EUR' });
  });

  it('answers 201 with attributed false for a click older than the attribution window', async () => {
    const { link, key } = await setup({ attributionWindowDays: 7 });
    const res = await post(key, { clickId: await clickIdFor(link.id, 8 * DAY), type: 'application' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ attributed: false, ambassadorId: null });
    expect(await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, link.id)).get()).toBeUndefined();
  });

  it('attributes at the edge of the window and not one second past it', async () => {
    const { link, key } = await setup({ attributionWindowDays: 30 });
    const at = Date.now() - 30 * DAY;
    const clickId = await (await import('../../worker/lib/click-id')).signClickId(env.CLICK_SIGNING_KEY, link.id, at);
    const edge = await post(key, { clickId, type: 'lead', occurredAt: new Date(at + 30 * DAY).toISOString(), externalId: 'edge' });
    const past = await post(key, { clickId, type: 'lead', occurredAt: new Date(at + 30 * DAY + 1000).toISOString(), externalId: 'past' });
    expect(edge.body).toMatchObject({ attributed: true });
    expect(past.body).toMatchObject({ attributed: false });
  });

  it('answers 422 unknown_click for a forged, altered or foreign click id', async () => {
    const { link, key } = await setup();
    const other = await makeLink();
    const real = await clickIdFor(link.id);
    const altered = real.slice(0, 20) + (real[20] === 'g' ? 'Q' : 'g') + real.slice(21);
    for (const clickId of ['forged', altered, await clickIdFor(other.link.id)]) {
      expect((await post(key, { clickId, type: 'lead' })).body).toEqual({ error: { code: 'unknown_click', message: expect.any(String), field: 'clickId' } });
    }
  });

  it('returns the first result for the same externalId and type, without a second conversion', async () => {
    const { link, key } = await setup();
    const body = { clickId: await clickIdFor(link.id), type: 'application', externalId: 'ats-1' };
    const first = await post(key, body);
    const again = await post(key, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(await db().select().from(conversions).where(eq(conversions.linkId, link.id))).toHaveLength(1);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer with 200 and creates nothing more', async () => {
      const { link, key } = await setup();
      const body = { clickId: await clickIdFor(link.id), type: 'signup' };
      const first = await post(key, body, { 'Idempotency-Key': 'k-1' });
      const again = await post(key, body, { 'Idempotency-Key': 'k-1' });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual(first.body);
      expect(await db().select().from(conversions).where(eq(conversions.linkId, link.id))).toHaveLength(1);
    });

    it('answers 422 idempotency_key_reused for the same key with another body', async () => {
      const { link, key } = await setup();
      await post(key, { clickId: await clickIdFor(link.id), type: 'signup' }, { 'Idempotency-Key': 'k-2' });
      const reused = await post(key, { clickId: await clickIdFor(link.id), type: 'purchase' }, { 'Idempotency-Key': 'k-2' });
      expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    });

    it('creates exactly one conversion when copies of a request arrive at once', async () => {
      const { link, key } = await setup();
      const body = { clickId: await clickIdFor(link.id), type: 'application' };
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(key, body, { 'Idempotency-Key': 'k-concurrent' })));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
      expect(await db().select().from(conversions).where(eq(conversions.linkId, link.id))).toHaveLength(1);
    });

    it('creates exactly one conversion for concurrent copies with the same externalId', async () => {
      const { link, key } = await setup();
      const body = { clickId: await clickIdFor(link.id), type: 'application', externalId: 'ats-race' };
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(key, body)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const stats = await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, link.id)).get();
      expect(stats?.conversions).toBe(1);
    });

    it('replays a client error for the same key and body', async () => {
      const { key } = await setup();
      const body = { clickId: 'not-a-click', type: 'lead' };
      const first = await post(key, body, { 'Idempotency-Key': 'k-err' });
      const again = await post(key, body, { 'Idempotency-Key': 'k-err' });
      expect([first.status, again.status]).toEqual([422, 422]);
      expect(again.body).toEqual(first.body);
    });

    it('reclaims a key left processing by a request that died, once its lease has expired', async () => {
      const { link, key, organisation } = await setup();
      const body = { clickId: await clickIdFor(link.id), type: 'lead' };
      const dead = { organisationId: organisation.id, key: 'k-dead', requestHash: await sha256Hex(JSON.stringify(body)), state: 'processing' as const, createdAt: Date.now() - 60_000 };
      await db().insert(idempotencyKeys).values({ ...dead, leaseExpiresAt: Date.now() - 1 });
      const retried = await post(key, body, { 'Idempotency-Key': 'k-dead' });
      expect(retried.status).toBe(201);
      expect((await post(key, body, { 'Idempotency-Key': 'k-dead' })).body).toEqual(retried.body);
      expect(await db().select().from(conversions).where(eq(conversions.linkId, link.id))).toHaveLength(1);
      await db().insert(idempotencyKeys).values({ ...dead, key: 'k-live', leaseExpiresAt: Date.now() + IDEMPOTENCY_LEASE_MS });
      expect(await post(key, body, { 'Idempotency-Key': 'k-live' })).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    });

    it('writes the final answer in the same batch as the conversion (nothing left to do after it)', async () => {
      const { link, organisation } = await setup();
      const input = { clickId: await clickIdFor(link.id), type: 'lead' as const };
      const claim = await claimKey(db(), organisation.id, 'k-batch', input);
      if (!('lease' in claim)) throw new Error('the key was not claimed');
      // The request stops right after the conversion's batch: no later write happens.
      const { conversion } = await recordConversion(db(), env.CLICK_SIGNING_KEY, organisation.id, input, Date.now(), claim.lease);
      const stored = await db().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.organisationId, organisation.id), eq(idempotencyKeys.key, 'k-batch'))).get();
      expect(stored).toMatchObject({ state: 'done', status: 201 });
      expect(JSON.parse(stored?.response ?? 'null')).toEqual(toConversionDto(conversion));
    });

    it('stores the answer as the insert decided it: a click already stored as a preview is not attributed', async () => {
      const { link, key, organisation } = await setup();
      const at = Date.now() - 60_000;
      const clickId = await signClickId(env.CLICK_SIGNING_KEY, link.id, at);
      await recordClicks(db(), [{ id: clickId, linkId: link.id, organisationId: organisation.id, at, userAgent: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }]);
      const first = await post(key, { clickId, type: 'lead' }, { 'Idempotency-Key': 'k-preview' });
      expect(first).toMatchObject({ status: 201, body: { attributed: false, ambassadorId: null } });
      expect((await post(key, { clickId, type: 'lead' }, { 'Idempotency-Key': 'k-preview' })).body).toEqual(first.body);
    });

    it('refuses a key longer than 255 characters', async () => {
      const { link, key } = await setup();
      const res = await post(key, { clickId: await clickIdFor(link.id), type: 'lead' }, { 'Idempotency-Key': 'k'.repeat(256) });
      expect(res).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'idempotency-key' } } });
    });
  });

  it.each([
    [{ type: 'lead' }, 'clickId'],
    [{ clickId: 'x', type: 'refund' }, 'type'],
    [{ clickId: 'x', type: 'lead', value: -1 }, 'value'],
    [{ clickId: 'x', type: 'lead', currency: 'euro' }, 'currency'],
    [{ clickId: 'x', type: 'lead', occurredAt: 'yesterday' }, 'occurredAt'],
    [{ clickId: 'x', type: 'lead', externalId: '' }, 'externalId'],
  ])('answers 422 validation_failed for %j (field %s)', async (body, field) => {
    const { key } = await setup();
    expect((await post(key, body)).body).toEqual({ error: { code: 'validation_failed', message: expect.any(String), field } });
  });

  it('needs a key with conversions:write (401 without, 403 with kpis:read only)', async () => {
    const { link, organisation } = await setup();
    const readOnly = await makeApiKey(organisation.id, ['kpis:read']);
    const body = { clickId: await clickIdFor(link.id), type: 'lead' };
    expect((await callJson('/api/v1/conversions', { body })).status).toBe(401);
    expect((await post(readOnly, body)).body).toMatchObject({ error: { code: 'forbidden' } });
  });
});
