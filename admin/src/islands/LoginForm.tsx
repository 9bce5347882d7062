import { createSignal, type JSX, type VoidComponent } from 'solid-js';
import Field from '../components/Field';
import FormError from '../components/FormError';
import { client, unwrap } from '../lib/api';
import { createSubmission } from '../lib/forms';
import { useI18n } from '../lib/use-i18n';

/** Where to go after signing in: `?next=` when it is a path of this site's admin, else the home page. */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  return next.startsWith('/admin/') && !next.startsWith('//') && !next.startsWith('/admin/login/') ? next : '/admin/';
}

/** E-mail and password → `POST /api/v1/auth/login` (sets the session cookie) → back where the admin was. */
const LoginForm: VoidComponent = () => {
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['email', 'password']);

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const done = await submission.run(() => unwrap(client.api.v1.auth.login.$post({ json: { email: email(), password: password() } }), { redirectOn401: false }));
    if (done) location.assign(nextPath());
  };

  return (
    <form ref={form} class="form narrow" novalidate onSubmit={submit}>
      <Field name="email" label={t('login.email')} error={submission.fieldError('email')}>
        {(attrs) => <input {...attrs} type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Field name="password" label={t('login.password')} error={submission.fieldError('password')}>
        {(attrs) => <input {...attrs} type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />}
      </Field>
      <FormError error={submission.formError()} messages={{ unauthenticated: t('login.wrong') }} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={submission.pending()}>
          {submission.pending() ? t('login.pending') : t('login.submit')}
        </button>
      </div>
    </form>
  );
};

export default LoginForm;
