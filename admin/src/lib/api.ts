/**
 * The admin's only door to the Worker: every `fetch` goes through here.
 * The `/api` typed client (`hc<ApiType>`) joins this file once the API exists.
 */

/** A non-2xx answer from the Worker. */
export class ApiClientError extends Error {
  override name = 'ApiClientError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Asks the Worker whether it is up (`GET /health` → `{"status":"ok"}`).
 * @returns `'ok'`; throws `ApiClientError` on any other answer
 */
export async function getHealth(signal?: AbortSignal): Promise<'ok'> {
  const res = await fetch('/health', { headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new ApiClientError(res.status, `GET /health answered ${res.status}`);
  const body: unknown = await res.json();
  if (typeof body === 'object' && body !== null && 'status' in body && body.status === 'ok') return 'ok';
  throw new ApiClientError(res.status, 'GET /health did not report ok');
}
