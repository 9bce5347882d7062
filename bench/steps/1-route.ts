/** Step 1: the constant 302 behind the entry point's short-link dispatch (slug pattern + bundle, no binding). */
import { HEADERS, slugWorker } from './shared';

export default slugWorker(() => new Response(null, { status: 302, headers: { Location: 'https://example.com/', ...HEADERS } }));
