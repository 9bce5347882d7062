/**
 * Property-based fuzzing of the JSON API: the endpoints come from the app's own routes (a new endpoint is fuzzed
 * without touching this file), the bodies are shaped from the OpenAPI document's request schemas and then broken.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { expect } from 'vitest';
import { charterAcceptances, charters, conversions, links, shares } from '../../db/schema';
import { app } from '../../worker/app';
import worker from '../../worker/index';
import { SESSION_COOKIE } from '../../worker/lib/cookies';
import { ERROR_STATUS } from '../../worker/lib/errors';
import { newId, randomSlug } from '../../worker/lib/ids';
import { createSession } from '../../worker/services/sessions';
import { clickIdFor, db, makeAdminSession, makeAmbassador, makeApiKey, makeCampaign, makeContent, makeOrganisation } from './builders';
import { callJson, ORIGIN } from './http';

export const FUZZ_SEED = 20_261_125;
export const CASES_PER_ENDPOINT = 200;

/** An endpoint as the router knows it: `GET /api/v1/campaigns/:id`. */
export interface Endpoint {
  method: string;
  path: string;
}

// Not JSON endpoints: the interactive reference is an HTML page.
const NOT_JSON = new Set(['GET /api/docs']);

/** Every `/api` endpoint the worker serves, from the router itself (middleware entries and the catch-all left out). */
export function apiEndpoints(): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    if (!NOT_JSON.has(key)) seen.set(key, { method: r.method, path: r.path });
  }
  return [...seen.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Deterministic share of the endpoints for one of `of` files, so the files can run side by side. */
export function shard(endpoints: Endpoint[], index: number, of: number): Endpoint[] {
  return endpoints.filter((_, i) => i % of === index);
}

// ---------------------------------------------------------------- OpenAPI shapes

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  required?: string[];
  propertyNames?: JsonSchema;
}

interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** What the document says an endpoint takes: its body schema and query parameter names. */
export interface Shape {
  body?: JsonSchema;
  query: Record<string, JsonSchema>;
  resolve: (schema: JsonSchema) => JsonSchema;
  /** Every enum and const string of the document: the API names them itself ("must be one of …"). */
  vocabulary: Set<string>;
  /** Real ids (and a signed click id) of the endpoint's organisation, for fields named `…Id`. */
  ids: string[];
}

function vocabularyOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => vocabularyOf(n, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) value.forEach((v) => typeof v === 'string' && into.add(v));
      else if (key === 'const' && typeof value === 'string') into.add(value);
      else vocabularyOf(value, into);
    }
  }
  return into;
}

let documentPromise: Promise<Document> | undefined;

/** The served OpenAPI document (fetched once per file). */
export function openApi(): Promise<Document> {
  documentPromise ??= callJson<Document>('/api/openapi.json').then((r) => {
    if (r.status !== 200) throw new Error(`openapi.json answered ${r.status}`);
    return r.body;
  });
  return documentPromise;
}

/** The request shape of `endpoint` in the document (empty when undocumented: then it is fuzzed blind). */
export async function shapeOf(endpoint: Endpoint): Promise<Shape> {
  const doc = await openApi();
  const op = doc.paths[endpoint.path.replace(/:(\w+)/g, '{$1}')]?.[endpoint.method.toLowerCase()];
  const resolve = (schema: JsonSchema): JsonSchema => {
    const name = schema.$ref?.replace('#/components/schemas/', '');
    return name ? (doc.components?.schemas?.[name] ?? {}) : schema;
  };
  const query: Record<string, JsonSchema> = {};
  for (const p of op?.parameters ?? []) if (p.in === 'query') query[p.name] = p.schema ?? {};
  return { body: op?.requestBody?.content?.['application/json']?.schema, query, resolve, vocabulary: vocabularyOf(doc), ids: [] };
}

// ---------------------------------------------------------------- the data an endpoint can reach

/** Who calls. Each case picks one, weighted towards those the endpoint serves so validation is reached. */
export type Credential = 'none' | 'owner' | 'owner-no-origin' | 'analyst' | 'ambassador' | 'admin-key' | 'kpis-key' | 'conversions-key' | 'operator' | 'forged-bearer' | 'forged-cookie';

/** One organisation with one of everything, made fresh for each endpoint (a DELETE or a logout spoils it). */
export interface Context {
  sessions: { owner: string; analyst: string; ambassador: string };
  keys: { admin: string; kpis: string; conversions: string };
  /** Real ids and tokens of this organisation, offered to path parameters and `…Id` fields. */
  ids: string[];
  tokens: string[];
}

