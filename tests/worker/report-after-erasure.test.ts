/** Issue 10: a past report re-run after an ambassador left shows the figures it showed before. */
import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../worker/lib/days';
import type { KpiReport } from '../../worker/schemas/kpis';
import { call, callJson } from './http';
import { clicks, content, convert, joinAndAccept, makeSpace, share, sharePosted } from './ambassador-space';

describe('a past report after an erasure', () => {
  it('keeps the leaver’s reported and estimated reach, engagements, clicks, conversions, enrolment and participation in past periods', async () => {
    const space = await makeSpace();
    const leaver = await joinAndAccept(space);
    const stayer = await joinAndAccept(space);
    const job = await content(space);
    const declared = await callJson('/api/v1/me', { method: 'PATCH', session: leaver.session, body: { audience: { x: 2000 } } });
    expect(declared.status).toBe(200);
    const mine = await share(leaver.session, job.id, 'Mon poste, écrit par moi, sur cette offre.');
    // Unreported but confirmed posted: its reach is estimated from the audience the leaver declared on X.
    await sharePosted(leaver.session, job.id, 'Un second mot de ma part, cette fois sur X, pour mon réseau.', 'x');
    expect((await callJson(`/api/v1/me/shares/${mine.share.id}/metrics`, { session: leaver.session, body: { impressions: 1200, reactions: 30, comments: 4, reshares: 2 } })).status).toBe(200);
    // Reporting the numbers of a post confirms it was published (these two count through their reports).
    const theirs = await share(stayer.session, job.id, 'Le poste de ma collègue, avec ses mots.');
    expect((await callJson(`/api/v1/me/shares/${theirs.share.id}/metrics`, { session: stayer.session, body: { impressions: 300, reactions: 5 } })).status).toBe(200);
    const [clickId] = await clicks(space.organisationId, mine.link.slug, 4);
    await convert(space.organisationId, clickId!);
    const today = dayOf(Date.now());
    const quarter = `/api/v1/kpis?from=${addDays(today, -89)}&to=${today}`;
    const sent = await callJson<KpiReport>(quarter, { session: space.owner });
    expect(sent.body.totals).toMatchObject({ shares: 3, impressions: 1500, engagements: 41, clicks: 4, conversions: 1, ambassadors: 2, activeAmbassadors: 2, participationRate: 1 });
    expect(sent.body.totals.reachEstimated).toBeGreaterThan(0);
    // Groupings by what was shared, not by whom: they do not change either.
    const sentGroups = new Map<string, KpiReport>();
    for (const groupBy of ['day', 'campaign', 'content', 'network']) {
      sentGroups.set(groupBy, (await callJson<KpiReport>(`${quarter}&groupBy=${groupBy}`, { session: space.owner })).body);
    }

    expect((await call('/api/v1/me', { method: 'DELETE', session: leaver.session })).status).toBe(204);

    const rerun = await callJson<KpiReport>(quarter, { session: space.owner });
    expect(rerun.body.totals).toEqual(sent.body.totals);
    for (const [groupBy, report] of sentGroups) {
      expect((await callJson<KpiReport>(`${quarter}&groupBy=${groupBy}`, { session: space.owner })).body, groupBy).toEqual(report);
    }
  }, 30_000);
});
