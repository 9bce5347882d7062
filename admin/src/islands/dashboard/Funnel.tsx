import { For, Show, type VoidComponent } from 'solid-js';
import type { MessageKey } from '../../lib/i18n';
import { formatCount, formatRate } from '../../lib/kpi-format';
import type { KpiTotals } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';

const STEPS: Array<{ key: 'reach' | 'clicks' | 'uniqueVisitors' | 'conversions'; label: MessageKey }> = [
  { key: 'reach', label: 'dash.kpi.reach' },
  { key: 'clicks', label: 'dash.kpi.clicks' },
  { key: 'uniqueVisitors', label: 'dash.kpi.uniqueVisitors' },
  { key: 'conversions', label: 'dash.kpi.conversions' },
];

/** Reach → clicks → unique visitors → conversions, each step with its share of the previous one. */
const Funnel: VoidComponent<{ totals: KpiTotals }> = (props) => {
  const { t, lang } = useI18n();
  const top = () => Math.max(props.totals.reach, 1);
  return (
    <ol class="dash-funnel">
      <For each={STEPS}>
        {(step, index) => {
          const value = () => props.totals[step.key];
          const previous = () => (index() > 0 ? props.totals[STEPS[index() - 1]!.key] : 0);
          return (
            <li class="dash-funnel__step">
              <span class="dash-funnel__label">{t(step.label)}</span>
              <span class="dash-funnel__value">{formatCount(value(), lang())}</span>
              <span class="dash-funnel__bar" aria-hidden="true">
                <span style={{ width: `${Math.max((value() / top()) * 100, value() > 0 ? 1 : 0)}%` }} />
              </span>
              <Show when={index() > 0}>
                <span class="dash-funnel__rate">{t('dash.funnel.ofPrevious', { rate: formatRate(previous() > 0 ? value() / previous() : 0, lang()) })}</span>
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
};

export default Funnel;
