/** Issue 10: a past report re-run after an ambassador left shows the figures it showed before. */
import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../worker/lib/days';
import type { KpiReport } from '../../worker/schemas/kpis';
import { call, callJson } from './http';
import { clicks, content, convert, joinAndAccept, makeSpace, share } from './ambassador-space';

describe('a past report after an erasure', () => {
  it('keeps the leaver’s reported impressions and engagements, clicks, conversions and enrolment in past periods', async () => {
    const space = await makeSpace();
    const leaver = await joinAndAccept(space);
    const stayer = await joinAndAccept(space);
    const job = await content(space);
    const mine = await share(leaver.session, job.id, 'Mon poste, écrit par moi, sur cette offre.');
    expect((await callJson(`/api/v1/me/shares/${mine.share.id}/metrics`, { session: leaver.session, body: { impressions: 1200, reactions: 30, comments: 4, reshares: 2 } })).status).toBe(200);
    const theirs = await share(stayer.session, job.id, 'Le poste de ma collègue, avec ses mots.');
    expect((await callJson(`/api/v1/me/shares/${theirs.share.id}/metrics`, { session: stayer.session, body: { impressions: 300, reactions: 5 } })).status).toBe(200);
    const [clickId] = await clicks(space.organisationId, mine.link.slug, 4);
    await convert(space.organisationId, clickId!);
    const today = dayOf(Date.now());
    const quarter = `/api/v1/kpis?from=${addDays(today, -89)}&to=${today}`;
    const sent = await callJson<KpiReport>(quarter, { session: space.owner });
    expect(sent.body.totals).toMatchObject({ impressions: 1500, engagements: 41, clicks: 4, conversions: 1, ambassadors: 2 });

    expect((await call('/api/v1/me', { method: 'DELETE', session: leaver.session })).status).toBe(204);

    const rerun = await callJson<KpiReport>(quarter, { session: space.owner });
    const figures = ({ activeAmbassadors: _a, participationRate: _p, ...rest }: KpiReport['totals']) => rest;
    expect(figures(rerun.body.totals)).toEqual(figures(sent.body.totals));
  }, 30_000);
});
