import type { VoidComponent } from 'solid-js';
import DailyChart from '../../components/DailyChart';
import type { KpiGroup } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';

export interface TimeSeriesProps {
  /** Every day of the period, `YYYY-MM-DD`. */
  days: string[];
  /** The report grouped by day (days without activity may be missing). */
  groups: KpiGroup[];
}

const SERIES = [
  { key: 'clicks', label: 'dash.kpi.clicks', color: '#0b57d0' },
  { key: 'uniqueVisitors', label: 'dash.kpi.uniqueVisitors', color: '#146c2e' },
  { key: 'conversions', label: 'dash.kpi.conversions', color: '#a5400a' },
] as const;

/** Clicks, unique visitors and conversions by day, with the chart's accessible table (components/DailyChart). */
const TimeSeries: VoidComponent<TimeSeriesProps> = (props) => {
  const { t, lang } = useI18n();
  const series = () => {
    const byDay = new Map(props.groups.map((g) => [g.key.slice(0, 10), g.totals]));
    return SERIES.map((s) => ({ label: t(s.label), color: s.color, values: props.days.map((day) => byDay.get(day)?.[s.key] ?? 0) }));
  };
  return (
    <DailyChart
      class="dash-chart"
      days={props.days}
      series={series()}
      lang={lang()}
      text={{ day: t('dash.chart.day'), value: t('dash.chart.value'), caption: t('dash.chart.tableCaption'), loading: t('dash.chart.loading') }}
    />
  );
};

export default TimeSeries;
