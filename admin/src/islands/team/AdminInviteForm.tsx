import { createSignal, Show, type JSX, type VoidComponent } from 'solid-js';
import CopyField from '../../components/CopyField';
import Field from '../../components/Field';
import FormError from '../../components/FormError';
import { Select } from '../../components/Select';
import { client, unwrap } from '../../lib/api';
import type { AdminRole, InvitedAdmin } from '../../lib/api-types';
import { ADMIN_ROLES } from '../../lib/enums';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface AdminInviteFormProps {
  onInvited: () => void;
}

/** Owners invite an admin (e-mail, name, role) and get the one-time link to send them. */
const AdminInviteForm: VoidComponent<AdminInviteFormProps> = (props) => {
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<AdminRole>('editor');
  const [invited, setInvited] = createSignal<InvitedAdmin | null>(null);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['email', 'name', 'role']);

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setInvited(null);
    const answer = await submission.run(() => unwrap(client.api.v1.admins.$post({ json: { email: email(), name: name(), role: role() } })));
    if (answer) {
      setInvited(answer);
      setEmail('');
      setName('');
      props.onInvited();
    }
  };

  return (
    <section class="panel" aria-labelledby="invite-admin">
      <h2 id="invite-admin">{t('team.invite')}</h2>
      <form ref={form} class="form" novalidate onSubmit={submit}>
        <Field name="email" label={t('field.email')} error={submission.fieldError('email')}>
          {(attrs) => <input {...attrs} type="email" autocomplete="off" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field name="name" label={t('field.name')} error={submission.fieldError('name')}>
          {(attrs) => <input {...attrs} type="text" autocomplete="off" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field name="role" label={t('team.role')} hint={t('team.role.hint')} error={submission.fieldError('role')}>
          {(attrs) => (
            <Select attrs={attrs} value={role()} onChange={setRole} options={ADMIN_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          )}
        </Field>
        <FormError error={submission.formError()} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={submission.pending()}>
            {t('team.invite.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        <Show when={invited()}>
          {(answer) => (
            <div class="notice notice--ok">
              <p>{t('team.invited', { email: answer().admin.email })}</p>
              <CopyField label={t('invite.link')} value={answer().inviteUrl} hint={t('invite.linkHint')} />
            </div>
          )}
        </Show>
      </div>
    </section>
  );
};

export default AdminInviteForm;