/** Builds a context without PBKDF2 (rows inserted directly, sessions opened by the service). */
export async function makeContext(): Promise<Context> {
  const organisation = await makeOrganisation();
  const orgId = organisation.id;
  const owner = await makeAdminSession(orgId, 'owner');
  const analyst = await makeAdminSession(orgId, 'analyst');
  const campaign = await makeCampaign(orgId);
  const content = await makeContent(orgId, campaign.id, { networks: ['linkedin', 'x'], talkingPoints: 'Nous recrutons à Lyon.' });
  const ambassador = await makeAmbassador(orgId, { joinedAt: Date.now() });
  const now = Date.now();
  await db().insert(charters).values({ id: newId('chr'), organisationId: orgId, version: 1, body: '# Charte', publishedAt: now, createdAt: now });
  await db().insert(charterAcceptances).values({ organisationId: orgId, ambassadorId: ambassador.id, version: 1, acceptedAt: now });
  const ambassadorSession = (await createSession(db(), { organisationId: orgId, subjectType: 'ambassador', subjectId: ambassador.id })).token;
  const link = { id: newId('lnk'), organisationId: orgId, slug: randomSlug(9), ambassadorId: ambassador.id, contentId: content.id, network: 'linkedin' as const, createdAt: now };
  await db().insert(links).values(link);
  const share = { id: newId('shr'), organisationId: orgId, ambassadorId: ambassador.id, contentId: content.id, campaignId: campaign.id, linkId: link.id, network: 'linkedin' as const, text: 'Mon texte', createdAt: now, updatedAt: now };
  await db().insert(shares).values(share);
  const conversion = { id: newId('cnv'), organisationId: orgId, clickId: await clickIdFor(link.id), linkId: link.id, type: 'application' as const, value: 0, currency: 'EUR', occurredAt: now, clickAt: now, clickDay: new Date(now).toISOString().slice(0, 10), attributed: true, createdAt: now };
  await db().insert(conversions).values(conversion);
  const keys = { admin: await makeApiKey(orgId, ['admin']), kpis: await makeApiKey(orgId, ['kpis:read']), conversions: await makeApiKey(orgId, ['conversions:write']) };
  const invited = await callJson<{ ambassador: { id: string }; token: string }>('/api/v1/ambassadors', { session: owner, body: { name: 'Dominique', email: `fz-${randomSlug(10).toLowerCase()}@example.com` } });
  if (invited.status !== 201) throw new Error(`context: invite answered ${invited.status}`);
  return {
    sessions: { owner, analyst, ambassador: ambassadorSession },
    keys,
    ids: [orgId, campaign.id, content.id, ambassador.id, invited.body.ambassador.id, link.id, share.id, conversion.id, await clickIdFor(link.id)],
    tokens: [invited.body.token],
  };
}

// ---------------------------------------------------------------- arbitraries

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Fixed strings worth trying everywhere. */
const NASTY_CONSTANTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\u202Eevil',
  '%',
  '%00',
  "'; DROP TABLE campaigns; --",
  '%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2026-02-31',
  '0000-01-01',
  '9999-12-31',
  '2026-11-25T08:30:00Z',
  'http://127.0.0.1/',
  'https://user:pass@example.com/',
  'javascript:alert(1)',
  'a@b.c',
  'Responsable des ressources humaines et de la marque employeur — Bordeaux (CDI)',
  'Echo-Canary <b>é</b> 4711',
];

