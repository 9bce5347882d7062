/** Step 2: + the slug lookup (isolate cache; one D1 read per slug on a miss) → 302 without click id. */
import { getDb } from '../../worker/lib/db';
import { resolveLink } from '../../worker/services/link-targets';
import { untrackedUrl } from '../../worker/services/tracking-url';
import { HEADERS, slugWorker } from './shared';

export default slugWorker(async (req, env, ctx, slug) => {
  const link = await resolveLink(getDb(env.DB), slug, Date.now());
  if (!link) return new Response(null, { status: 404 });
  return new Response(null, { status: 302, headers: { Location: untrackedUrl(link), ...HEADERS } });
});
