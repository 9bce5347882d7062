import { Suspense, type ParentComponent, type VoidComponent } from 'solid-js';
import { useCommonI18n } from '../lib/i18n-common';

/** The line a list or a page shows while its data has not arrived yet. */
export const LoadingLine: VoidComponent = () => {
  const { t } = useCommonI18n();
  return (
    <p class="loading" aria-busy="true">
      {t('state.loading')}
    </p>
  );
};

/**
 * An island's body, with "Loading…" in its place until the data it reads has arrived. Astro wraps every hydrated
 * island in a `<Suspense>` without fallback, so a resource read while pending would otherwise blank the whole island.
 */
const Pending: ParentComponent = (props) => <Suspense fallback={<LoadingLine />}>{props.children}</Suspense>;

export default Pending;