/** Strings an attacker sends: NUL, lone surrogates, controls, bidi, long, SQL/LIKE metacharacters, numbers as text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 ,.()'—-]{1,200}$/) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_CONSTANTS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '€', '😀', '[', '\u0000', ' '), fc.integer({ min: 201, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 1_000 }),
  fc.constantFrom(0, -0, -1, 0.5, 1e9, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, objects sometimes carrying prototype-pollution keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie('value'), { maxLength: 6 }),
    tie('object'),
  ),
  object: fc
    .tuple(fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTO_KEYS)), tie('value'), { maxKeys: 6 }), fc.constantFrom(...PROTO_KEYS), tie('value'), fc.boolean())
    .map(([dict, key, value, pollute]) => (pollute ? withKey(dict, key, value) : dict)),
})).value;

/** `record` plus an own property `key` (even `__proto__`), as `JSON.parse` would build it. */
function withKey(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** A value near `schema`: valid often enough to reach the service, wrong in every way a client can be. */
export function nearValue(shape: Shape, input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = shape.resolve(input);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => nearValue(shape, s, depth + 1)));
  if (schema.allOf?.length) return nearValue(shape, schema.allOf[0] ?? {}, depth + 1);
  const wrong = depth > 4 ? fc.constant(null) : anyJson;
  if (schema.const !== undefined) return fc.oneof({ weight: 4, arbitrary: fc.constant(schema.const) }, { weight: 1, arbitrary: wrong });
  if (schema.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: wrong });
  const types = typesOf(schema);
  const options: fc.Arbitrary<unknown>[] = [];
  for (const type of types) {
    if (type === 'string') options.push(plausibleString(schema), nastyString);
    else if (type === 'integer' || type === 'number') options.push(fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1_000, 1e6) }), nastyNumber);
    else if (type === 'boolean') options.push(fc.boolean());
    else if (type === 'null') options.push(fc.constant(null));
    else if (type === 'array' && depth <= 4) {
      const item = nearValue(shape, schema.items ?? {}, depth + 1);
      options.push(fc.array(item, { maxLength: 4 }));
      // Just past a documented bound (bounds beyond 1 000 items would make cases too slow to send).
      if (schema.maxItems !== undefined && schema.maxItems <= 1_000) options.push(fc.array(item, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 }));
    } else if (type === 'object' && depth <= 4) options.push(nearObject(shape, schema, depth));
  }
  if (!types.length && schema.properties) options.push(nearObject(shape, schema, depth));
  options.push(wrong);
  return fc.oneof(...options);
}

const WORDS = ['Responsable', 'des', 'ressources', 'humaines', 'et', 'de', 'la', 'marque', 'employeur', '—', 'Bordeaux', '(CDI)', 'Ingénieur·e', 'backend', 'Lyon', 'Café', 'l’équipe', 'Recrutement', '2026', 'Q3', 'Ünïcödé', 'straße', 'x'];

/** Text as people type it, of every length up to the field's (long titles derive long slugs), at least `min` long. */
const wordsUpTo = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60, size: 'max' }).map((words) => words.join(' ').slice(0, max).trim().padEnd(min, 'x') || 'x');

function plausibleString(schema: JsonSchema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 80, 300);
  const min = Math.min(schema.minLength ?? 1, max);
  switch (schema.format) {
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z0-9]{6,12}$/).map((s) => `fz-${s}@example.com`));
    case 'uri':
    case 'url':
      return fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('https://example.com/a', 'http://10.0.0.1/', 'ftp://x.y/'));
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return fc.oneof(wordsUpTo(min, max), fc.string({ minLength: min, maxLength: max }));
  }
}

/** A value `schema` most likely accepts: what a correct client sends, of every size the schema allows. */
export function validValue(shape: Shape, input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = shape.resolve(input);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => validValue(shape, s, depth + 1)));
  if (schema.allOf?.length) return validValue(shape, schema.allOf[0] ?? {}, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = typesOf(schema)[0] ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return plausibleString(schema);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 1_000, 1e6)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(validValue(shape, schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) });
    case 'object':
      return depth > 4 ? fc.constant({}) : validObject(shape, schema, depth);
    default:
      return fc.constant(null);
  }
}

function validObject(shape: Shape, schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  if (!props.length && typeof schema.additionalProperties === 'object') {
    const keys = shape.resolve(schema.propertyNames ?? {}).enum?.filter((k): k is string => typeof k === 'string');
    return fc.dictionary(keys?.length ? fc.constantFrom(...keys) : fc.stringMatching(/^[a-z]{1,12}$/), validValue(shape, schema.additionalProperties, depth + 1), { maxKeys: 4 });
  }
  const valueOf = (key: string, s: JsonSchema) => (/Id$/.test(key) && shape.ids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...shape.ids) }, { weight: 1, arbitrary: validValue(shape, s, depth + 1) }) : validValue(shape, s, depth + 1));
  return fc.record(Object.fromEntries(props.map(([key, s]) => [key, valueOf(key, s)])), { requiredKeys: schema.required ?? [] });
}

