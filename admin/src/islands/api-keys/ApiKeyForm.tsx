import { createSignal, For, Show, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormError from '../../components/FormError';
import { client, unwrap } from '../../lib/api';
import type { ApiKeyScope, CreatedApiKey } from '../../lib/api-types';
import { API_KEY_SCOPES } from '../../lib/enums';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface ApiKeyFormProps {
  onCreated: (key: CreatedApiKey) => void;
}

/** A name and scopes → `POST /api-keys`, which answers the secret this once. */
const ApiKeyForm: VoidComponent<ApiKeyFormProps> = (props) => {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [scopes, setScopes] = createSignal<ApiKeyScope[]>(['conversions:write']);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['name', 'scopes']);

  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((list) => API_KEY_SCOPES.filter((s) => (s === scope ? on : list.includes(s))));

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const key = await submission.run(() => unwrap(client.api.v1['api-keys'].$post({ json: { name: name(), scopes: scopes() } })));
    if (key) {
      setName('');
      props.onCreated(key);
    }
  };

  return (
    <section class="panel" aria-labelledby="api-key-create">
      <h2 id="api-key-create">{t('apiKeys.create')}</h2>
      <form ref={form} class="form" novalidate onSubmit={submit}>
        <Field name="name" label={t('field.name')} hint={t('apiKeys.name.hint')} error={submission.fieldError('name')}>
          {(attrs) => <input {...attrs} type="text" autocomplete="off" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <fieldset class="group" aria-describedby={submission.fieldError('scopes') ? 'scopes-error' : undefined}>
          <legend>{t('apiKeys.scopes')}</legend>
          <For each={API_KEY_SCOPES}>
            {(scope) => (
              <div class="checkbox checkbox--described">
                <input id={`scope-${scope}`} type="checkbox" name="scopes" value={scope} aria-describedby={`scope-${scope}-hint`} aria-invalid={submission.fieldError('scopes') ? 'true' : undefined} checked={scopes().includes(scope)} onChange={(e) => toggle(scope, e.currentTarget.checked)} />
                <label for={`scope-${scope}`}>{t(`scope.${scope}`)}</label>
                <p id={`scope-${scope}-hint`} class="hint">
                  {t(`scope.${scope}.hint`)}
                </p>
              </div>
            )}
          </For>
          <Show when={submission.fieldError('scopes')}>
            <p id="scopes-error" class="field-error">
              {submission.fieldError('scopes')}
            </p>
          </Show>
        </fieldset>
        <FormError error={submission.formError()} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={submission.pending()}>
            {t('apiKeys.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
};

export default ApiKeyForm;
