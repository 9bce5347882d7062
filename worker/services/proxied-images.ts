/** Images (preview cards, the organisation's logo) fetched by the Worker and served from its own origin, never hot-linked. */
import { declaredLength, fetchPublic, readAtMost } from '../lib/public-fetch';

/** The largest image served. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** How long an image stays in the Worker's cache and the browser's, in seconds. */
export const IMAGE_MAX_AGE = 86_400;

/** An image's bytes and its type, as sniffed from them. */
export interface ProxiedImage {
  bytes: Uint8Array<ArrayBuffer>;
  type: ImageType;
}

type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The type of `bytes` read from their magic numbers (PNG, JPEG, GIF, WebP), whatever the server claimed; else null (SVG among them). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

// The Cache API needs a URL: one per upstream image, on a name that never resolves.
const cacheKey = (href: string) => new Request(`https://image-cache.relais.invalid/${encodeURIComponent(href)}`);

async function fetchImage(href: string): Promise<ProxiedImage | null> {
  const fetched = await fetchPublic(href, 'image/png,image/jpeg,image/gif,image/webp');
  if (!fetched) return null;
  if ((declaredLength(fetched.response) ?? 0) > MAX_IMAGE_BYTES) {
    await fetched.response.body?.cancel();
    return null;
  }
  const read = await readAtMost(fetched.response.body, MAX_IMAGE_BYTES);
  if (!read?.complete) return null;
  const type = sniffImageType(read.bytes);
  return type ? { bytes: read.bytes, type } : null;
}

/**
 * The image at `href`, from the Worker's cache or fetched (public address, bounded redirects, deadline, 2 MB,
 * PNG/JPEG/GIF/WebP only); null when there is none to serve.
 */
export async function loadImage(href: string): Promise<ProxiedImage | null> {
  const cache = caches.default;
  const cached = await cache.match(cacheKey(href));
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    const type = sniffImageType(bytes);
    if (type) return { bytes, type };
  }
  const image = await fetchImage(href);
  if (image) await cache.put(cacheKey(href), new Response(image.bytes, { headers: { 'content-type': image.type, 'cache-control': `max-age=${IMAGE_MAX_AGE}` } }));
  return image;
}

/** The headers an image is served with: its own type, no sniffing, no active content, cached by the browser only. */
export function imageHeaders(image: ProxiedImage): Record<string, string> {
  return {
    'Content-Type': image.type,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': `private, max-age=${IMAGE_MAX_AGE}`,
  };
}