/** A valid object with one thing wrong: a field of the wrong kind, a required field missing, or an unknown key. */
function oneWrong(shape: Shape, schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  return fc
    .tuple(validObject(shape, schema, depth), fc.nat(), fc.constantFrom('none', 'wrong', 'missing', 'extra'), fc.oneof(nastyString, anyJson), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...PROTO_KEYS)))
    .map(([record, n, kind, value, extraKey]) => {
      const key = keys.length ? keys[n % keys.length] : undefined;
      if (kind === 'none' || key === undefined) return kind === 'extra' ? withKey(record, extraKey, value) : record;
      if (kind === 'wrong') return withKey(record, key, value);
      if (kind === 'missing') {
        const copy = { ...record };
        delete copy[key];
        return copy;
      }
      return withKey(record, extraKey, value);
    });
}

function nearObject(shape: Shape, schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const known = fc.record(Object.fromEntries(props.map(([key, s]) => [key, nearValue(shape, s, depth + 1)])), { requiredKeys: [] });
  const extra = typeof schema.additionalProperties === 'object' ? nearValue(shape, schema.additionalProperties, depth + 1) : anyJson;
  const chaotic = fc
    .tuple(known, fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...PROTO_KEYS)), extra), { maxLength: 2 }))
    .map(([record, extras]) => extras.reduce((acc, [k, v]) => withKey(acc, k, v), record));
  // Mostly valid bodies, so the services behind validation are reached too, not only the validators.
  return depth === 0 ? fc.oneof({ weight: 3, arbitrary: oneWrong(shape, schema, depth) }, { weight: 2, arbitrary: chaotic }) : chaotic;
}

/** A request body as raw text: near-valid JSON, any JSON, malformed text, deep nesting, over the size limit. */
export function bodyText(shape: Shape): fc.Arbitrary<string | undefined> {
  const near = shape.body ? nearValue(shape, shape.body) : anyJson;
  return fc.oneof(
    { weight: 30, arbitrary: near.map((v) => JSON.stringify(v)) },
    { weight: 9, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '{', '{"a":', '[1,]', '{"a":1}}', 'nul', '\u0000', '"\uD800"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}')) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 100, max: 20_000 })).map(([open, n]) => open.repeat(n) + '1' + (open === '[' ? ']' : '}').repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1_048_577, max: 1_100_000 }).map((n) => JSON.stringify({ text: 'x'.repeat(n) })) },
  );
}

const QUERY_CONSTANTS = ['day', 'campaign', 'content', 'ambassador', 'network', 'team', '1', '0', '200', '201', '-1', 'true', '2026-11-25', '2026-01-01', '1990-01-01', '0000-01-01', '2026-02-31', '9999-99-99', 'application', 'x'];

/** A query string: the documented parameters with near and nasty values, extra keys, repeats, broken escapes. */
export function queryText(shape: Shape): fc.Arbitrary<string> {
  const names = Object.keys(shape.query);
  const name = names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...PROTO_KEYS)) }) : fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...PROTO_KEYS));
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...QUERY_CONSTANTS) },
    { weight: 2, arbitrary: fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 2, arbitrary: nastyString.filter((s) => s.length < 3_000) },
  );
  const structured = fc.array(fc.tuple(name, value), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&'));
  const broken = fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((s) => s.replace(/[#\s]/g, '')), fc.constantFrom('%', '%zz', 'a=%E0%A4%A', 'a=%ED%A0%80', '=&=&&', 'limit=1&limit=2', 'from[]=1', '%00=%00'));
  return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: broken });
}

/** Percent-encodes what a URL cannot carry, lone surrogates as their WTF-8 bytes (which no decoder accepts). */
function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** A path segment for a parameter: a real id, unknown ids, oversized ids, escapes of NUL, surrogates and slashes. */
export function paramText(context: Context): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...context.ids, ...context.tokens) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    { weight: 1, arbitrary: fc.integer({ min: 65, max: 4_000 }).map((n) => 'a'.repeat(n)) },
    { weight: 2, arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 2_000).map(encodeLoose) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%2F', '..', '%2E%2E', '%', 'null', 'undefined', '0', '-1', '__proto__', 'constructor') },
  );
}

