import { createEffect, createSignal, on, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { client, unwrap } from '../../lib/api';
import type { Charter } from '../../lib/api-types';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface CharterPublishFormProps {
  current: Charter | null;
  onPublished: () => void;
}

/** Publishes the next version (`POST /charters`), starting from the current text. */
const CharterPublishForm: VoidComponent<CharterPublishFormProps> = (props) => {
  const { t } = useI18n();
  const [body, setBody] = createSignal('');
  const [published, setPublished] = createSignal<number | null>(null);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['body']);
  // Start from the text in force, whenever another version becomes current.
  createEffect(on(() => props.current?.version, () => setBody(props.current?.body ?? '')));

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setPublished(null);
    const charter = await submission.run(() => unwrap(client.api.v1.charters.$post({ json: { body: body() } })));
    if (charter) {
      setPublished(charter.version);
      props.onPublished();
    }
  };

  return (
    <section class="panel" aria-labelledby="charter-publish">
      <h2 id="charter-publish">{props.current ? t('charter.publishNext') : t('charter.publishFirst')}</h2>
      <form ref={form} class="form" novalidate onSubmit={submit}>
        <Field name="body" label={t('charter.body')} hint={t('charter.body.hint')} error={submission.fieldError('body')}>
          {(attrs) => <textarea {...attrs} rows="14" required value={body()} onInput={(e) => setBody(e.currentTarget.value)} />}
        </Field>
        <p class="notice notice--warning">{t('charter.reaccept')}</p>
        <FormActions submission={submission} label={t('charter.publish')} done={published() === null ? '' : t('charter.published', { version: published() ?? 0 })} />
      </form>
    </section>
  );
};

export default CharterPublishForm;
