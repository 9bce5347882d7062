import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, inject, it } from 'vitest';

describe('the OpenAPI document served by the running worker', () => {
  it('passes a standard OpenAPI 3.1 validator', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/openapi.json`);
    expect(res.status).toBe(200);
    const document: Parameters<typeof validate>[0] = await res.json();
    const result = await validate(document);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});
