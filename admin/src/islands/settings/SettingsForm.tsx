import { For, untrack, type JSX, type VoidComponent } from 'solid-js';
import { createStore } from 'solid-js/store';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { client, unwrap } from '../../lib/api';
import type { Organisation } from '../../lib/api-types';
import { CONVERSION_TYPES, NETWORKS } from '../../lib/enums';
import { createSavingForm } from '../../lib/forms';
import { toDraft, toPatch } from '../../lib/settings-draft';
import { useI18n } from '../../lib/use-i18n';
import RatesFieldset from './RatesFieldset';

export interface SettingsFormProps {
  org: Organisation;
  readOnly: boolean;
  onSaved: (org: Organisation) => void;
}

const FIELDS = [
  'name', 'attributionWindowDays', 'fallbackUrl', 'logoUrl', 'utmMedium', 'currency', 'retentionMonths', 'auditRetentionMonths', 'privacyContact', 'disclosure',
  ...NETWORKS.flatMap((n) => [`rates.${n}.cpc`, `rates.${n}.cpm`, `rates.${n}.organicReach`]),
  ...CONVERSION_TYPES.map((type) => `conversionValues.${type}`),
];

/** Name, attribution, tracking, money and retention settings, saved together with one PATCH. */
const SettingsForm: VoidComponent<SettingsFormProps> = (props) => {
  const { t } = useI18n();
  const [draft, setDraft] = createStore(untrack(() => toDraft(props.org)));
  const { ref, submission, saved, submit } = createSavingForm(FIELDS, () => unwrap(client.api.v1.organisation.$patch({ json: toPatch(draft) })), (org) => props.onSaved(org));

  const text = (name: 'name' | 'fallbackUrl' | 'logoUrl' | 'utmMedium' | 'currency' | 'privacyContact' | 'disclosure', type = 'text'): JSX.Element => (
    <Field name={name} label={t(`settings.${name}`)} hint={t(`settings.${name}.hint`)} error={submission.fieldError(name)}>
      {(attrs) => <input {...attrs} type={type} value={draft[name]} onInput={(e) => setDraft(name, e.currentTarget.value)} />}
    </Field>
  );
  const whole = (name: 'attributionWindowDays' | 'retentionMonths' | 'auditRetentionMonths', max: number): JSX.Element => (
    <Field name={name} label={t(`settings.${name}`)} hint={t(`settings.${name}.hint`)} error={submission.fieldError(name)}>
      {(attrs) => <input {...attrs} type="number" inputmode="numeric" min="1" max={max} step="1" value={draft[name]} onInput={(e) => setDraft(name, e.currentTarget.value)} />}
    </Field>
  );

  return (
    <form ref={ref} class="form" novalidate onSubmit={submit}>
      <fieldset disabled={props.readOnly} class="plain">
        <h2 id="settings-general">{t('settings.general')}</h2>
        {text('name')}
        {whole('attributionWindowDays', 365)}
        {text('fallbackUrl', 'url')}
        {text('logoUrl', 'url')}
        {text('utmMedium')}
        {whole('retentionMonths', 120)}
        {whole('auditRetentionMonths', 120)}

        <h2 id="settings-trust">{t('settings.trust')}</h2>
        <p class="hint">{t('settings.trust.intro')}</p>
        {text('privacyContact')}
        {text('disclosure')}

        <h2>{t('settings.money')}</h2>
        <p class="hint">{t('settings.money.intro')}</p>
        {text('currency')}
        <For each={NETWORKS}>{(network) => <RatesFieldset network={network} draft={draft.rates[network]} onChange={(key, value) => setDraft('rates', network, key, value)} error={submission.fieldError} />}</For>

        <fieldset class="group">
          <legend>{t('settings.conversionValues')}</legend>
          <p class="hint">{t('settings.conversionValues.hint')}</p>
          <div class="grid">
            <For each={CONVERSION_TYPES}>
              {(type) => (
                <Field name={`conversionValues.${type}`} label={t(`conversion.${type}`)} error={submission.fieldError(`conversionValues.${type}`)}>
                  {(attrs) => <input {...attrs} type="number" inputmode="decimal" min="0" step="any" value={draft.conversionValues[type]} onInput={(e) => setDraft('conversionValues', type, e.currentTarget.value)} />}
                </Field>
              )}
            </For>
          </div>
        </fieldset>

        <FormActions submission={submission} label={t('action.save')} done={saved() ? t('state.saved') : ''} />
      </fieldset>
    </form>
  );
};

export default SettingsForm;
