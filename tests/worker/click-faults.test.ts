/**
 * The click pipeline under every fault production can throw at it: each case counts the stored clicks
 * and the rollup exactly (none lost, none counted twice). A message that D1 refuses is made real with a
 * trigger on `clicks`, not with a mock.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clicks, dailyLinkStats, deadLetters } from '../../db/schema';
import type { ClickEvent, ClickMessage } from '../../worker/lib/click-event';
import { signClickId } from '../../worker/lib/click-id';
import { dayOf } from '../../worker/lib/days';
import { newId } from '../../worker/lib/ids';
import worker from '../../worker/index';
import { CLICKS_DEAD_LETTER_QUEUE } from '../../worker/queue/clicks';
import { sendClick, TAKEOVER_MS } from '../../worker/services/click-sink';
import { db, makeLink } from './builders';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

afterEach(() => vi.restoreAllMocks());

async function events(link: { id: string; organisationId: string }, n: number): Promise<ClickEvent[]> {
  const at = Date.now();
  return Promise.all(
    Array.from({ length: n }, async (_, i) => ({
      id: await signClickId(env.CLICK_SIGNING_KEY, link.id, at + i),
      linkId: link.id,
      organisationId: link.organisationId,
      at: at + i,
      userAgent: CHROME,
      visitor: newId('v'),
      refererHost: 'www.linkedin.com',
      session: newId('s'),
    })),
  );
}

/** Delivers `messages` as one batch of `queue` (attempt `attempts`), with `withEnv`; the ack/retry outcome. */
async function deliver(messages: ClickMessage[], options: { queue?: string; attempts?: number; withEnv?: Env; ids?: string[] } = {}) {
  const batch = createMessageBatch<ClickMessage>(
    options.queue ?? 'relais-clicks',
    messages.map((body, i) => ({ id: options.ids?.[i] ?? `msg-${i}`, timestamp: new Date(), attempts: options.attempts ?? 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, options.withEnv ?? env);
  const result = await getQueueResult(batch, ctx);
  return { acked: [...result.explicitAcks].sort(), retried: result.retryMessages.map((m: { msgId: string }) => m.msgId).sort(), ackAll: result.ackAll, retryBatch: result.retryBatch.retry };
}

/** Stored rows and the rollup's total of every class, for one link. */
async function counts(linkId: string) {
  const stored = (await db().select({ n: sql<number>`count(*)` }).from(clicks).where(eq(clicks.linkId, linkId)).get())?.n ?? 0;
  const r = await db().select().from(dailyLinkStats).where(eq(dailyLinkStats.linkId, linkId)).get();
  const rolled = r ? r.clicks + r.previews + r.scanners + r.automated + r.self + r.optouts : 0;
  return { stored, rolled };
}

let triggers = 0;
/** Makes D1 refuse every click on `linkId` (as a statement D1 can never take), until the returned cure runs. */
async function poison(linkId: string): Promise<() => Promise<void>> {
  const name = `poison_${++triggers}`;
  await env.DB.prepare(`create trigger ${name} before insert on clicks when new.link_id = '${linkId}' begin select raise(abort, 'poisoned click'); end`).run();
  return async () => {
    await env.DB.prepare(`drop trigger ${name}`).run();
  };
}

/** An env whose D1 batches fail: before committing (D1 down) or after (the answer lost on the way back). */
function envWithFailingBatch(when: 'before' | 'after'): Env {
  const DB = {
    prepare: (query: string) => env.DB.prepare(query),
    batch: async (statements: D1PreparedStatement[]) => {
      if (when === 'after') await env.DB.batch(statements);
      throw new Error('D1_ERROR: batch failed');
    },
  } as unknown as D1Database;
  return { ...env, DB };
}

describe('the click pipeline under faults: every click counted exactly once', () => {
  it('the queue refuses send: the clicks are written directly, each once', async () => {
    const { link } = await makeLink();
    vi.spyOn(env.CLICKS, 'send').mockRejectedValue(new Error('queue unavailable'));
    const ctx = createExecutionContext();
    const responses = await Promise.all(Array.from({ length: 7 }, () => worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': CHROME } }), env, ctx)));
    await waitOnExecutionContext(ctx);
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 7 }, () => 302));
    expect(await counts(link.id)).toEqual({ stored: 7, rolled: 7 });
  });

  it('the consumer D1 batch fails on the first delivery: every message retried, then counted once', async () => {
    const { link } = await makeLink();
    const all = await events(link, 9);
    const messages = [all.slice(0, 3), all.slice(3, 6), all.slice(6)];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await deliver(messages, { withEnv: envWithFailingBatch('before') })).toEqual({ acked: [], retried: ['msg-0', 'msg-1', 'msg-2'], ackAll: false, retryBatch: false });
    expect(await counts(link.id)).toEqual({ stored: 0, rolled: 0 });
    expect(await deliver(messages, { attempts: 2 })).toMatchObject({ acked: ['msg-0', 'msg-1', 'msg-2'], retried: [] });
    expect(await counts(link.id)).toEqual({ stored: 9, rolled: 9 });
  });

  it('the consumer D1 batch commits but its answer is lost: the retried messages count nothing twice', async () => {
    const { link } = await makeLink();
    const all = await events(link, 6);
    const messages = [all.slice(0, 2), all.slice(2)];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await deliver(messages, { withEnv: envWithFailingBatch('after') })).toMatchObject({ acked: [], retried: ['msg-0', 'msg-1'] });
    expect(await counts(link.id)).toEqual({ stored: 6, rolled: 6 });
    expect(await deliver(messages, { attempts: 2 })).toMatchObject({ acked: ['msg-0', 'msg-1'], retried: [] });
    expect(await counts(link.id)).toEqual({ stored: 6, rolled: 6 });
  });

  it('the consumer fails for one message of ten: only that one is retried, the nine others are recorded', async () => {
    const healthy = await makeLink();
    const sick = await makeLink();
    const messages: ClickEvent[][] = [];
    for (let i = 0; i < 10; i++) messages.push(i === 3 ? [...(await events(healthy.link, 2)), ...(await events(sick.link, 2))] : await events(healthy.link, 3));
    const cure = await poison(sick.link.id);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = await deliver(messages);
    expect(first).toEqual({ acked: ['msg-0', 'msg-1', 'msg-2', 'msg-4', 'msg-5', 'msg-6', 'msg-7', 'msg-8', 'msg-9'], retried: ['msg-3'], ackAll: false, retryBatch: false });
    // Message 3 is one transaction: its healthy events wait with it.
    expect(await counts(healthy.link.id)).toEqual({ stored: 27, rolled: 27 });
    expect(await counts(sick.link.id)).toEqual({ stored: 0, rolled: 0 });
    await cure();
    expect(await deliver([messages[3] ?? []], { attempts: 2, ids: ['msg-3'] })).toMatchObject({ acked: ['msg-3'], retried: [] });
    expect(await counts(healthy.link.id)).toEqual({ stored: 29, rolled: 29 });
    expect(await counts(sick.link.id)).toEqual({ stored: 2, rolled: 2 });
  });

  it('a message that can never be recorded is dead-lettered, then consumed: counted in dead_letters and logged without personal data', async () => {
    const { link } = await makeLink();
    const lost = await events(link, 4);
    const cure = await poison(link.id);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Every delivery fails (the platform moves it to the dead-letter queue after max_retries).
    for (let attempts = 1; attempts <= 6; attempts++) expect(await deliver([lost], { attempts })).toMatchObject({ acked: [], retried: ['msg-0'] });
    const recoverable = await makeLink();
    const late = await events(recoverable.link, 3);
    expect(await deliver([lost, late], { queue: CLICKS_DEAD_LETTER_QUEUE })).toEqual({ acked: ['msg-0', 'msg-1'], retried: [], ackAll: false, retryBatch: false });
    expect(await counts(link.id)).toEqual({ stored: 0, rolled: 0 });
    expect(await counts(recoverable.link.id)).toEqual({ stored: 3, rolled: 3 });
    const counted = await db().select({ events: deadLetters.events }).from(deadLetters).where(and(eq(deadLetters.organisationId, link.organisationId), eq(deadLetters.day, dayOf(lost[0]?.at ?? 0))));
    expect(counted).toEqual([{ events: 4 }]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('dead-lettered'), expect.objectContaining({ events: 4 }));
    const logged = JSON.stringify([...error.mock.calls, ...warn.mock.calls]);
    for (const e of [...lost, ...late]) for (const value of [e.id, e.visitor, e.session, e.userAgent, e.refererHost, e.linkId]) expect(logged).not.toContain(value);
    await cure();
    // Counted once: the dead-lettered message is acked, so nothing delivers it again.
    expect(await db().select({ events: deadLetters.events }).from(deadLetters).where(eq(deadLetters.organisationId, link.organisationId))).toEqual([{ events: 4 }]);
  });

  it('a redelivered batch counts once', async () => {
    const { link } = await makeLink();
    const all = await events(link, 5);
    const messages = [all.slice(0, 2), all.slice(2)];
    expect(await deliver(messages)).toMatchObject({ acked: ['msg-0', 'msg-1'], retried: [] });
    expect(await deliver(messages, { attempts: 2 })).toMatchObject({ acked: ['msg-0', 'msg-1'], retried: [] });
    expect(await deliver([messages[1] ?? [], [all[0] as ClickEvent]], { attempts: 3 })).toMatchObject({ acked: ['msg-0', 'msg-1'], retried: [] });
    expect(await counts(link.id)).toEqual({ stored: 5, rolled: 5 });
  });

  it('the fallback write succeeded and the queue later delivers the same events: counted once', async () => {
    const { link } = await makeLink();
    const sent: ClickMessage[] = [];
    // The queue took the message but the producer saw an error (a timeout), so the sink wrote the clicks itself.
    vi.spyOn(env.CLICKS, 'send').mockImplementation(async (message) => {
      sent.push(message as ClickMessage);
      throw new Error('queue timeout');
    });
    const ctx = createExecutionContext();
    await Promise.all(Array.from({ length: 4 }, () => worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': CHROME } }), env, ctx)));
    await waitOnExecutionContext(ctx);
    expect(await counts(link.id)).toEqual({ stored: 4, rolled: 4 });
    expect(await deliver(sent)).toMatchObject({ retried: [] });
    expect(await counts(link.id)).toEqual({ stored: 4, rolled: 4 });
  });

  it('the request that opened a batch ends before flushing it: the next click flushes what is pending', async () => {
    const { link } = await makeLink();
    const send = vi.spyOn(env.CLICKS, 'send').mockResolvedValue({} as QueueSendResponse);
    const [orphan] = await events(link, 1);
    // The opening request's timer never fires (its isolate or context went away before it did).
    vi.spyOn(globalThis, 'setTimeout').mockImplementationOnce((() => 0) as unknown as typeof setTimeout);
    void sendClick(env, orphan as ClickEvent, Date.now());
    vi.mocked(globalThis.setTimeout).mockRestore();
    expect(send).not.toHaveBeenCalled();
    // A later click, long after: it must not wait for a 100th event to carry the orphan along.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + TAKEOVER_MS + 1);
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`https://relais.test/${link.slug}`, { headers: { 'User-Agent': CHROME } }), env, ctx);
    await waitOnExecutionContext(ctx);
    const later = new URL(res.headers.get('location') ?? '').searchParams.get('rl_cid');
    const delivered = send.mock.calls.map(([message]) => message as ClickMessage);
    expect(delivered.flatMap((m) => (Array.isArray(m) ? m : [m])).map((e) => e.id).sort()).toEqual([orphan?.id, later].sort());
    await deliver(delivered);
    expect(await counts(link.id)).toEqual({ stored: 2, rolled: 2 });
  });
});
