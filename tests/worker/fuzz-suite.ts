/** The fuzz suite over one shard of the endpoints: never a 5xx, every error in API.md's envelope, no input echoed. */
import { afterAll, describe, expect, it } from 'vitest';
import { apiEndpoints, CASES_PER_ENDPOINT, fuzzEndpoint, openApi, shard, type Tally } from './fuzz-helpers';

// The API serves well over 40 endpoints: a much smaller list means the enumeration broke, not that the API shrank.
const MIN_ENDPOINTS = 40;

/** Declares the fuzz tests for shard `index` of `of`. */
export function describeFuzz(index: number, of: number): void {
  const all = apiEndpoints();
  const mine = shard(all, index, of);
  const tallies = new Map<string, Tally>();

  describe(`fuzzing the JSON API (shard ${index + 1} of ${of})`, () => {
    it('enumerates every endpoint the router serves and the document lists', async () => {
      expect(all.length).toBeGreaterThanOrEqual(MIN_ENDPOINTS);
      expect(mine.length).toBeGreaterThanOrEqual(Math.floor(MIN_ENDPOINTS / of));
      const doc = await openApi();
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      const served = new Set(all.map((e) => `${e.method} ${e.path.replace(/:(\w+)/g, '{$1}')}`));
      expect(documented.filter((op) => !served.has(op) && op !== 'GET /api/openapi.json')).toEqual([]);
    });

    it.each(mine.map((endpoint) => ({ endpoint, name: `${endpoint.method} ${endpoint.path}` })))('$name: never a 5xx, errors in the envelope, nothing echoed', async ({ endpoint }) => {
      const tally = await fuzzEndpoint(endpoint, all.indexOf(endpoint));
      tallies.set(`${endpoint.method} ${endpoint.path}`, tally);
      console.info(`fuzz ${endpoint.method} ${endpoint.path}: ${Math.round(tally.requestMs)} ms, slowest ${Math.round(tally.slowest.ms)} ms`);
      expect(tally.cases).toBeGreaterThanOrEqual(CASES_PER_ENDPOINT);
    }, 120_000);
  });

  afterAll(() => {
    const rows = [...tallies].map(([name, t]) => `${name}: ${t.cases} cases (${Math.round(t.requestMs)} ms in requests), ${t.reached} past authentication, ${JSON.stringify(t.byStatus)}, slowest ${Math.round(t.slowest.ms)} ms (${t.slowest.what})`);
    console.info(`fuzz shard ${index + 1}/${of}\n${rows.join('\n')}`);
  });
}
