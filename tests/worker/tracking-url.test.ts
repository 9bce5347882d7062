import { describe, expect, it } from 'vitest';
import { prepareTarget, trackedUrl, untrackedUrl } from '../../worker/services/tracking-url';

const params = { utm_source: 'linkedin', utm_medium: 'employee_advocacy', utm_campaign: 'recrutement-lyon', utm_content: 'dev-lyon' };
const track = (target: string) => trackedUrl(prepareTarget(target, params), 'CID');
const UTM = 'utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=recrutement-lyon&utm_content=dev-lyon';

describe('prepareTarget', () => {
  it.each([
    ['a target without a query', 'https://example.com/jobs/42', `https://example.com/jobs/42?${UTM}&rl_cid=CID`],
    ['a bare origin', 'https://example.com', `https://example.com/?${UTM}&rl_cid=CID`],
    ['the target’s own parameters, kept first', 'https://example.com/p?ref=careers&lang=fr', `https://example.com/p?ref=careers&lang=fr&${UTM}&rl_cid=CID`],
    ['the fragment, kept last', 'https://example.com/p?x=1#apply', `https://example.com/p?x=1&${UTM}&rl_cid=CID#apply`],
    ['a fragment without a query', 'https://example.com/p#top', `https://example.com/p?${UTM}&rl_cid=CID#top`],
    ['an empty query', 'https://example.com/p?', `https://example.com/p?${UTM}&rl_cid=CID`],
    ['a trailing ampersand', 'https://example.com/p?a=1&', `https://example.com/p?a=1&${UTM}&rl_cid=CID`],
    ['encoded values, not re-encoded', 'https://example.com/s?q=caf%C3%A9+cr%C3%A8me&t=a%2Fb', `https://example.com/s?q=caf%C3%A9+cr%C3%A8me&t=a%2Fb&${UTM}&rl_cid=CID`],
    ['a port and credentials-free path', 'http://localhost:4321/landing', `http://localhost:4321/landing?${UTM}&rl_cid=CID`],
  ])('handles %s', (_, target, expected) => {
    expect(track(target)).toBe(expected);
  });

  it('lets the target’s own utm_* win', () => {
    const url = new URL(track('https://example.com/p?utm_source=newsletter&utm_campaign=spring'));
    expect(url.searchParams.getAll('utm_source')).toEqual(['newsletter']);
    expect(url.searchParams.getAll('utm_campaign')).toEqual(['spring']);
    expect(url.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(url.searchParams.get('utm_content')).toBe('dev-lyon');
  });

  it('replaces an rl_cid the target already carries with the click’s own', () => {
    const url = new URL(track('https://example.com/p?rl_cid=stale&a=1'));
    expect(url.searchParams.getAll('rl_cid')).toEqual(['CID']);
    expect(url.searchParams.get('a')).toBe('1');
  });

  it('encodes parameter values', () => {
    const url = trackedUrl(prepareTarget('https://example.com/', { ...params, utm_campaign: 'été 2026&co' }), 'CID');
    expect(new URL(url).searchParams.get('utm_campaign')).toBe('été 2026&co');
  });

  it('leaves the click id out for an opted-out visitor', () => {
    expect(untrackedUrl(prepareTarget('https://example.com/p?x=1#apply', params))).toBe(`https://example.com/p?x=1&${UTM}#apply`);
    expect(untrackedUrl(prepareTarget('https://example.com/p?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d', params))).toBe(
      'https://example.com/p?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d',
    );
  });
});
