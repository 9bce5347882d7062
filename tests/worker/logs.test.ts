import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import wranglerToml from '../../wrangler.toml?raw';
import { randomSlug } from '../../worker/lib/ids';
import { describeError, logError } from '../../worker/lib/log';
import { makeAdminSession, makeOrganisation } from './builders';
import { callJson } from './http';

const IP = '203.0.113.77';
const AGENT = 'LogProbe/7.3 (+https://probe.example)';

/** Everything written to the console while `run` runs, errors expanded (stack, cause, own fields such as drizzle's `params`). */
async function consoleDuring(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const dump = (value: unknown, depth = 0): string => {
    if (depth > 5) return '';
    if (value instanceof Error) return `${value.stack ?? value.message} ${JSON.stringify({ ...value })} ${dump(value.cause, depth + 1)}`;
    if (value && typeof value === 'object') return Object.values(value).map((v) => dump(v, depth + 1)).join(' ');
    return String(value);
  };
  const spies = (['error', 'warn', 'info', 'log', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => dump(a)).join(' '));
    }),
  );
  try {
    await run();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return lines.join('\n');
}

/** Makes every D1 statement whose SQL matches `pattern` fail inside D1, as a real query failure does. */
function breakStatements(pattern: RegExp) {
  const prepare = env.DB.prepare.bind(env.DB);
  return vi.spyOn(env.DB, 'prepare').mockImplementation((query: string) => prepare(pattern.test(query) ? `${query} )( this is not SQL` : query));
}

afterEach(() => vi.restoreAllMocks());

describe('error logs', () => {
  it('a D1 failure during sign-in logs neither the e-mail, the password, the IP nor the user agent', async () => {
    const email = `probe-${randomSlug(10).toLowerCase()}@example.com`;
    const password = 'Tr0ub4dor&3-probe-password';
    let answer: { status: number; body: unknown } = { status: 0, body: null };
    const output = await consoleDuring(async () => {
      breakStatements(/from "admins"/);
      const { status, body } = await callJson('/api/v1/auth/login', { body: { email, password }, headers: { 'cf-connecting-ip': IP, 'user-agent': AGENT } });
      answer = { status, body };
    });
    expect(answer).toEqual({ status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } });
    expect(output).toContain('unhandled error');
    expect(output).toContain('admins');
    for (const secret of [email, password, IP, AGENT]) expect(output).not.toContain(secret);
  });

  it('a D1 failure while an invited admin sets a password logs neither the password record nor the invitation token', async () => {
    const organisation = await makeOrganisation();
    const owner = await makeAdminSession(organisation.id, 'owner');
    const invited = await callJson<{ token: string }>('/api/v1/admins', { session: owner, body: { email: `invitee-${randomSlug(10).toLowerCase()}@example.com`, name: 'Invitee', role: 'editor' } });
    expect(invited.status).toBe(201);
    const password = 'correct horse battery staple probe';
    let status = 0;
    const output = await consoleDuring(async () => {
      breakStatements(/^update "admins" set "password_hash"/);
      status = (await callJson(`/api/v1/invitations/${invited.body.token}/accept`, { body: { password }, headers: { 'cf-connecting-ip': IP } })).status;
    });
    expect(status).toBe(500);
    expect(output).toContain('unhandled error');
    for (const secret of [password, 'pbkdf2-sha256$', invited.body.token, IP]) expect(output).not.toContain(secret);
  });

  it('keeps the SQL, the cause and the frames, and drops bound parameters, quoted input and thrown values', () => {
    const cause = new Error('D1_ERROR: no such column: x: SQLITE_ERROR');
    const drizzle = new Error('Failed query: select "id" from "admins" where "admins"."email" = ?\nparams: camille@example.com,pbkdf2-sha256$100000$salt$hash', { cause });
    const described = describeError(drizzle);
    expect(described.message).toBe('Failed query: select "id" from "admins" where "admins"."email" = ?');
    expect(described.cause?.message).toBe('D1_ERROR: no such column: x: SQLITE_ERROR');
    expect(described.frames?.length).toBeGreaterThan(0);
    expect(JSON.stringify(described)).not.toMatch(/camille|pbkdf2/);
    let parseError: unknown;
    try {
      JSON.parse('{"email": "camille@example.com"');
    } catch (error) {
      parseError = error;
    }
    expect(JSON.stringify(describeError(parseError))).not.toContain('camille');
    expect(describeError({ email: 'camille@example.com' })).toEqual({ name: 'object', message: 'a non-Error value was thrown' });
    expect(JSON.stringify(describeError(new Error('wrapped', { cause: 'camille@example.com' })))).not.toContain('camille');
  });

  it('logError writes one line with its facts and the safe error', async () => {
    const output = await consoleDuring(async () => logError('purge failed', new Error('Failed query: delete from "clicks"\nparams: 1,2'), { purge: 'clicks' }));
    expect(output).toContain('purge failed');
    expect(output).toContain('clicks');
    expect(output).not.toContain('params');
  });
});

describe('observability (wrangler.toml)', () => {
  it('keeps logs and errors but no invocation logs (they hold every request header) and no traces', () => {
    const section = (name: string) => new RegExp(`^\\[${name.replace('.', '\\.')}\\]\\s*\\n((?:(?!\\[).*\\n?)*)`, 'm').exec(wranglerToml)?.[1] ?? '';
    expect(section('observability')).toMatch(/^enabled\s*=\s*true/m);
    expect(section('observability.logs')).toMatch(/^enabled\s*=\s*true/m);
    expect(section('observability.logs')).toMatch(/^invocation_logs\s*=\s*false/m);
    expect(section('observability.traces')).toMatch(/^enabled\s*=\s*false/m);
  });
});
