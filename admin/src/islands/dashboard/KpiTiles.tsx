import { For, Show, type JSX, type VoidComponent } from 'solid-js';
import type { Locale, MessageKey } from '../../lib/i18n';
import { formatChange, formatCount, formatMoney, formatRate } from '../../lib/kpi-format';
import { change } from '../../lib/kpi-period';
import type { KpiNumberKey, KpiTotals } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';

type Kind = 'count' | 'rate' | 'money';

/** Every headline KPI of API.md, in reading order. */
const TILES: Array<{ key: KpiNumberKey; label: MessageKey; kind: Kind }> = [
  { key: 'reach', label: 'dash.kpi.reach', kind: 'count' },
  { key: 'impressions', label: 'dash.kpi.impressions', kind: 'count' },
  { key: 'engagements', label: 'dash.kpi.engagements', kind: 'count' },
  { key: 'engagementRate', label: 'dash.kpi.engagementRate', kind: 'rate' },
  { key: 'clicks', label: 'dash.kpi.clicks', kind: 'count' },
  { key: 'uniqueVisitors', label: 'dash.kpi.uniqueVisitors', kind: 'count' },
  { key: 'conversions', label: 'dash.kpi.conversions', kind: 'count' },
  { key: 'conversionRate', label: 'dash.kpi.conversionRate', kind: 'rate' },
  { key: 'conversionValue', label: 'dash.kpi.conversionValue', kind: 'money' },
  { key: 'emv', label: 'dash.kpi.emv', kind: 'money' },
  { key: 'participationRate', label: 'dash.kpi.participation', kind: 'rate' },
];

export function formatKpi(value: number, kind: Kind, currency: string, lang: Locale): string {
  if (kind === 'rate') return formatRate(value, lang);
  if (kind === 'money') return formatMoney(value, currency, lang);
  return formatCount(value, lang);
}

export interface KpiTilesProps {
  current: KpiTotals;
  previous: KpiTotals;
  currency: string;
}

/** The headline tiles, each with its change against the previous period of equal length. */
const KpiTiles: VoidComponent<KpiTilesProps> = (props) => {
  const { t, lang } = useI18n();

  const delta = (key: KpiNumberKey, kind: Kind): JSX.Element => {
    const value = change(props.current[key], props.previous[key], kind === 'rate');
    if (value === null) return <span class="dash-tile__change">{t('dash.change.none')}</span>;
    const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
    const text = formatChange(value, kind === 'rate', lang());
    return (
      <span class={`dash-tile__change dash-tile__change--${direction}`}>
        {t(kind === 'rate' ? 'dash.change.points' : 'dash.change.vsPrevious', { change: text })}
      </span>
    );
  };

  return (
    <ul class="dash-tiles" role="list">
      <For each={TILES}>
        {(tile) => (
          <li class="dash-tile" data-kpi={tile.key}>
            <span class="dash-tile__label">{t(tile.label)}</span>
            <span class="dash-tile__value">{formatKpi(props.current[tile.key], tile.kind, props.currency, lang())}</span>
            <Show when={tile.key === 'reach'}>
              <span class="dash-tile__detail" data-kpi="reachEstimated">
                {t('dash.kpi.reachEstimated', { value: formatCount(props.current.reachEstimated, lang()) })}
              </span>
            </Show>
            <Show when={tile.key === 'participationRate'}>
              <span class="dash-tile__detail">
                {t('dash.kpi.participationDetail', { active: formatCount(props.current.activeAmbassadors, lang()), total: formatCount(props.current.ambassadors, lang()) })}
              </span>
            </Show>
            {delta(tile.key, tile.kind)}
          </li>
        )}
      </For>
    </ul>
  );
};

export default KpiTiles;
