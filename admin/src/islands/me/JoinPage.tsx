import { createResource, createSignal, onMount, Show, type VoidComponent } from 'solid-js';
import { ApiClientError, client, unwrap } from '../../lib/api';
import { ME_CHARTER } from '../../lib/me-api';
import { useMeI18n } from '../../lib/i18n-me';
import MeError from './MeError';
import TransparencyView from './TransparencyView';

/**
 * An invited ambassador chooses to join. The token is read from `location.hash` (a fragment never
 * reaches a server log), removed from the address bar, and sent only to the API: first to show what joining
 * would store and who would see it, then in the accept call (no body).
 */
const JoinPage: VoidComponent = () => {
  const { t, lang } = useMeI18n();
  const [token, setToken] = createSignal<string | null>(null);
  const [transparency] = createResource(
    () => (token() ? { token: token() ?? '', lang: lang() } : false),
    ({ token: value, lang: language }) => unwrap(client.api.v1.invitations[':token'].transparency.$get({ param: { token: value }, query: { lang: language } }), { redirectOn401: false }),
  );
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  onMount(() => {
    let fromHash = location.hash.slice(1);
    try {
      fromHash = decodeURIComponent(fromHash);
    } catch {
      // Not percent-encoded after all: use it as written.
    }
    setToken(fromHash);
    if (fromHash) history.replaceState(null, '', location.pathname + location.search);
  });

  const join = async () => {
    const value = token();
    if (!value || pending()) return;
    setPending(true);
    setError(null);
    try {
      await unwrap(client.api.v1.invitations[':token'].accept.$post({ param: { token: value } }), { redirectOn401: false });
      location.assign(ME_CHARTER);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  const invalid = () => {
    const e = error();
    return e instanceof ApiClientError && e.status === 404;
  };

  return (
    <>
      <p class="lead">{t('me.join.intro')}</p>
      <p class="notice notice--ok">{t('me.join.voluntary')}</p>
      <Show when={token() !== ''} fallback={<p class="notice notice--error" role="alert">{t('me.join.noToken')}</p>}>
        <Show when={!transparency.error && transparency.latest}>
          {(loaded) => (
            <>
              <p>{t('me.transparency.beforeJoin')}</p>
              <TransparencyView transparency={loaded()} headingId="transparency-title" />
            </>
          )}
        </Show>
        <div class="actions">
          <button type="button" class="button button--primary button--wide" disabled={pending() || token() === null} onClick={() => void join()}>
            {pending() ? t('me.join.pending') : t('me.join.submit')}
          </button>
        </div>
        <div aria-live="polite">
          <Show when={error()}>
            <Show when={invalid()} fallback={<MeError error={error()} />}>
              <p class="notice notice--error" role="alert">
                {t('me.join.invalid')}
              </p>
            </Show>
          </Show>
        </div>
      </Show>
    </>
  );
};

export default JoinPage;
