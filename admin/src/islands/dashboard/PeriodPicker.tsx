import { createSignal, For, Show, type VoidComponent } from 'solid-js';
import type { MessageKey } from '../../lib/i18n';
import { isDay, lengthInDays, PRESETS, presetPeriod, type Period, type Preset } from '../../lib/kpi-period';
import { useI18n } from '../../lib/use-i18n';

export interface PeriodPickerProps {
  period: Period;
  onChange: (period: Period) => void;
}

/** Presets as radio buttons; "custom" reveals two dates and an Apply button. */
const PeriodPicker: VoidComponent<PeriodPickerProps> = (props) => {
  const { t } = useI18n();
  const [preset, setPreset] = createSignal<Preset>('30');
  const [from, setFrom] = createSignal(props.period.from);
  const [to, setTo] = createSignal(props.period.to);
  const [invalid, setInvalid] = createSignal(false);

  const choose = (next: Preset) => {
    setPreset(next);
    setInvalid(false);
    if (next === 'custom') {
      setFrom(props.period.from);
      setTo(props.period.to);
    } else props.onChange(presetPeriod(next));
  };

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const period = { from: from(), to: to() };
    const ok = isDay(period.from) && isDay(period.to) && period.from <= period.to && lengthInDays(period) <= 731;
    setInvalid(!ok);
    if (ok) props.onChange(period);
  };

  return (
    <form class="dash-period" onSubmit={apply}>
      <fieldset class="plain">
        <legend>{t('dash.period.legend')}</legend>
        <div class="dash-period__presets">
          <For each={PRESETS}>
            {(value) => (
              <label class="dash-period__preset">
                <input type="radio" name="dash-period" value={value} checked={preset() === value} onChange={() => choose(value)} />
                {t(`dash.period.${value}` as MessageKey)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={preset() === 'custom'}>
        <div class="dash-period__custom">
          <div class="field">
            <label for="dash-from">{t('dash.period.from')}</label>
            <input id="dash-from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} aria-invalid={invalid() || undefined} aria-describedby={invalid() ? 'dash-period-error' : undefined} />
          </div>
          <div class="field">
            <label for="dash-to">{t('dash.period.to')}</label>
            <input id="dash-to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} aria-invalid={invalid() || undefined} aria-describedby={invalid() ? 'dash-period-error' : undefined} />
          </div>
          <button type="submit" class="button">{t('dash.period.apply')}</button>
        </div>
        <Show when={invalid()}>
          <p id="dash-period-error" class="field-error" role="alert">{t('dash.period.invalid')}</p>
        </Show>
      </Show>
    </form>
  );
};

export default PeriodPicker;
