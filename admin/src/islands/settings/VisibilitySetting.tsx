import { createSignal, Show, type VoidComponent } from 'solid-js';
import ConfirmDialog from '../../components/ConfirmDialog';
import FormError from '../../components/FormError';
import { ApiClientError, client, unwrap } from '../../lib/api';
import type { Organisation } from '../../lib/api-types';
import { useI18n } from '../../lib/use-i18n';

export interface VisibilitySettingProps {
  org: Organisation;
  readOnly: boolean;
  onSaved: (org: Organisation) => void;
}

/**
 * Ambassador visibility: `opt-in` (default: only volunteers appear by name) or `all`. Switching to
 * `all` asks the admin to confirm that the works council (CSE) was informed; going back needs nothing.
 */
const VisibilitySetting: VoidComponent<VisibilitySettingProps> = (props) => {
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  const [informed, setInformed] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const change = async (ambassadorVisibility: Organisation['ambassadorVisibility']) => {
    setPending(true);
    setError(null);
    try {
      props.onSaved(await unwrap(client.api.v1.organisation.$patch({ json: { ambassadorVisibility } })));
      setAsking(false);
    } catch (e) {
      if (!(e instanceof ApiClientError)) throw e;
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const open = () => {
    setInformed(false);
    setError(null);
    setAsking(true);
  };

  return (
    <section class="panel" aria-labelledby="visibility-title">
      <h2 id="visibility-title">{t('visibility.title')}</h2>
      <p>{t('visibility.why')}</p>
      <p class="current-value">
        <strong>{props.org.ambassadorVisibility === 'all' ? t('visibility.all') : t('visibility.optIn')}</strong>
      </p>
      <Show when={!props.readOnly}>
        <Show when={props.org.ambassadorVisibility === 'opt-in'} fallback={<button type="button" class="button" disabled={pending()} onClick={() => void change('opt-in')}>{t('visibility.backToOptIn')}</button>}>
          <button type="button" class="button" onClick={open}>
            {t('visibility.switchToAll')}
          </button>
        </Show>
      </Show>
      <Show when={!asking()}>
        <FormError error={error()} />
      </Show>
      <ConfirmDialog open={asking()} title={t('visibility.dialog.title')} confirmLabel={t('visibility.dialog.confirm')} canConfirm={informed()} pending={pending()} error={error()} onConfirm={() => void change('all')} onClose={() => setAsking(false)}>
        <p>{t('visibility.dialog.body')}</p>
        <p class="checkbox">
          <input id="cse-informed" type="checkbox" checked={informed()} onChange={(e) => setInformed(e.currentTarget.checked)} />
          <label for="cse-informed">{t('visibility.dialog.checkbox')}</label>
        </p>
      </ConfirmDialog>
    </section>
  );
};

export default VisibilitySetting;
