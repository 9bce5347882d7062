import { Show, type VoidComponent } from 'solid-js';
import { ApiClientError } from '../lib/api';
import { useCommonI18n } from '../lib/i18n-common';

export interface FormErrorProps {
  /** Usually an `ApiClientError`; anything else is reported as unexpected. */
  error: unknown;
  /** Local wording for some error codes, in the page's language, e.g. `{ unauthenticated: t('login.wrong') }`. */
  messages?: Partial<Record<string, string>>;
}

/**
 * A form-level error (no field to attach it to), focusable so the form can move focus to it. A 429
 * says when to try again; a network failure says so; anything else shows the API's own message
 * (unless the form words that code itself).
 */
const FormError: VoidComponent<FormErrorProps> = (props) => {
  const { t } = useCommonI18n();
  const text = () => {
    const e = props.error;
    if (!e) return '';
    if (!(e instanceof ApiClientError)) return t('error.unexpected');
    if (e.status === 429) return e.retryAfter ? t('error.retryIn', { seconds: e.retryAfter }) : t('error.rateLimited');
    if (e.status === 0) return t('error.network');
    if (e.status >= 500) return t('error.server');
    const local = props.messages?.[e.code];
    return local ?? e.message;
  };
  return (
    <div class="form-error" role="alert" tabindex="-1">
      <Show when={props.error}>
        <p>{text()}</p>
      </Show>
    </div>
  );
};

export default FormError;
