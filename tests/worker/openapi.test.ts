import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { callJson } from './http';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

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

describe('GET /api/docs', () => {
  it('serves the interactive reference, pointing at the local Scalar bundle and the document', async () => {
    const res = await (await import('./http')).call('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/assets/scalar/standalone.js');
    expect(html).toContain('/api/openapi.json');
  });
});
