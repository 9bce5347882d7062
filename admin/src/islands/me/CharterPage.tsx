import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import { ApiClientError, client } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { meCall } from '../../lib/me-api';
import { useMeI18n } from '../../lib/i18n-me';
import MeError from './MeError';
import Pending from '../../components/Pending';

/** The current charter (server-sanitised HTML) and the button that accepts this version. */
const CharterPage: VoidComponent = () => {
  const { t, lang, mounted } = useMeI18n();
  const [charter, { mutate }] = createResource(mounted, () => meCall(client.api.v1.me.charter.$get()));
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const accept = async (version: number) => {
    if (pending()) return;
    setPending(true);
    setError(null);
    try {
      mutate(await meCall(client.api.v1.me.charter.accept.$post({ json: { version } })));
      location.assign('/me/');
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  const none = () => {
    const e: unknown = charter.error;
    return e instanceof ApiClientError && e.status === 404;
  };

  return (
    <Pending>
      <>
        <p class="lead">{t('me.charter.intro')}</p>
        <Show when={!charter.error} fallback={<Show when={none()} fallback={<MeError error={charter.error} />}><p class="notice">{t('me.charter.none')}</p></Show>}>
          <Show when={charter()} fallback={<p class="loading">{t('state.loading')}</p>}>
            {(c) => (
              <>
                <p class="meta">{t('me.charter.version', { version: c().version, date: formatDate(c().publishedAt, lang()) })}</p>
                {/* The only HTML the space renders: the charter, sanitised by the server (bodyHtml). */}
                <article class="prose me-card" innerHTML={c().bodyHtml} />
                <Show
                  when={c().acceptedVersion !== c().version}
                  fallback={
                    <>
                      <p class="notice notice--ok">{t('me.charter.accepted')}</p>
                      <a class="button button--primary button--wide" href="/me/">
                        {t('me.charter.toFeed')}
                      </a>
                    </>
                  }
                >
                  <div class="actions">
                    <button type="button" class="button button--primary button--wide" disabled={pending()} onClick={() => void accept(c().version)}>
                      {t('me.charter.accept')}
                    </button>
                  </div>
                </Show>
                <div aria-live="polite">
                  <Show when={error()}>
                    <MeError error={error()} />
                  </Show>
                </div>
              </>
            )}
          </Show>
        </Show>
      </>
    </Pending>
  );
};

export default CharterPage;
