import { createSignal, untrack, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { client, unwrap } from '../../lib/api';
import type { Organisation } from '../../lib/api-types';
import { createSavingForm } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface GuideSettingProps {
  org: Organisation;
  readOnly: boolean;
  onSaved: (org: Organisation) => void;
}

/**
 * The "Sharing well" guide ambassadors read next to the share form: the organisation's own Markdown, or, left
 * empty, the guide Relais ships in French and English.
 */
const GuideSetting: VoidComponent<GuideSettingProps> = (props) => {
  const { t } = useI18n();
  const [text, setText] = createSignal(untrack(() => props.org.sharingGuide ?? ''));
  const { ref, submission, saved, submit } = createSavingForm(
    ['sharingGuide'],
    () => unwrap(client.api.v1.organisation.$patch({ json: { sharingGuide: text().trim() === '' ? null : text() } })),
    (org) => props.onSaved(org),
  );

  return (
    <section class="panel" aria-labelledby="guide-setting">
      <h2 id="guide-setting">{t('settings.guide')}</h2>
      <p>{t('settings.guide.intro')}</p>
      <form ref={ref} class="form" novalidate onSubmit={submit}>
        <fieldset class="plain" disabled={props.readOnly}>
          <Field name="sharingGuide" label={t('settings.guide.body')} hint={t('settings.guide.hint')} error={submission.fieldError('sharingGuide')}>
            {(attrs) => <textarea {...attrs} rows="12" maxLength={20000} placeholder={t('settings.guide.placeholder')} value={text()} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <FormActions submission={submission} label={t('settings.guide.save')} done={saved() ? t(props.org.sharingGuide === null ? 'settings.guide.default' : 'state.saved') : ''} />
        </fieldset>
      </form>
    </section>
  );
};

export default GuideSetting;