/** Credentials weighted towards the ones `endpoint` serves, all others still tried. */
export function credentialFor(endpoint: Endpoint): fc.Arbitrary<Credential> {
  const p = endpoint.path;
  const main: Credential[] = p.startsWith('/api/v1/me')
    ? ['ambassador']
    : p === '/api/v1/organisations'
      ? ['operator']
      : p.startsWith('/api/v1/auth/login') || p.startsWith('/api/v1/invitations')
        ? ['none']
        : p.startsWith('/api/v1/conversions')
          ? ['conversions-key', 'owner']
          : p.startsWith('/api/v1/kpis') || p.startsWith('/api/v1/exports') || p.startsWith('/api/v1/leaderboard')
            ? ['kpis-key', 'owner', 'ambassador']
            : ['owner', 'admin-key'];
  const all: Credential[] = ['none', 'owner', 'owner-no-origin', 'analyst', 'ambassador', 'admin-key', 'kpis-key', 'conversions-key', 'operator', 'forged-bearer', 'forged-cookie'];
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...main) }, { weight: 1, arbitrary: fc.constantFrom(...all) });
}

// ---------------------------------------------------------------- one case

export interface Case {
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | null;
  credential: Credential;
  idempotencyKey: string | null;
  /** Strings the client sent, which no error message may repeat. */
  sent: string[];
}

/** Every case for `endpoint` in `context`. */
export function caseFor(endpoint: Endpoint, shape: Shape, context: Context): fc.Arbitrary<Case> {
  const names = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const params = fc.tuple(...names.map(() => paramText(context)));
  const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(endpoint.method);
  return fc
    .record({
      params: names.length ? params : fc.constant([] as string[]),
      query: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: queryText(shape) }),
      body: withBody ? bodyText(shape) : fc.constant(undefined),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(null, 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x') }),
      credential: credentialFor(endpoint),
      idempotencyKey: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,300}$/), fc.constantFrom('', 'k', 'x'.repeat(256))) }),
    })
    .map(({ params: values, query, body, contentType, credential, idempotencyKey }) => {
      let i = 0;
      const path = endpoint.path.replace(/:(\w+)/g, () => values[i++] ?? '');
      return { path, query, body, contentType, credential, idempotencyKey, sent: sentStrings(values, query, body).filter((text) => !shape.vocabulary.has(text) && !FIXED.has(text)) };
    });
}

const ECHO_MIN = 8;
// Dates the API's messages quote as examples ("e.g. 2026-11-25T08:30:00Z"), and key names, which a message may
// name as the field at fault ("__proto__ is not a field of your profile"): sending one as a value proves no echo.
const FIXED = new Set<string>([...[...NASTY_CONSTANTS, ...QUERY_CONSTANTS].filter((text) => /^\d{4}-\d{2}-\d{2}/.test(text)), ...PROTO_KEYS]);

