/**
 * The bench's consumer Worker: `POST /` with `{ messages, batchSize }` delivers the messages to the real
 * queue consumer (`consumeClicks`), `batchSize` per invocation, one invocation after the other, over the
 * D1 binding metered (rows read and written, as D1 bills them); the answer is the totals, as JSON.
 * It runs in workerd (bundled and served like the Worker itself), so D1 is the real local binding.
 */
import type { ClickMessage } from '../../worker/lib/click-event';
import { consumeClicks } from '../../worker/queue/clicks';
import { D1Meter, meteredD1 } from './storage-d1';

export interface Consumed {
  invocations: number;
  acked: number;
  retried: number;
  rowsRead: number;
  rowsWritten: number;
  statements: number;
  calls: number;
  bySql: Array<[string, { count: number; rowsRead: number; rowsWritten: number }]>;
}

async function consume(messages: readonly ClickMessage[], batchSize: number, env: Env): Promise<Consumed> {
  const meter = new D1Meter();
  const metered = { ...env, DB: meteredD1(env.DB, meter) };
  let invocations = 0;
  let acked = 0;
  let retried = 0;
  for (let i = 0; i < messages.length; i += batchSize) {
    const batch: MessageBatch<ClickMessage> = {
      queue: 'relais-clicks',
      metadata: { metrics: { backlogCount: messages.length - i, backlogBytes: 0 } },
      messages: messages.slice(i, i + batchSize).map((body, j) => ({
        id: `msg-${i + j}`,
        timestamp: new Date(),
        body,
        attempts: 1,
        ack: () => void acked++,
        retry: () => void retried++,
      })),
      ackAll: () => undefined,
      retryAll: () => undefined,
    };
    invocations++;
    await consumeClicks(batch, metered);
  }
  const { rowsRead, rowsWritten, statements, calls } = meter;
  return { invocations, acked, retried, rowsRead, rowsWritten, statements, calls, bySql: [...meter.bySql] };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== 'POST') return new Response('POST { messages, batchSize }', { status: 405 });
    const { messages, batchSize } = await request.json<{ messages: ClickMessage[]; batchSize: number }>();
    return Response.json(await consume(messages, batchSize, env));
  },
} satisfies ExportedHandler<Env>;
