import type { Resource } from 'solid-js';

/**
 * A resource's value once it has arrived (the previous one while it reloads), else undefined, without suspending:
 * reading a pending resource in a computation outside the island's own `<Suspense>` (a list's source, an effect)
 * would blank the whole island.
 */
export const settled = <T>(resource: Resource<T>): T | undefined => (resource.state === 'ready' || resource.state === 'refreshing' ? resource.latest : undefined);
