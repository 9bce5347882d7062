/**
 * The "are you sure?" flow of a destructive action: pick the item (the dialog opens), confirm (the
 * API call runs; its error stays in the dialog, e.g. the last owner's 409), or cancel.
 */
import { createSignal, type Accessor } from 'solid-js';
import { ApiClientError } from './api';

export interface Removal<T> {
  target: Accessor<T | null>;
  pending: Accessor<boolean>;
  error: Accessor<ApiClientError | null>;
  ask: (item: T) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
}

export function createRemoval<T>(action: (item: T) => Promise<unknown>, done: () => void): Removal<T> {
  const [target, setTarget] = createSignal<T | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<ApiClientError | null>(null);
  return {
    target,
    pending,
    error,
    ask: (item) => {
      setError(null);
      setTarget(() => item);
    },
    cancel: () => setTarget(null),
    confirm: async () => {
      const item = target();
      if (item === null || pending()) return;
      setPending(true);
      setError(null);
      try {
        await action(item);
        setTarget(null);
        done();
      } catch (e) {
        if (!(e instanceof ApiClientError)) throw e;
        setError(e);
      } finally {
        setPending(false);
      }
    },
  };
}
