/** The fuzz suite's oracle can fail: it refuses a 5xx, a wrong envelope, a wrong status and an echo. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiError, onInvalid } from '../../worker/lib/errors';
import { checkAnswer, type Case } from './fuzz-helpers';
import { callJson } from './http';
import { makeAdminSession, makeOrganisation } from './builders';

const endpoint = { method: 'POST', path: '/api/v1/campaigns' };
const sample: Case = { path: '/api/v1/campaigns', query: '', body: '{}', contentType: 'application/json', credential: 'owner', idempotencyKey: null, sent: ['Echo-Canary <b>é</b> 4711'] };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the fuzz oracle', () => {
  it('accepts a 2xx and a well-formed error', async () => {
    expect(await checkAnswer(endpoint, sample, json(201, { id: 'cmp_1' }))).toBe(true);
    expect(await checkAnswer(endpoint, sample, json(422, { error: { code: 'validation_failed', message: 'name is required', field: 'name' } }))).toBe(true);
    expect(await checkAnswer(endpoint, sample, json(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }))).toBe(false);
  });

  it('refuses a 5xx, a foreign shape, an unknown code, a status that does not match its code, HTML, a 429 without Retry-After and an echo', async () => {
    const refused = [
      json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } }),
      json(502, { error: { code: 'internal_error', message: 'x' } }),
      json(400, { message: 'Malformed JSON in request body' }),
      json(400, { success: false, error: { issues: [] } }),
      json(422, { error: { code: 'validation_failed', message: 'x', issues: [] } }),
      json(422, { error: { code: 'bad_request', message: 'x' } }),
      json(400, { error: { code: 'validation_failed', message: 'x' } }),
      new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }),
      json(429, { error: { code: 'rate_limited', message: 'Slow down.' } }),
      json(422, { error: { code: 'validation_failed', message: 'name: Echo-Canary <b>é</b> 4711 is not allowed', field: 'name' } }),
    ];
    for (const response of refused) await expect(checkAnswer(endpoint, sample, response)).rejects.toThrow();
  });
});

describe('validation messages never repeat the input', () => {
  it('drops what valibot’s default messages say they received', () => {
    const secret = 'camille.durand@example.com';
    const schema = v.object({ email: v.string(), role: v.picklist(['owner', 'editor']), tags: v.array(v.number()) });
    for (const input of [secret, { email: secret, role: 'owner', tags: [] }, { email: 'x', role: secret, tags: [] }, { email: 'x', role: 'owner', tags: [secret] }, [secret]]) {
      const result = v.safeParse(schema, typeof input === 'object' && !Array.isArray(input) && input.email === secret ? { ...input, email: 42, tags: secret } : input);
      let thrown: unknown;
      try {
        onInvalid({ success: result.success, error: result.issues?.map((issue) => ({ message: issue.message, path: issue.path?.map((item) => ({ key: item.key as PropertyKey })) })) });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiError);
      expect(JSON.stringify((thrown as ApiError).toJSON())).not.toContain('camille');
    }
  });

  it('through the API: a body of the wrong type is refused without repeating it', async () => {
    const organisation = await makeOrganisation();
    const session = await makeAdminSession(organisation.id, 'owner');
    const secret = 'camille.durand@example.com';
    for (const body of [secret, { email: secret, name: { nested: secret }, role: 'editor' }, { email: 'a@example.com', name: 'A', role: secret }, [secret]]) {
      const res = await callJson<{ error: { code: string; message: string } }>('/api/v1/admins', { session, body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body)).not.toContain('camille');
    }
  });
});
