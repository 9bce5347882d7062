import { Show, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import { ApiClientError } from '../../lib/api';
import { useMeI18n } from '../../lib/i18n-me';

/** An error of the ambassador's space: no session and missing charter are worded here, the rest as a form error. */
const MeError: VoidComponent<{ error: unknown }> = (props) => {
  const { t } = useMeI18n();
  const special = () => {
    const e = props.error;
    if (!(e instanceof ApiClientError)) return undefined;
    if (e.status === 401) return t('me.error.unauthenticated');
    if (e.code === 'charter_not_accepted') return t('me.error.redirectCharter');
    return undefined;
  };
  return (
    <Show when={special()} fallback={<FormError error={props.error} />}>
      {(text) => (
        <p class="notice notice--error" role="alert">
          {text()}
        </p>
      )}
    </Show>
  );
};

export default MeError;
