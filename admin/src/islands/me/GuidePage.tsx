import { createResource, Show, type VoidComponent } from 'solid-js';
import { client } from '../../lib/api';
import { useMeI18n } from '../../lib/i18n-me';
import { meCall } from '../../lib/me-api';
import MeError from './MeError';
import Pending from '../../components/Pending';

/** The "Sharing well" guide: the organisation's own, or the one Relais ships, in the page's language. */
const GuidePage: VoidComponent = () => {
  const { t, lang, mounted } = useMeI18n();
  const [guide] = createResource(
    () => mounted() && lang(),
    (language) => meCall(client.api.v1.me.guide.$get({ query: { lang: language } })),
  );
  return (
    <Pending>
      <Show when={guide.latest} fallback={<Show when={guide.error} fallback={<p role="status">{t('state.loading')}</p>}><MeError error={guide.error} /></Show>}>
        {(loaded) => (
          // The API renders the Markdown itself: everything escaped first, then a few tags of its own.
          <article class="prose guide" innerHTML={loaded().html} />
        )}
      </Show>
    </Pending>
  );
};

export default GuidePage;
