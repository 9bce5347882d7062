import type { VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import type { Network } from '../../lib/api-types';
import type { RateDraft } from '../../lib/settings-draft';
import { useI18n } from '../../lib/use-i18n';

export interface RatesFieldsetProps {
  network: Network;
  draft: RateDraft;
  onChange: (key: keyof RateDraft, value: string) => void;
  error: (field: string) => string | undefined;
}

/** One network's CPC, CPM and organic reach (edited as a percentage, stored as a share). */
const RatesFieldset: VoidComponent<RatesFieldsetProps> = (props) => {
  const { t } = useI18n();
  const field = (key: keyof RateDraft) => `rates.${props.network}.${key}`;
  // The API speaks of a share from 0 to 1; the form shows a percentage, so it words that error itself.
  const error = (key: keyof RateDraft) => {
    const message = props.error(field(key));
    return message && key === 'organicReach' ? t('settings.organicReach.range') : message;
  };
  const input = (key: keyof RateDraft, label: string, max?: string) => (
    <Field name={field(key)} label={label} error={error(key)}>
      {(attrs) => <input {...attrs} type="number" inputmode="decimal" min="0" max={max} step="any" value={props.draft[key]} onInput={(e) => props.onChange(key, e.currentTarget.value)} />}
    </Field>
  );
  return (
    <fieldset class="group">
      <legend>{t(`network.${props.network}`)}</legend>
      <div class="grid grid--3">
        {input('cpc', t('settings.cpc'))}
        {input('cpm', t('settings.cpm'))}
        {input('organicReach', t('settings.organicReach'), '100')}
      </div>
    </fieldset>
  );
};

export default RatesFieldset;
