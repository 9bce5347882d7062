import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../worker/lib/days';
import { randomSlug } from '../../worker/lib/ids';
import { publicName } from '../../worker/lib/public-name';
import { rankByResults } from '../../worker/services/leaderboard';
import { makeAmbassador } from './builders';
import { call, callJson, sessionFrom } from './http';
import { clicks, content, convert, joinAndAccept, makeSpace, share, sharePosted, type Joined, type Space } from './ambassador-space';

interface Board { from: string; to: string; items: { rank: number; ambassadorId: string; displayName: string; conversions: number | null; uniqueVisitors: number | null; engagements: number | null; me: boolean }[] }

const optIn = (session: string, displayName?: string) => callJson('/api/v1/me', { method: 'PATCH', session, body: { leaderboardOptIn: true, ...(displayName ? { displayName } : {}) } });

/** An ambassador who opted in (or not) with `posts` posts, `visitors` visitors on the first and `conversions` of them converting. */
async function player(space: Space, name: string, results: { posts?: number; visitors?: number; conversions?: number; reactions?: number; optIn?: boolean }): Promise<Joined> {
  const amb = await joinAndAccept(space, { name });
  if (results.optIn !== false) await optIn(amb.session);
  const job = await content(space);
  const first = await sharePosted(amb.session, job.id, `${name} : mon poste à moi, numéro 0.`);
  for (let i = 1; i < (results.posts ?? 1); i++) await sharePosted(amb.session, (await content(space)).id, `${name} : encore un poste, numéro ${i}.`);
  const ids = results.visitors ? await clicks(space.organisationId, first.link.slug, results.visitors) : [];
  for (const id of ids.slice(0, results.conversions ?? 0)) await convert(space.organisationId, id);
  if (results.reactions) await callJson(`/api/v1/me/shares/${first.share.id}/metrics`, { session: amb.session, body: { reactions: results.reactions } });
  return amb;
}

async function analystOf(space: Space): Promise<string> {
  const invited = await callJson<{ token: string }>('/api/v1/admins', { session: space.owner, body: { email: `analyst-${randomSlug(8).toLowerCase()}@example.com`, name: 'Ana', role: 'analyst' } });
  return sessionFrom(await call(`/api/v1/invitations/${invited.body.token}/accept`, { body: { password: 'analyst password 123' } }));
}

