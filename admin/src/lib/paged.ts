/**
 * A paginated list (`{items, nextCursor}`) as an island shows it: the first page through
 * `createResource`, further pages appended by `more()`, everything reloaded by `reload()`.
 */
import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import { ApiClientError } from './api';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  /** The first page's resource (its `loading` / `error` drive the list's states). */
  first: Resource<Page<T>>;
  items: Accessor<T[]>;
  hasMore: Accessor<boolean>;
  loadingMore: Accessor<boolean>;
  moreError: Accessor<ApiClientError | null>;
  more: () => Promise<void>;
  reload: () => void;
}

/**
 * @param source the resource's source (falsy = do not fetch yet); changing it reloads from page one
 * @param fetchPage fetches one page; `cursor` is undefined for the first
 */
export function createPagedList<T, S>(source: Accessor<S | false | null | undefined>, fetchPage: (source: S, cursor?: string) => Promise<Page<T>>): PagedList<T> {
  const [extra, setExtra] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<ApiClientError | null>(null);

  const [first, { refetch }] = createResource(source, async (s) => {
    const page = await fetchPage(s);
    setExtra([]);
    setCursor(page.nextCursor);
    return page;
  });

  const items = () => [...(first.latest?.items ?? []), ...extra()];

  const more = async () => {
    const s = source();
    const next = cursor();
    if (!s || !next || loadingMore()) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchPage(s, next);
      setExtra((list) => [...list, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      if (!(error instanceof ApiClientError)) throw error;
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    first,
    items,
    hasMore: () => cursor() !== null,
    loadingMore,
    moreError,
    more,
    reload: () => void refetch(),
  };
}
