import { createSignal, Show, type VoidComponent } from 'solid-js';
import ConfirmDialog from '../../components/ConfirmDialog';
import FormError from '../../components/FormError';
import { ApiClientError, client, unwrap } from '../../lib/api';
import type { Organisation } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';

export interface VisibilitySettingProps {
  org: Organisation;
  readOnly: boolean;
  onSaved: (org: Organisation) => void;
}

/**
 * Ambassador visibility: `opt-in` (default: only volunteers appear by name) or `all`. Switching to
 * `all` asks the day the works council (CSE) was informed, which the API requires; going back needs nothing.
 */
const VisibilitySetting: VoidComponent<VisibilitySettingProps> = (props) => {
  const { t, lang } = useI18n();
  const [asking, setAsking] = createSignal(false);
  const [informedOn, setInformedOn] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const change = async (ambassadorVisibility: Organisation['ambassadorVisibility']) => {
    setPending(true);
    setError(null);
    try {
      const json = ambassadorVisibility === 'all' ? { ambassadorVisibility, cseInformedOn: informedOn() } : { ambassadorVisibility };
      props.onSaved(await unwrap(client.api.v1.organisation.$patch({ json })));
      setAsking(false);
    } catch (e) {
      if (!(e instanceof ApiClientError)) throw e;
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const open = () => {
    setInformedOn(props.org.cseInformedOn ?? '');
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
      <Show when={props.org.cseInformedOn}>{(day) => <p class="meta">{t('visibility.informedOn', { date: formatDate(day(), lang()) })}</p>}</Show>
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
      <ConfirmDialog open={asking()} title={t('visibility.dialog.title')} confirmLabel={t('visibility.dialog.confirm')} canConfirm={informedOn() !== ''} pending={pending()} error={error()} onConfirm={() => void change('all')} onClose={() => setAsking(false)}>
        <p>{t('visibility.dialog.body')}</p>
        <p class="field">
          <label for="cse-informed-on">{t('visibility.dialog.informedOn')}</label>
          <input id="cse-informed-on" type="date" required max={new Date().toISOString().slice(0, 10)} value={informedOn()} onInput={(e) => setInformedOn(e.currentTarget.value)} />
        </p>
      </ConfirmDialog>
    </section>
  );
};

export default VisibilitySetting;
