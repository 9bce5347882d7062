import { createSignal, onMount, Show, type JSX, type VoidComponent } from 'solid-js';
import Field from '../components/Field';
import FormError from '../components/FormError';
import { ApiClientError, client, unwrap } from '../lib/api';
import { createSubmission } from '../lib/forms';
import { useI18n } from '../lib/use-i18n';

const MIN_PASSWORD = 12;

/**
 * An invited admin chooses a password. The token is read from `location.hash` (a fragment never
 * reaches a server log or a referrer), removed from the address bar, and sent only in the accept call.
 */
const JoinForm: VoidComponent = () => {
  const { t } = useI18n();
  const [token, setToken] = createSignal<string | null>(null);
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['password', 'confirm']);

  onMount(() => {
    let fromHash = location.hash.slice(1);
    try {
      fromHash = decodeURIComponent(fromHash);
    } catch {
      // Not percent-encoded after all: use it as written.
    }
    setToken(fromHash || '');
    if (fromHash) history.replaceState(null, '', location.pathname + location.search);
  });

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const value = token();
    if (!value) return;
    if (password().length < MIN_PASSWORD) return submission.fail(new ApiClientError(422, 'validation_failed', t('join.tooShort', { min: MIN_PASSWORD }), 'password'));
    if (password() !== confirm()) return submission.fail(new ApiClientError(422, 'validation_failed', t('join.mismatch'), 'confirm'));
    const done = await submission.run(() => unwrap(client.api.v1.invitations[':token'].accept.$post({ param: { token: value }, json: { password: password() } }), { redirectOn401: false }));
    if (done) location.assign('/admin/');
  };

  return (
    <Show when={token() !== ''} fallback={<p class="notice notice--error" role="alert">{t('join.noToken')}</p>}>
      <form ref={form} class="form narrow" novalidate onSubmit={submit}>
        <Field name="password" label={t('join.password')} hint={t('join.passwordHint', { min: MIN_PASSWORD })} error={submission.fieldError('password')}>
          {(attrs) => <input {...attrs} type="password" autocomplete="new-password" required minlength={MIN_PASSWORD} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        <Field name="confirm" label={t('join.confirm')} error={submission.fieldError('confirm')}>
          {(attrs) => <input {...attrs} type="password" autocomplete="new-password" required value={confirm()} onInput={(e) => setConfirm(e.currentTarget.value)} />}
        </Field>
        <FormError error={submission.formError()} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={submission.pending() || token() === null}>
            {t('join.submit')}
          </button>
        </div>
      </form>
    </Show>
  );
};

export default JoinForm;
