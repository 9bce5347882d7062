/** When a content closes (`endsAt`, a job offer filled): it leaves the feed, can no longer be shared, and its links go to the fallback URL. */
import { gt, isNull, or } from 'drizzle-orm';
import { contents } from '../../db/schema';

/** True once `content`'s closing time has come. */
export function isClosed(content: { endsAt: number | null }, now: number): boolean {
  return content.endsAt !== null && content.endsAt <= now;
}

/** The SQL condition "still open at `now`", for the queries that list shareable content. */
export function stillOpen(now: number) {
  return or(isNull(contents.endsAt), gt(contents.endsAt, now));
}
