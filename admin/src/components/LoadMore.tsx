import { Show, type VoidComponent } from 'solid-js';
import type { PagedList } from '../lib/paged';
import { useCommonI18n } from '../lib/i18n-common';
import FormError from './FormError';

export interface LoadMoreProps {
  list: PagedList<unknown>;
}

/** "Show more" under a paginated list, while the API has a `nextCursor`. */
const LoadMore: VoidComponent<LoadMoreProps> = (props) => {
  const { t } = useCommonI18n();
  return (
    <>
      <Show when={props.list.moreError()}>
        <FormError error={props.list.moreError()} />
      </Show>
      <Show when={props.list.hasMore()}>
        <p>
          <button type="button" class="button" disabled={props.list.loadingMore()} onClick={() => void props.list.more()}>
            {props.list.loadingMore() ? t('state.loading') : t('action.more')}
          </button>
        </p>
      </Show>
    </>
  );
};

export default LoadMore;
