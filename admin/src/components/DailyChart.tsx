import { createEffect, createSignal, For, onCleanup, onMount, Show, type VoidComponent } from 'solid-js';
import { formatCount, formatDay } from '../lib/kpi-format';
import type { Locale } from '../lib/translator';
import '../styles/chart.css';

/** One line of the chart: its name, colour and one value per day. */
export interface ChartSeries {
  label: string;
  color: string;
  values: readonly number[];
}

export interface DailyChartProps {
  /** Every day shown, `YYYY-MM-DD`, oldest first. */
  days: readonly string[];
  series: readonly ChartSeries[];
  lang: Locale;
  /** The figure's own class; its plot gets `<class>__plot`. */
  class: string;
  /** The words around the numbers, in the page's language. */
  text: { day: string; value: string; caption: string; loading: string };
}

const HEIGHT = 260;
const AXIS = '#4a5361';
const FONT = '12px system-ui, sans-serif';
/** Tick steps in days (x) and in counts (y): whole numbers only. */
const DAY_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364];
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7];

type Plot = { destroy: () => void; setSize: (size: { width: number; height: number }) => void };

/**
 * Values by day as lines, with labelled axes whose dates and numbers follow the page's language. The chart
 * (uPlot, imported only once the component runs in the browser) is for sighted users; the visually-hidden
 * table beside it carries the same numbers. The x scale counts days, so no time zone can move a date.
 */
const DailyChart: VoidComponent<DailyChartProps> = (props) => {
  const [ready, setReady] = createSignal(false);
  let box: HTMLDivElement | undefined;
  let plot: Plot | undefined;
  let observer: ResizeObserver | undefined;
  let UPlot: typeof import('uplot') | undefined;
  const width = () => Math.max(box?.clientWidth ?? 0, 240);

  const draw = () => {
    if (!UPlot || !box) return;
    plot?.destroy();
    const { days, series, lang, text } = props;
    const last = Math.max(days.length - 1, 1);
    plot = new UPlot(
      {
        width: width(),
        height: HEIGHT,
        scales: { x: { time: false, range: [0, last] }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
        series: [{ label: text.day }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: days.length <= 31 } }))],
        axes: [
          {
            stroke: AXIS, font: FONT, labelFont: `600 ${FONT}`, label: text.day, space: 64, incrs: DAY_STEPS,
            values: (_u, splits) => splits.map((i) => (days[i] ? formatDay(days[i], lang) : '')),
          },
          {
            stroke: AXIS, font: FONT, labelFont: `600 ${FONT}`, label: text.value, size: 56, incrs: COUNT_STEPS,
            values: (_u, splits) => splits.map((v) => formatCount(v, lang)),
          },
        ],
        legend: { show: false },
        cursor: { show: false },
      },
      [days.map((_, i) => i), ...series.map((s) => [...s.values])],
      box,
    );
  };

  onMount(async () => {
    const [mod] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
    UPlot = mod.default;
    setReady(true);
    observer = new ResizeObserver(() => plot?.setSize({ width: width(), height: HEIGHT }));
    if (box) observer.observe(box);
  });

  createEffect(() => {
    // Track the data and the words; draw once uPlot is there.
    void [props.days, props.series, props.lang, props.text];
    if (ready()) draw();
  });

  onCleanup(() => {
    observer?.disconnect();
    plot?.destroy();
  });

  return (
    <figure class={`chart ${props.class}`}>
      <Show when={props.series.length > 1}>
        <ul class="chart__legend" aria-hidden="true">
          <For each={props.series}>
            {(s) => (
              <li>
                <svg class="chart__swatch" viewBox="0 0 12 12">
                  <rect width="12" height="12" rx="2" fill={s.color} />
                </svg>
                {s.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class={`chart__plot ${props.class}__plot`} ref={box} aria-hidden="true">
        <Show when={!ready()}>
          <p class="meta">{props.text.loading}</p>
        </Show>
      </div>
      <table class="visually-hidden">
        <caption>{props.text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.text.day}</th>
            <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.days}>
            {(day, i) => (
              <tr>
                <th scope="row">{formatDay(day, props.lang)}</th>
                <For each={props.series}>{(s) => <td>{formatCount(s.values[i()] ?? 0, props.lang)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
};

export default DailyChart;
