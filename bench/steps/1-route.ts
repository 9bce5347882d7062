/** Step 1: the constant 302 behind the app's Hono route (router + bundle, no binding). */
import { HEADERS, slugWorker } from './shared';

export default slugWorker(() => new Response(null, { status: 302, headers: { Location: 'https://example.com/', ...HEADERS } }));
