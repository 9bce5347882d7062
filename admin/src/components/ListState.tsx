import { Match, Switch, type Component, type JSX } from 'solid-js';
import { useI18n } from '../lib/use-i18n';
import FormError from './FormError';

export interface ListStateProps {
  loading: boolean;
  error: unknown;
  empty: boolean;
  /** Shown when the list is empty (a sentence and, often, the action that fills it). */
  emptyState: JSX.Element;
  children: JSX.Element;
}

/** A list's states: failed, loading (nothing to show yet), empty, or its rows (busy while reloading). */
const ListState: Component<ListStateProps> = (props) => {
  const { t } = useI18n();
  return (
    <Switch fallback={<div aria-busy={props.loading}>{props.children}</div>}>
      <Match when={props.error}>
        <FormError error={props.error} />
      </Match>
      <Match when={props.loading && props.empty}>
        <p class="loading" aria-busy="true">
          {t('state.loading')}
        </p>
      </Match>
      <Match when={props.empty}>
        <div class="empty-state">{props.emptyState}</div>
      </Match>
    </Switch>
  );
};

export default ListState;
