import { Match, Switch, type Component, type JSX } from 'solid-js';
import type { PagedList } from '../lib/paged';
import FormError from './FormError';
import { LoadingLine } from './Pending';

export interface ListStateProps {
  list: PagedList<unknown>;
  /** Shown when the list is empty (a sentence and, often, the action that fills it). */
  emptyState: JSX.Element;
  children: JSX.Element;
}

/** A list's states: failed, loading (nothing to show yet), empty, or its rows (busy while reloading). */
const ListState: Component<ListStateProps> = (props) => {
  const loading = () => props.list.first.loading;
  const empty = () => props.list.items().length === 0;
  return (
    <Switch fallback={<div aria-busy={loading()}>{props.children}</div>}>
      <Match when={props.list.first.error}>
        <FormError error={props.list.first.error} />
      </Match>
      <Match when={loading() && empty()}>
        <LoadingLine />
      </Match>
      <Match when={empty()}>
        <div class="empty-state">{props.emptyState}</div>
      </Match>
    </Switch>
  );
};

export default ListState;
