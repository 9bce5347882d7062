/**
 * What the step Workers share: the entry point's short-link dispatch, headers and `describeHit`, imported
 * from the worker itself so the steps measure the real code. Each step adds one piece of the redirect to
 * the one before it, so the difference in CPU per request between two steps is the cost of that piece.
 */
import { shortLinkSlug } from '../../worker/redirect';

export { HEADERS } from '../../worker/redirect';
export { describeHit } from '../../worker/services/describe-hit';

type Handler = (req: Request, env: Env, ctx: ExecutionContext, slug: string) => Response | Promise<Response>;

/** A Worker that dispatches short links as `worker/index.ts` does, answering them with `handler`. */
export function slugWorker(handler: Handler): ExportedHandler<Env> {
  return {
    fetch(req, env, ctx) {
      const slug = shortLinkSlug(req);
      return slug ? handler(req, env, ctx, slug) : new Response(null, { status: 404 });
    },
  };
}
