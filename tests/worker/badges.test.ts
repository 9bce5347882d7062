import { describe, expect, it } from 'vitest';
import { dayOf } from '../../worker/lib/days';
import { evaluateBadges, type BadgeFacts } from '../../worker/services/badges';
import { callJson } from './http';
import { acceptCharter, clicks, content, convert, join, makeSpace, sharePosted } from './ambassador-space';

const at = (day: string) => Date.parse(`${day}T09:00:00Z`);
const none: BadgeFacts = { charterAcceptedAt: null, posts: [], days: [] };
const earned = (facts: BadgeFacts) => Object.fromEntries(evaluateBadges(facts).items.map((b) => [b.code, b.earnedOn]));
const post = (contentId: string, day: string, nearCopy = false) => ({ contentId, nearCopy, postedAt: at(day) });
const day = (d: string, values: Partial<{ clicks: number; uniqueVisitors: number; conversions: number }>) => ({ day: d, clicks: 0, uniqueVisitors: 0, conversions: 0, ...values });

describe('badge rules', () => {
  it('awards nothing to a newcomer', () => {
    expect(Object.values(earned(none)).every((e) => e === null)).toBe(true);
    expect(evaluateBadges(none).items.map((b) => b.code)).toEqual(['charter_signed', 'first_share', 'first_click', 'first_conversion', 'hundred_visitors', 'five_personal_posts']);
  });

  it('charter_signed: on the day of the first acceptance', () => {
    expect(earned({ ...none, charterAcceptedAt: at('2026-03-02') }).charter_signed).toBe('2026-03-02');
  });

  it('first_share: the first post in one’s own words; near copies never count', () => {
    expect(earned({ ...none, posts: [post('a', '2026-03-01', true), post('b', '2026-03-02', true)] }).first_share).toBeNull();
    expect(earned({ ...none, posts: [post('a', '2026-03-01', true), post('b', '2026-03-04')] }).first_share).toBe('2026-03-04');
  });

  it('first_click and first_conversion: the first day with a human click, with a conversion', () => {
    const facts = { ...none, days: [day('2026-03-01', {}), day('2026-03-02', { clicks: 1, uniqueVisitors: 1 }), day('2026-03-05', { clicks: 3, uniqueVisitors: 2, conversions: 1 })] };
    expect(earned(facts)).toMatchObject({ first_click: '2026-03-02', first_conversion: '2026-03-05' });
    expect(earned({ ...none, days: [day('2026-03-01', {})] })).toMatchObject({ first_click: null, first_conversion: null });
  });

  it('hundred_visitors: the day the visitors add up to 100, with the progress before', () => {
    const facts = { ...none, days: [day('2026-03-01', { uniqueVisitors: 60 }), day('2026-03-02', { uniqueVisitors: 39 })] };
    expect(earned(facts).hundred_visitors).toBeNull();
    expect(evaluateBadges(facts).items.find((b) => b.code === 'hundred_visitors')?.progress).toEqual({ current: 99, target: 100 });
    expect(earned({ ...none, days: [...facts.days, day('2026-03-03', { uniqueVisitors: 1 })] }).hundred_visitors).toBe('2026-03-03');
  });

  it('five_personal_posts: five different contents in one’s own words, never volume alone', () => {
    const sameContent = Array.from({ length: 12 }, (_, i) => post('a', `2026-03-${String(i + 1).padStart(2, '0')}`));
    expect(earned({ ...none, posts: sameContent }).five_personal_posts).toBeNull();
    const copies = ['a', 'b', 'c', 'd', 'e'].map((c) => post(c, '2026-03-01', true));
    expect(earned({ ...none, posts: copies })).toMatchObject({ first_share: null, five_personal_posts: null });
    const four = ['a', 'b', 'c', 'd'].map((c, i) => post(c, `2026-03-0${i + 1}`));
    expect(earned({ ...none, posts: [...four, post('e', '2026-03-08', true)] }).five_personal_posts).toBeNull();
    expect(earned({ ...none, posts: [...four, post('e', '2026-03-09')] }).five_personal_posts).toBe('2026-03-09');
  });
});

describe('GET /api/v1/me/badges', () => {
  it('earns badges from the ambassador’s real data, each with its rule and progress', async () => {
    const space = await makeSpace();
    const amb = await join(space);
    const badges = async () => (await callJson<{ items: { code: string; earned: boolean; earnedOn: string | null; rule: string; progress: { current: number } }[] }>('/api/v1/me/badges', { session: amb.session })).body.items;
    const byCode = async () => Object.fromEntries((await badges()).map((b) => [b.code, b]));
    expect((await badges()).every((b) => !b.earned && b.rule.length > 10)).toBe(true);
    await acceptCharter(amb.session);
    const today = dayOf(Date.now());
    expect((await byCode()).charter_signed).toMatchObject({ earned: true, earnedOn: today });
    const job = await content(space);
    const copied = await sharePosted(amb.session, job.id, 'Nous recrutons des ingénieurs backend à Lyon, en CDI.');
    expect(copied.similarity.nearCopy).toBe(true);
    expect((await byCode()).first_share?.earned).toBe(false);
    const own = await sharePosted(amb.session, job.id, 'Trois ans que je suis ici, et je ne m’en lasse pas : rejoignez-nous.');
    const [clickId] = await clicks(space.organisationId, own.link.slug, 100);
    await convert(space.organisationId, clickId!);
    expect(await byCode()).toMatchObject({
      first_share: { earned: true, earnedOn: today },
      first_click: { earned: true },
      first_conversion: { earned: true },
      hundred_visitors: { earned: true, progress: { current: 100 } },
      five_personal_posts: { earned: false, progress: { current: 1 } },
    });
  });
});
