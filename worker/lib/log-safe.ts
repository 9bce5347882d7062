/**
 * Error text fit for a log line: drizzle's query errors put the statement's bound parameters (a salt,
 * an e-mail, a visitor hash) in their message, so only the name and the cause's message are kept.
 */
export function safeErrorText(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  if (error.message.startsWith('Failed query:')) return `${error.name}: ${cause ? `${cause.name}: ${cause.message}` : 'query failed'}`;
  return `${error.name}: ${error.message}`;
}
