import { describe, expect, it } from 'vitest';
import { callJson } from './http';
import { content, joinAndAccept, makeSpace, share } from './ambassador-space';

interface Share {
  id: string;
  contentTitle: string;
  metrics: { impressions: number | null; reactions: number | null; comments: number | null; reshares: number | null; reportedAt: string | null };
  stats: { reach: number; impressions: number; engagements: number };
}

async function posted() {
  const space = await makeSpace();
  const amb = await joinAndAccept(space);
  const created = await share(amb.session, (await content(space)).id, 'Mon poste, mes mots.');
  return { space, amb, shareId: created.share.id };
}

describe('POST /api/v1/me/shares/{id}/metrics', () => {
  it('stores the numbers sent and keeps the others', async () => {
    const { amb, shareId } = await posted();
    const first = await callJson<Share>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: { impressions: 1200, reactions: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: shareId, metrics: { impressions: 1200, reactions: 0, comments: null, reshares: null, reportedAt: expect.any(String) } });
    const second = await callJson<Share>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: { comments: 4, reshares: 2 } });
    expect(second.body.metrics).toMatchObject({ impressions: 1200, reactions: 0, comments: 4, reshares: 2 });
  });

  it('answers the post with its results recomputed, as the list of posts shows it', async () => {
    const { amb, shareId } = await posted();
    const answer = await callJson<Share>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: { impressions: 800, reactions: 30, comments: 5, reshares: 1 } });
    expect(answer.body.stats).toMatchObject({ impressions: 800, reach: 800, engagements: 36 });
    const list = await callJson<{ items: Share[] }>('/api/v1/me/shares', { session: amb.session });
    expect(answer.body).toEqual(list.body.items.find((item) => item.id === shareId));
  });

  it.each([
    [{ impressions: -1 }, 'impressions'],
    [{ reactions: 1.5 }, 'reactions'],
    [{ comments: '12' }, 'comments'],
    [{ reshares: null }, 'reshares'],
    [{ impressions: 10, likes: 3 }, 'likes'],
  ])('answers 422 for %j (field %s)', async (body, field) => {
    const { amb, shareId } = await posted();
    expect(await callJson(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
  });

  it.each([
    [{ impressions: 1_000_000_000 }, 'impressions'],
    [{ impressions: 10_000_001 }, 'impressions'],
    [{ reactions: 10_000_001 }, 'reactions'],
    [{ comments: Number.MAX_SAFE_INTEGER }, 'comments'],
    [{ reshares: 1e300 }, 'reshares'],
    [{ impressions: 100, reactions: 101 }, 'reactions'],
    [{ impressions: 0, comments: 1 }, 'comments'],
    [{ impressions: 5, reactions: 5, comments: 5, reshares: 6 }, 'reshares'],
  ])('answers 422 for the implausible %j (field %s) and stores nothing', async (body, field) => {
    const { amb, shareId } = await posted();
    const res = await callJson<{ error: { message: string } }>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
    const list = await callJson<{ items: Share[] }>('/api/v1/me/shares', { session: amb.session });
    expect(list.body.items.find((item) => item.id === shareId)?.metrics).toEqual({ impressions: null, reactions: null, comments: null, reshares: null, reportedAt: null });
  });

  it('accepts figures at the bounds, and engagement without impressions', async () => {
    const { amb, shareId } = await posted();
    const path = `/api/v1/me/shares/${shareId}/metrics`;
    expect((await callJson<Share>(path, { session: amb.session, body: { reactions: 7, comments: 3 } })).status).toBe(200);
    const max = await callJson<Share>(path, { session: amb.session, body: { impressions: 10_000_000, reactions: 10_000_000, comments: 0, reshares: 10_000_000 } });
    expect(max).toMatchObject({ status: 200, body: { metrics: { impressions: 10_000_000, reactions: 10_000_000, comments: 0, reshares: 10_000_000 } } });
  });

  it('checks a report against the figures already stored, blaming the field sent', async () => {
    const { amb, shareId } = await posted();
    const path = `/api/v1/me/shares/${shareId}/metrics`;
    expect((await callJson(path, { session: amb.session, body: { impressions: 100, reactions: 40 } })).status).toBe(200);
    expect(await callJson(path, { session: amb.session, body: { comments: 101 } })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'comments' } } });
    expect(await callJson(path, { session: amb.session, body: { impressions: 39 } })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field: 'impressions', message: expect.stringContaining('reactions') } } });
    const fine = await callJson<Share>(path, { session: amb.session, body: { impressions: 40, comments: 2 } });
    expect(fine).toMatchObject({ status: 200, body: { metrics: { impressions: 40, reactions: 40, comments: 2, reshares: null } } });
  });

  it('answers 422 without any number', async () => {
    const { amb, shareId } = await posted();
    const res = await callJson<{ error: Record<string, unknown> }>(`/api/v1/me/shares/${shareId}/metrics`, { session: amb.session, body: {} });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', message: expect.stringContaining('at least one') } } });
    expect(res.body.error).not.toHaveProperty('field');
  });

  it('answers 404 for a colleague’s post, another organisation’s post and an unknown id', async () => {
    const { space, shareId } = await posted();
    const colleague = await joinAndAccept(space);
    const stranger = (await posted()).amb;
    const body = { impressions: 5 };
    expect(await callJson(`/api/v1/me/shares/${shareId}/metrics`, { session: colleague.session, body })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await callJson(`/api/v1/me/shares/${shareId}/metrics`, { session: stranger.session, body })).status).toBe(404);
    expect((await callJson('/api/v1/me/shares/shr_unknown/metrics', { session: colleague.session, body })).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    const { shareId } = await posted();
    expect((await callJson(`/api/v1/me/shares/${shareId}/metrics`, { body: { impressions: 1 } })).status).toBe(401);
  });
});
