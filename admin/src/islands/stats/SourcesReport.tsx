import { For, Show, type VoidComponent } from 'solid-js';
import DailyChart from '../../components/DailyChart';
import { formatDate } from '../../lib/format';
import { isMessageKey } from '../../lib/i18n';
import { formatCount } from '../../lib/kpi-format';
import { countryName } from '../../lib/source-names';
import { useI18n } from '../../lib/use-i18n';
import SourceTable from './SourceTable';
import type { ContentStats } from './sources-types';

/** What a content's and a link's stats have in common. */
export type Sources = Pick<ContentStats, 'from' | 'to' | 'totals' | 'days' | 'breakdowns'>;

const TILES = [
  { key: 'clicks', label: 'dash.kpi.clicks' },
  { key: 'uniqueVisitors', label: 'dash.kpi.uniqueVisitors' },
  { key: 'conversions', label: 'dash.kpi.conversions' },
] as const;

/** Tiles, the daily chart of clicks and unique visitors, and the referrer, country and device tables. */
const SourcesReport: VoidComponent<{ stats: Sources }> = (props) => {
  const { t, lang } = useI18n();
  const filtered = () => Object.values(props.stats.totals.filtered).reduce((acc, n) => acc + n, 0);
  const device = (key: string | null) => {
    const name = `sources.device.${key ?? 'none'}`;
    return isMessageKey(name) ? t(name) : (key ?? '');
  };
  const series = () => [
    { label: t('dash.kpi.clicks'), color: '#0b57d0', values: props.stats.days.map((d) => d.clicks) },
    { label: t('dash.kpi.uniqueVisitors'), color: '#146c2e', values: props.stats.days.map((d) => d.uniqueVisitors) },
  ];
  return (
    <>
      <section aria-labelledby="sources-tiles-title">
        <h2 id="sources-tiles-title">{t('dash.tiles.title')}</h2>
        <ul class="dash-tiles" role="list">
          <For each={TILES}>
            {(tile) => (
              <li class="dash-tile" data-kpi={tile.key}>
                <span class="dash-tile__label">{t(tile.label)}</span>
                <span class="dash-tile__value">{formatCount(props.stats.totals[tile.key], lang())}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="meta" data-testid="sources-filtered">{t('sources.filtered', { count: formatCount(filtered(), lang()) })}</p>
      </section>
      <Show when={props.stats.totals.clicks === 0}>
        <p class="empty-state" data-empty="no-clicks">{t('sources.empty')}</p>
      </Show>
      <section aria-labelledby="sources-chart-title">
        <h2 id="sources-chart-title">{t('sources.chart.title')}</h2>
        <DailyChart
          class="dash-chart"
          days={props.stats.days.map((d) => d.day)}
          series={series()}
          lang={lang()}
          text={{ day: t('dash.chart.day'), value: t('dash.chart.value'), caption: t('dash.chart.tableCaption'), loading: t('dash.chart.loading') }}
        />
      </section>
      <Show when={props.stats.breakdowns.from > props.stats.from}>
        <p class="notice" data-testid="sources-retention">{t('sources.retentionShort', { from: formatDate(props.stats.breakdowns.from, lang()) })}</p>
      </Show>
      <div class="sources-grid">
        <SourceTable id="sources-referrers" title={t('sources.referrers')} breakdown={props.stats.breakdowns.referrers} nameOf={(key) => key ?? t('sources.referrer.none')} />
        <SourceTable id="sources-countries" title={t('sources.countries')} breakdown={props.stats.breakdowns.countries} nameOf={(key) => (key ? countryName(key, lang()) : t('sources.country.none'))} />
        <SourceTable id="sources-devices" title={t('sources.devices')} breakdown={props.stats.breakdowns.devices} nameOf={device} />
      </div>
    </>
  );
};

export default SourcesReport;
