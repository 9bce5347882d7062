import { createResource, createSignal, For, Show, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { Select } from '../../components/Select';
import { client } from '../../lib/api';
import type { Network } from '../../lib/api-types';
import { NETWORKS } from '../../lib/enums';
import { createSavingForm } from '../../lib/forms';
import { useMeI18n } from '../../lib/i18n-me';
import { chooseLocale } from '../../lib/locale';
import { meCall } from '../../lib/me-api';
import type { Ambassador } from '../../lib/me-types';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../lib/translator';
import MeError from './MeError';
import Pending from '../../components/Pending';

const FIELDS = ['displayName', 'language', ...NETWORKS.map((n) => `audience.${n}`)];

/** A number typed in a box: empty is "not declared" (null removes it), anything else goes to the API as typed. */
const followers = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * The ambassador's profile: the name others see on the leaderboard, the followers they declare per network
 * (what estimates the reach of a post they did not report), and the language of their space.
 */
const ProfilePage: VoidComponent = () => {
  const { t, mounted } = useMeI18n();
  const [me, { mutate }] = createResource(mounted, () => meCall(client.api.v1.me.$get()));
  return (
    <Pending>
      <Show when={me()} fallback={<Show when={me.error} fallback={<p role="status">{t('state.loading')}</p>}><MeError error={me.error} /></Show>}>
        {(loaded) => <ProfileForm me={loaded()} onSaved={mutate} />}
      </Show>
    </Pending>
  );
};

const ProfileForm: VoidComponent<{ me: Ambassador; onSaved: (me: Ambassador) => void }> = (props) => {
  const { t } = useMeI18n();
  const [displayName, setDisplayName] = createSignal(props.me.displayName ?? '');
  const [language, setLanguage] = createSignal<Locale | ''>(props.me.language ?? '');
  // A plain signal, not a store: solid-js/store would join the chunk every ambassador page loads first.
  const [audience, setAudience] = createSignal<Record<Network, string>>(
    Object.fromEntries(NETWORKS.map((n) => [n, props.me.audience[n] === undefined ? '' : String(props.me.audience[n])])) as Record<Network, string>,
  );
  const body = () => ({
    displayName: displayName().trim() === '' ? null : displayName(),
    language: language() === '' ? null : (language() as Locale),
    audience: Object.fromEntries(NETWORKS.map((n) => [n, followers(audience()[n])])),
  });
  const { ref, submission, saved, submit } = createSavingForm(
    FIELDS,
    () => meCall(client.api.v1.me.$patch({ json: body() })),
    (me) => {
      props.onSaved(me);
      if (me.language) chooseLocale(me.language);
    },
  );

  return (
    <form ref={ref} class="form" novalidate onSubmit={submit}>
      <Field name="displayName" label={t('me.profile.displayName')} hint={t('me.profile.displayName.hint')} error={submission.fieldError('displayName')}>
        {(attrs) => <input {...attrs} type="text" autocomplete="nickname" maxLength={100} value={displayName()} onInput={(e) => setDisplayName(e.currentTarget.value)} />}
      </Field>
      <fieldset class="group">
        <legend>{t('me.profile.audience')}</legend>
        <p class="hint">{t('me.profile.audience.hint')}</p>
        <div class="grid grid--3">
          <For each={NETWORKS}>
            {(n) => (
              <Field name={`audience.${n}`} label={t(`network.${n}`)} error={submission.fieldError(`audience.${n}`)}>
                {(attrs) => <input {...attrs} type="number" inputmode="numeric" min="0" step="1" value={audience()[n]} onInput={(e) => setAudience({ ...audience(), [n]: e.currentTarget.value })} />}
              </Field>
            )}
          </For>
        </div>
      </fieldset>
      <Field name="language" label={t('me.profile.language')} hint={t('me.profile.language.hint')} error={submission.fieldError('language')}>
        {(attrs) => (
          <Select
            attrs={attrs}
            value={language()}
            onChange={setLanguage}
            options={[{ value: '' as const, label: t('me.profile.language.browser') }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))]}
          />
        )}
      </Field>
      <FormActions submission={submission} label={t('me.profile.save')} done={saved() ? t('me.profile.saved') : ''} />
    </form>
  );
};

export default ProfilePage;
