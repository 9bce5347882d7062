/** Fetching what an admin or a hostile page names, bounded: public hosts only, few redirects, a deadline, a size cap. */
import { isPublicUrl } from './public-url';

/** How long a whole fetch (every hop and the body) may take. */
export const FETCH_TIMEOUT_MS = 3000;
/** Redirects followed at most, each target checked again. */
export const MAX_REDIRECTS = 3;

const USER_AGENT = 'RelaisPreview/1.0 (link preview; +https://github.com/relais)';

/** A successful response and the URL it finally came from, or null. */
export interface PublicResponse {
  response: Response;
  url: string;
}

/**
 * GETs `href` when it is a public address, following at most `MAX_REDIRECTS` redirects by hand (each `Location`
 * checked again), under one `FETCH_TIMEOUT_MS` deadline that also bounds reading the body. Null when refused,
 * failed, timed out or not 2xx.
 */
export async function fetchPublic(href: string, accept: string, signal = AbortSignal.timeout(FETCH_TIMEOUT_MS)): Promise<PublicResponse | null> {
  let url = href;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isPublicUrl(url)) return null;
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept, 'user-agent': USER_AGENT } });
    } catch {
      return null;
    }
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (response.ok) return { response, url };
    await response.body?.cancel();
    if (!location) return null;
    try {
      url = new URL(location, url).href;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Reads at most `maxBytes` of `body`, stopping early once `enough(read so far)` says so; `complete` is true when
 * the body ended within the cap. Null when reading fails (the deadline passed, the connection dropped).
 */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number, enough: (bytes: Uint8Array) => boolean = () => false): Promise<{ bytes: Uint8Array<ArrayBuffer>; complete: boolean } | null> {
  if (!body) return { bytes: new Uint8Array(), complete: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: concat(chunks, size), complete: true };
      const room = Math.min(value.byteLength, maxBytes - size);
      chunks.push(value.subarray(0, room));
      size += room;
      if (room < value.byteLength || enough(value)) {
        await reader.cancel();
        return { bytes: concat(chunks, size), complete: false };
      }
    }
  } catch {
    return null;
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The declared `Content-Length`, or undefined. */
export function declaredLength(response: Response): number | undefined {
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(length) ? length : undefined;
}