/** The client's own strings long enough that a message containing one must have copied it. */
function sentStrings(params: string[], query: string, body: string | undefined): string[] {
  const out: string[] = [];
  const add = (s: unknown) => {
    // Lower-case words could be the message's own ("campaign"); anything else in a message was copied.
    if (typeof s === 'string' && s.trim().length >= ECHO_MIN && /[^a-z ]/.test(s) && s.length < 100_000) out.push(s);
  };
  params.forEach((p) => add(safeDecode(p)));
  for (const part of query.split('&')) add(safeDecode(part.split('=').slice(1).join('=')));
  if (body !== undefined && body.length < 100_000) {
    try {
      walk(JSON.parse(body), add, 0);
    } catch {
      // Not JSON: nothing was parsed, so nothing could be echoed field by field.
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function walk(value: unknown, add: (s: unknown) => void, depth: number): void {
  if (depth > 50) return;
  if (typeof value === 'string') add(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, add, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, add, depth + 1));
}

/**
 * Sends a case to the worker's entry point (`worker/index.ts`, the same `fetch` production runs). Not through
 * `exports.default.fetch` (`http.ts`): in vitest-pool-workers 0.15 each call there makes the next one slower
 * (12 ms per request after 60 calls, 220 ms after 300), which thousands of cases cannot afford.
 */
export async function send(endpoint: Endpoint, c: Case, context: Context): Promise<Response> {
  const headers = new Headers();
  if (c.body !== undefined && c.contentType) headers.set('content-type', c.contentType);
  if (c.idempotencyKey !== null) headers.set('idempotency-key', c.idempotencyKey);
  const bearers: Partial<Record<Credential, string>> = { 'admin-key': context.keys.admin, 'kpis-key': context.keys.kpis, 'conversions-key': context.keys.conversions, operator: env.OPERATOR_TOKEN, 'forged-bearer': `rl_${'A'.repeat(40)}` };
  const sessions: Partial<Record<Credential, string>> = { owner: context.sessions.owner, 'owner-no-origin': context.sessions.owner, analyst: context.sessions.analyst, ambassador: context.sessions.ambassador, 'forged-cookie': 'forged-session-token' };
  const bearer = bearers[c.credential];
  const session = sessions[c.credential];
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
  // Browsers send their Origin on writes; an API client sends none.
  if (!bearer && c.credential !== 'owner-no-origin') headers.set('origin', ORIGIN);
  // fetch() refuses a body on GET and HEAD, as every HTTP client does.
  const body = endpoint.method === 'GET' || endpoint.method === 'HEAD' ? undefined : c.body;
  const request = new Request(`${ORIGIN}${c.path}${c.query ? `?${c.query}` : ''}`, { method: endpoint.method, headers, body, redirect: 'manual' });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** What every answer must satisfy; returns whether the case reached past authentication. */
export async function checkAnswer(endpoint: Endpoint, c: Case, res: Response): Promise<boolean> {
  const text = await res.text();
  const label = `${endpoint.method} ${c.path}?${c.query.slice(0, 200)} as ${c.credential}, body ${JSON.stringify(c.body?.slice(0, 300))} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, label).toBeLessThan(500);
  if (res.status < 400) return true;
  expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: Record<string, unknown> };
  expect(Object.keys(body), label).toEqual(['error']);
  const error = body.error ?? {};
  expect(Object.keys(error).filter((k) => !['code', 'message', 'field', 'issues'].includes(k)), label).toEqual([]);
  expect(typeof error.message, label).toBe('string');
  expect(error.field === undefined || typeof error.field === 'string', label).toBe(true);
  // `issues`, beside API.md's fields: only on validation_failed, 2 to 20 distinct fields, the first being `field`.
  const issues = (error.issues ?? []) as Array<{ field: unknown; message: unknown }>;
  if (error.issues !== undefined) {
    expect(error.code, label).toBe('validation_failed');
    expect(issues.length, label).toBeGreaterThanOrEqual(2);
    expect(issues.length, label).toBeLessThanOrEqual(20);
    expect(issues.every((i) => Object.keys(i).sort().join() === 'field,message' && typeof i.field === 'string' && typeof i.message === 'string'), label).toBe(true);
    expect(new Set(issues.map((i) => i.field)).size, label).toBe(issues.length);
    expect(issues[0]?.field, label).toBe(error.field);
  }
  const code = error.code as keyof typeof ERROR_STATUS;
  expect(Object.keys(ERROR_STATUS), label).toContain(code);
  expect(res.status, label).toBe(ERROR_STATUS[code]);
  if (res.status === 429) expect(res.headers.get('retry-after'), label).toMatch(/^\d+$/);
  const said = [error.message, error.field ?? '', ...issues.flatMap((i) => [i.field, i.message])].map(String);
  for (const s of c.sent) {
    expect(said.some((text) => text.includes(s)), `${label}: echoes ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
  }
  return res.status !== 401 && res.status !== 403;
}

/** Per-endpoint tallies for the closing summary. */
export interface Tally {
  cases: number;
  reached: number;
  byStatus: Record<number, number>;
  slowest: { ms: number; what: string };
  requestMs: number;
}

/** Fuzzes one endpoint with `CASES_PER_ENDPOINT` cases and the fixed seed; returns its tally. */
export async function fuzzEndpoint(endpoint: Endpoint, seedOffset: number): Promise<Tally> {
  const context = await makeContext();
  const shape = { ...(await shapeOf(endpoint)), ids: context.ids };
  const tally: Tally = { cases: 0, reached: 0, byStatus: {}, slowest: { ms: 0, what: '' }, requestMs: 0 };
  await fc.assert(
    fc.asyncProperty(caseFor(endpoint, shape, context), async (c) => {
      const started = performance.now();
      const res = await send(endpoint, c, context);
      const ms = performance.now() - started;
      tally.requestMs += ms;
      if (ms > tally.slowest.ms) tally.slowest = { ms, what: `${c.credential} ${c.path.slice(0, 80)}?${c.query.slice(0, 80)} body ${c.body?.length ?? 0} chars ${c.body?.slice(0, 40)}` };
      tally.cases++;
      tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
      if (await checkAnswer(endpoint, c, res)) tally.reached++;
    }),
    // No shrinking: a failure is reported with the case as generated (seed and path replay it).
    { seed: FUZZ_SEED + seedOffset, numRuns: CASES_PER_ENDPOINT, endOnFailure: true },
  );
  return tally;
}
