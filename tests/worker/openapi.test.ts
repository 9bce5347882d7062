import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { call, callJson } from './http';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

interface JsonSchema {
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
}

interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  parameters?: Array<{ $ref?: string; name?: string; in?: string; description?: string; schema?: JsonSchema }>;
  responses: Record<string, { headers?: Record<string, unknown> }>;
}

/** Every operation of the served document, as `METHOD /path` and its object. */
async function operations(): Promise<Array<[string, Operation]>> {
  const { body } = await callJson<{ paths: Record<string, Record<string, Operation>> }>('/api/openapi.json');
  return Object.entries(body.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));
}

/** API.md's rate-limited operations: sign-in and invitation acceptance (per account and per client), conversions (per API key). */
const RATE_LIMITED = ['POST /api/v1/auth/login', 'POST /api/v1/invitations/{token}/accept', 'POST /api/v1/conversions'];

const UNDOCUMENTED = new Set(['/api/openapi.json', '/api/docs', '/api/*']);

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that lists every /api route the worker serves', async () => {
    const { status, body } = await callJson<Document>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && !UNDOCUMENTED.has(r.path) && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(5);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
  });

  it('documents the error envelope on every operation', async () => {
    const { body } = await callJson<Document>('/api/openapi.json');
    for (const [path, ops] of Object.entries(body.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys((op as { responses: Record<string, unknown> }).responses);
        expect(statuses.some((s) => Number(s) >= 400), `${method} ${path}`).toBe(true);
      }
    }
  });
});

describe('who may call, and every status', () => {
  it('names who may call every operation in its own `security`, read off the router’s access checks', async () => {
    const ops = new Map(await operations());
    for (const [name, op] of ops) expect(op.security, name).toBeInstanceOf(Array);
    // Public operations say so with an empty list; a key's scopes and a session's roles come from allow().
    expect(ops.get('POST /api/v1/auth/login')?.security).toEqual([]);
    expect(ops.get('POST /api/v1/organisations')?.security).toEqual([{ operatorToken: [] }]);
    expect(ops.get('POST /api/v1/conversions')?.security).toEqual([{ apiKey: ['conversions:write'] }, { apiKey: ['admin'] }, { session: ['owner', 'editor'] }]);
    expect(ops.get('GET /api/v1/kpis')?.security).toEqual([{ apiKey: ['kpis:read'] }, { apiKey: ['admin'] }, { session: ['owner', 'editor', 'analyst'] }]);
    expect(ops.get('POST /api/v1/api-keys')?.security).toEqual([{ session: ['owner'] }]);
    expect(ops.get('PATCH /api/v1/organisation')?.security).toEqual([{ session: ['owner', 'editor'] }]);
    expect(ops.get('GET /api/v1/me/feed')?.security).toEqual([{ session: ['ambassador'] }]);
    expect(ops.get('GET /api/v1/auth/me')?.security).toEqual([{ session: ['owner', 'editor', 'analyst'] }]);
  });

  it('documents what each documented credential really gets: an analyst is refused where the document omits analysts', async () => {
    const ops = new Map(await operations());
    expect(ops.get('POST /api/v1/campaigns')?.security).not.toContainEqual({ session: expect.arrayContaining(['analyst']) });
    const { makeAdminSession, makeTenant, makeApiKey } = await import('./builders');
    const tenant = await makeTenant();
    const analyst = await makeAdminSession(tenant.organisationId, 'analyst');
    expect((await callJson('/api/v1/campaigns', { session: analyst, body: { name: 'x' } })).status).toBe(403);
    const kpis = await makeApiKey(tenant.organisationId, ['kpis:read']);
    expect(ops.get('GET /api/v1/campaigns')?.security).not.toContainEqual({ apiKey: ['kpis:read'] });
    expect((await callJson('/api/v1/campaigns', { bearer: kpis })).status).toBe(403);
  });

  it('documents 413 on every operation that takes a body', async () => {
    for (const [name, op] of await operations()) {
      if (op.requestBody !== undefined || /^(POST|PATCH|PUT) /.test(name)) expect(Object.keys(op.responses), name).toContain('413');
    }
  });

  it('documents 429 with Retry-After on every rate-limited operation', async () => {
    const ops = new Map(await operations());
    for (const name of RATE_LIMITED) {
      expect(ops.get(name)?.responses['429']?.headers, name).toHaveProperty('Retry-After');
    }
    for (const [name, op] of ops) if (op.responses['429']) expect(op.responses['429'].headers, name).toHaveProperty('Retry-After');
  });

  it('describes every request field: each top-level body property and each parameter', async () => {
    const { body } = await callJson<{ paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, JsonSchema> } }>('/api/openapi.json');
    const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(body.components.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema);
    const undescribed: string[] = [];
    for (const [name, op] of await operations()) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content?.['application/json'];
      const root = content ? resolve(content.schema) : {};
      for (const [field, schema] of Object.entries(root.properties ?? {})) if (!schema.description && !resolve(schema).description) undescribed.push(`${name} body ${field}`);
      for (const parameter of op.parameters ?? []) {
        if (!parameter.$ref && !parameter.description && !parameter.schema?.description) undescribed.push(`${name} ${parameter.in} ${parameter.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('declares the Idempotency-Key header once, referenced by the operations that take it', async () => {
    const { body } = await callJson<{ components: { parameters: Record<string, { name: string; in: string; schema: unknown; description?: string }> } }>('/api/openapi.json');
    expect(body.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 1, maxLength: 255 }, description: expect.stringContaining('24 h') });
    const ops = new Map(await operations());
    expect(ops.get('POST /api/v1/conversions')?.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    for (const [name, op] of ops) {
      expect((op.parameters ?? []).filter((p) => p.name?.toLowerCase() === 'idempotency-key'), name).toEqual([]);
    }
  });
});

describe('GET /api/docs', () => {
  it('serves the interactive reference, pointing at the local Scalar bundle and the document', async () => {
    const res = await (await import('./http')).call('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/assets/scalar/standalone.js');
    expect(html).toContain('/api/openapi.json');
  });

  // Scalar 1.46 (its last line supporting Node 20) has no MCP generator to turn off.
  it('configures Scalar without its AI agent, developer toolbar, telemetry or default fonts', async () => {
    const html = await (await call('/api/docs')).text();
    for (const option of ['"agent":{"disabled":true}', '"showDeveloperTools":"never"', '"telemetry":false', '"withDefaultFonts":false']) {
      expect(html.replaceAll('&quot;', '"').replaceAll(/\s/g, ''), option).toContain(option);
    }
  });

  it('carries the r.js integration guide as a page of the reference', async () => {
    const { body } = await callJson<{ info: { description: string } }>('/api/openapi.json');
    expect(body.info.description).toContain('## Reporting conversions from your site (r.js)');
    expect(body.info.description).toContain('Relais.consent(true)');
    expect(body.info.description).toContain('Idempotency-Key');
  });
});