describe('GET /api/v1/leaderboard', () => {
  it('ranks opted-in ambassadors by results — conversions, visitors, engagements — never by posts, and shows no one else', async () => {
    const space = await makeSpace();
    const prolific = await player(space, 'Prolific', { posts: 8, visitors: 3 });
    const converter = await player(space, 'Converter', { posts: 1, visitors: 2, conversions: 1 });
    const visited = await player(space, 'Visited', { visitors: 5 });
    const engaging = await player(space, 'Engaging', { visitors: 3, reactions: 12 });
    const hidden = await player(space, 'Hidden', { visitors: 50, conversions: 5, optIn: false });
    // Five people off the board in all, so the remainder rule lets the figures show.
    for (let i = 0; i < 4; i++) await makeAmbassador(space.organisationId, { joinedAt: Date.now() });
    await player(await makeSpace(), 'Elsewhere', { visitors: 90, conversions: 9 });
    const board = await callJson<Board>('/api/v1/leaderboard', { session: space.owner });
    expect(board.status).toBe(200);
    expect(board.body.items.map((i) => [i.rank, i.displayName, i.conversions, i.uniqueVisitors, i.engagements])).toEqual([
      [1, 'Converter', 1, 2, 0],
      [2, 'Visited', 0, 5, 0],
      [3, 'Engaging', 0, 3, 12],
      [4, 'Prolific', 0, 3, 0],
    ]);
    expect(board.body.items.map((i) => i.ambassadorId)).toEqual([converter.id, visited.id, engaging.id, prolific.id]);
    expect(JSON.stringify(board.body)).not.toContain(hidden.name);
    expect(JSON.stringify(board.body)).not.toContain('shares');
  }, 30_000);

  it('never shows the full name: without a display name, the first name and the last name’s initial', async () => {
    const space = await makeSpace();
    const amb = await player(space, 'Camille Martin-Durand', { visitors: 1 });
    const board = await callJson<Board>('/api/v1/leaderboard', { session: amb.session });
    expect(board.body.items.map((i) => i.displayName)).toEqual(['Camille M.']);
    expect(JSON.stringify(board.body)).not.toContain('Martin');
    expect(publicName(null, '  élodie   ÉVRARD ')).toBe('élodie É.');
    expect(publicName(null, 'Madonna')).toBe('Madonna');
    expect(publicName('Cam', 'Camille Martin')).toBe('Cam');
  });

  it('shows the display name when set, and marks the caller’s own row', async () => {
    const space = await makeSpace();
    const amb = await player(space, 'Camille Martin', { visitors: 1 });
    await optIn(amb.session, 'Cam');
    const board = await callJson<Board>('/api/v1/leaderboard', { session: amb.session });
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([{ rank: 1, ambassadorId: amb.id, displayName: 'Cam', conversions: 0, uniqueVisitors: 1, engagements: 0, me: true }]);
  });

  it('is readable by every admin role and an admin key, refused to an ambassador who did not opt in, 401 without credentials', async () => {
    const space = await makeSpace();
    await player(space, 'Visible', { visitors: 1 });
    const shy = await player(space, 'Shy', { optIn: false });
    const key = await callJson<{ secret: string }>('/api/v1/api-keys', { session: space.owner, body: { name: 'k', scopes: ['admin'] } });
    const kpisKey = await callJson<{ secret: string }>('/api/v1/api-keys', { session: space.owner, body: { name: 'k', scopes: ['kpis:read'] } });
    expect((await callJson<Board>('/api/v1/leaderboard', { session: await analystOf(space) })).body.items).toHaveLength(1);
    expect((await callJson('/api/v1/leaderboard', { bearer: key.body.secret })).status).toBe(200);
    expect((await callJson('/api/v1/leaderboard', { bearer: kpisKey.body.secret })).status).toBe(403);
    expect(await callJson('/api/v1/leaderboard', { session: shy.session })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await callJson('/api/v1/leaderboard')).status).toBe(401);
  });

  it('defaults to the last 30 days and validates the period', async () => {
    const space = await makeSpace();
    const today = dayOf(Date.now());
    expect((await callJson<Board>('/api/v1/leaderboard', { session: space.owner })).body).toEqual({ from: addDays(today, -29), to: today, items: [] });
    expect((await callJson<Board>('/api/v1/leaderboard?from=2024-01-02&to=2026-01-01', { session: space.owner })).status).toBe(200);
    for (const [q, field] of [['from=2026-03-02&to=2026-03-01', 'to'], ['from=2024-01-01&to=2026-01-01', 'to'], ['from=yesterday', 'from'], ['to=2026-13-01', 'to'], ['from=2026-02-31', 'from'], ['from=1990-01-01', 'to']]) {
      expect(await callJson(`/api/v1/leaderboard?${q}`, { session: space.owner }), q).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', field } } });
    }
  });

  it('counts only the period', async () => {
    const space = await makeSpace();
    const amb = await player(space, 'Past', {});
    const job = await content(space);
    const posted = await share(amb.session, job.id, 'Un poste à moi.', 'x');
    await clicks(space.organisationId, posted.link.slug, 4, '2026-02-10');
    const board = await callJson<Board>('/api/v1/leaderboard?from=2026-02-01&to=2026-02-28', { session: space.owner });
    expect(board.body.items).toEqual([expect.objectContaining({ displayName: 'Past', uniqueVisitors: 4 })]);
  });
});

describe('rankByResults', () => {
  it('gives equal results the same rank', () => {
    const entry = (displayName: string, conversions: number, uniqueVisitors: number, engagements: number) => ({ ambassadorId: displayName, displayName, conversions, uniqueVisitors, engagements, me: false });
    expect(rankByResults([entry('c', 0, 1, 0), entry('a', 1, 0, 0), entry('b', 1, 0, 0)]).map((e) => [e.rank, e.displayName])).toEqual([[1, 'a'], [1, 'b'], [3, 'c']]);
  });
});
