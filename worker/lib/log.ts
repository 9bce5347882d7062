/**
 * The one way an error reaches a log: Workers Logs keep every line, so a line carries the error's kind, the
 * SQL text without its bound parameters, and the stack frames, never a value a request brought (drizzle's
 * `DrizzleQueryError` message ends with "params: " and every bound value: e-mails, password records, hashes).
 */

/** What may be logged of an error: nothing a client or a row supplied. */
export interface LoggedError {
  name: string;
  message: string;
  cause?: LoggedError;
  frames?: string[];
}

/** A fact logged beside an error: counts, ids of our own making, route patterns. */
export type LogFact = string | number | boolean | null | undefined;

const MAX_MESSAGE = 300;
const MAX_FRAMES = 8;
const MAX_CAUSES = 3;

/** The error without bound parameters, thrown values or the message line its stack repeats. */
export function describeError(error: unknown, depth = 0): LoggedError {
  // A thrown non-Error can be anything the code had in hand (a row, a header): only its type is safe.
  if (!(error instanceof Error)) return { name: typeof error, message: 'a non-Error value was thrown' };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  const described: LoggedError = { name: error.name, message: withoutParams(error.message) };
  if (frames.length) described.frames = frames;
  if (error.cause !== undefined && depth < MAX_CAUSES) described.cause = describeError(error.cause, depth + 1);
  return described;
}

/**
 * Drizzle's "Failed query: <sql>\nparams: <values>" keeps its SQL (values are `?` there); anything after
 * `params:` goes. Other messages lose their quoted parts: V8's JSON errors quote the text they failed on,
 * D1's type errors the value they refused.
 */
function withoutParams(message: string): string {
  const cut = message.search(/\n?\s*params:/);
  const head = cut >= 0 ? message.slice(0, cut) : message;
  const text = head.startsWith('Failed query:') ? head : head.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * Logs `event` with `facts` and the error made safe (`describeError`): the only `console.error` for errors.
 *
 * @example
 * logError('unhandled error', error, { requestId, route: '/api/v1/auth/login' });
 */
export function logError(event: string, error: unknown, facts: Record<string, LogFact> = {}): void {
  console.error(event, { ...facts, error: describeError(error) });
}
