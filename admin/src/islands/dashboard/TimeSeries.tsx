import { createEffect, createSignal, For, onCleanup, onMount, Show, type VoidComponent } from 'solid-js';
import { formatCount, formatDay } from '../../lib/kpi-format';
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

/**
 * Clicks, unique visitors and conversions by day. The chart (uPlot, loaded only when this island
 * runs) is decoration for sighted users; the visually-hidden table beside it carries the same data.
 */
const TimeSeries: VoidComponent<TimeSeriesProps> = (props) => {
  const { t, lang } = useI18n();
  const [ready, setReady] = createSignal(false);
  let box: HTMLDivElement | undefined;
  let plot: { destroy: () => void; setSize: (s: { width: number; height: number }) => void } | undefined;
  let observer: ResizeObserver | undefined;
  let UPlot: typeof import('uplot') | undefined;

  const rows = () => {
    const byDay = new Map(props.groups.map((g) => [g.key.slice(0, 10), g.totals]));
    return props.days.map((day) => {
      const totals = byDay.get(day);
      return { day, clicks: totals?.clicks ?? 0, uniqueVisitors: totals?.uniqueVisitors ?? 0, conversions: totals?.conversions ?? 0 };
    });
  };

  const draw = () => {
    if (!UPlot || !box) return;
    plot?.destroy();
    const data = rows();
    const width = Math.max(box.clientWidth, 280);
    plot = new UPlot(
      {
        width,
        height: 260,
        scales: { x: { time: true } },
        series: [{}, ...SERIES.map((s) => ({ label: t(s.label), stroke: s.color, width: 2, points: { show: false } }))],
        axes: [{ stroke: '#4a5361' }, { stroke: '#4a5361' }],
        legend: { show: true, live: false },
        cursor: { show: false },
      },
      [data.map((r) => Date.parse(`${r.day}T00:00:00Z`) / 1000), ...SERIES.map((s) => data.map((r) => r[s.key]))],
      box,
    );
  };

  onMount(async () => {
    const [mod] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
    UPlot = mod.default;
    setReady(true);
    observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(box?.clientWidth ?? 280, 280), height: 260 }));
    if (box) observer.observe(box);
  });

  createEffect(() => {
    // Track the data and the language; redraw once uPlot is there.
    rows();
    lang();
    if (ready()) draw();
  });

  onCleanup(() => {
    observer?.disconnect();
    plot?.destroy();
  });

  return (
    <figure class="dash-chart">
      <div class="dash-chart__plot" ref={box} aria-hidden="true">
        <Show when={!ready()}>
          <p class="meta">{t('dash.chart.loading')}</p>
        </Show>
      </div>
      <table class="visually-hidden">
        <caption>{t('dash.chart.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.chart.day')}</th>
            <For each={SERIES}>{(s) => <th scope="col">{t(s.label)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr>
                <th scope="row">{formatDay(row.day, lang())}</th>
                <td>{formatCount(row.clicks, lang())}</td>
                <td>{formatCount(row.uniqueVisitors, lang())}</td>
                <td>{formatCount(row.conversions, lang())}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
};

export default TimeSeries;
