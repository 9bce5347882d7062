import { createSignal, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormError from '../../components/FormError';
import { Select } from '../../components/Select';
import { client, unwrap } from '../../lib/api';
import type { AmbassadorProfile, InvitedAmbassador } from '../../lib/api-types';
import { AMBASSADOR_PROFILES } from '../../lib/enums';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface AmbassadorInviteFormProps {
  onInvited: (answer: InvitedAmbassador) => void;
}

/** Name, e-mail, team and profile → `POST /ambassadors` → the invitation link. */
const AmbassadorInviteForm: VoidComponent<AmbassadorInviteFormProps> = (props) => {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [team, setTeam] = createSignal('');
  const [profile, setProfile] = createSignal<AmbassadorProfile | ''>('');
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['name', 'email', 'team', 'profile']);

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const json = { name: name(), email: email(), team: team().trim() || null, profile: profile() || null };
    const answer = await submission.run(() => unwrap(client.api.v1.ambassadors.$post({ json })));
    if (answer) {
      setName('');
      setEmail('');
      setTeam('');
      setProfile('');
      props.onInvited(answer);
    }
  };

  return (
    <section class="panel" aria-labelledby="invite-ambassador">
      <h2 id="invite-ambassador">{t('ambassadors.invite')}</h2>
      <p class="hint">{t('ambassadors.invite.intro')}</p>
      <form ref={form} class="form" novalidate onSubmit={submit}>
        <div class="grid">
          <Field name="name" label={t('field.name')} error={submission.fieldError('name')}>
            {(attrs) => <input {...attrs} type="text" autocomplete="off" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field name="email" label={t('field.email')} error={submission.fieldError('email')}>
            {(attrs) => <input {...attrs} type="email" autocomplete="off" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field name="team" label={`${t('ambassadors.team')} ${t('field.optional')}`} error={submission.fieldError('team')}>
            {(attrs) => <input {...attrs} type="text" autocomplete="off" value={team()} onInput={(e) => setTeam(e.currentTarget.value)} />}
          </Field>
          <Field name="profile" label={`${t('ambassadors.profile')} ${t('field.optional')}`} error={submission.fieldError('profile')}>
            {(attrs) => (
              <Select attrs={attrs} value={profile()} onChange={setProfile} options={[{ value: '', label: t('ambassadors.profile.none') }, ...AMBASSADOR_PROFILES.map((p) => ({ value: p, label: t(`profile.${p}`) }))]} />
            )}
          </Field>
        </div>
        <FormError error={submission.formError()} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={submission.pending()}>
            {t('ambassadors.invite.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};

export default AmbassadorInviteForm;
