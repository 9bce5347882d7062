import { createEffect, createSignal, on, type JSX, type VoidComponent } from 'solid-js';
import { renderMarkdown } from '../../../../worker/lib/markdown';
import ConfirmDialog from '../../components/ConfirmDialog';
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

/**
 * Publishes the next version (`POST /charters`), starting from the current text. Publishing makes every
 * ambassador accept again before their next link, so it goes through a preview of the text as ambassadors
 * will read it (the API's own Markdown renderer) and a confirmation that says so.
 */
const CharterPublishForm: VoidComponent<CharterPublishFormProps> = (props) => {
  const { t } = useI18n();
  const [body, setBody] = createSignal('');
  const [published, setPublished] = createSignal<number | null>(null);
  const [reviewing, setReviewing] = createSignal(false);
  const nextVersion = () => (props.current?.version ?? 0) + 1;
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['body']);
  // Start from the text in force, whenever another version becomes current.
  createEffect(on(() => props.current?.version, () => setBody(props.current?.body ?? '')));

  // An empty text goes straight to the API, whose error is shown next to the field.
  const review: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    setPublished(null);
    if (body().trim() === '') void publish();
    else setReviewing(true);
  };

  const publish = async () => {
    setReviewing(false);
    const charter = await submission.run(() => unwrap(client.api.v1.charters.$post({ json: { body: body() } })));
    if (charter) {
      setPublished(charter.version);
      props.onPublished();
    }
  };

  return (
    <section class="panel" aria-labelledby="charter-publish">
      <h2 id="charter-publish">{props.current ? t('charter.publishNext') : t('charter.publishFirst')}</h2>
      <form ref={form} class="form" novalidate onSubmit={review}>
        <Field name="body" label={t('charter.body')} hint={t('charter.body.hint')} error={submission.fieldError('body')}>
          {(attrs) => <textarea {...attrs} rows="14" required value={body()} onInput={(e) => setBody(e.currentTarget.value)} />}
        </Field>
        <p class="notice notice--warning">{t('charter.reaccept')}</p>
        <FormActions submission={submission} label={t('charter.review')} done={published() === null ? '' : t('charter.published', { version: published() ?? 0 })} />
      </form>
      <ConfirmDialog
        open={reviewing()}
        title={t('charter.confirm.title', { version: nextVersion() })}
        confirmLabel={t('charter.confirm.publish', { version: nextVersion() })}
        onConfirm={() => void publish()}
        onClose={() => setReviewing(false)}
      >
        <p class="notice notice--warning">
          {props.current ? t('charter.confirm.reaccept', { count: props.current.acceptedBy, version: props.current.version }) : t('charter.confirm.first')}
        </p>
        <h3 id="charter-preview">{t('charter.confirm.preview')}</h3>
        {/* The API's own renderer: escapes everything first, then adds back a few tags of its own. A long text
            scrolls inside the dialog, so the region takes focus for keyboard scrolling. */}
        <div class="prose charter-preview" role="region" aria-labelledby="charter-preview" tabindex="0" innerHTML={renderMarkdown(body())} />
      </ConfirmDialog>
    </section>
  );
};

export default CharterPublishForm;
