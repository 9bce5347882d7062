import { For, Show, type VoidComponent } from 'solid-js';
import { client, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatCount } from '../../lib/kpi-format';
import { daysOf, previousPeriod, type Period } from '../../lib/kpi-period';
import type { KpiQuery } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';
import BreakdownTable, { BREAKDOWNS } from './BreakdownTable';
import Funnel from './Funnel';
import KpiTiles from './KpiTiles';
import TimeSeries from './TimeSeries';

const kpis = (query: KpiQuery) => unwrap(client.api.v1.kpis.$get({ query }));

/** What the dashboard shows: a period, and one campaign or (undefined) all of them. */
export interface Scope {
  period: Period;
  campaignId: string | undefined;
}

/** The breakdowns shown: all of them, but "by campaign" for one campaign (it would have a single row). */
export const breakdownsFor = (campaignId: string | undefined) => BREAKDOWNS.filter((groupBy) => !(campaignId && groupBy === 'campaign'));

/**
 * Everything the dashboard shows for one scope, in parallel: 7 calls to `/kpis`, or 6 for one campaign
 * (its "by campaign" table would have a single row).
 */
export async function loadReport({ period, campaignId }: Scope) {
  const previous = previousPeriod(period);
  const groupBys = breakdownsFor(campaignId);
  const [current, before, breakdowns] = await Promise.all([
    kpis({ ...period, campaignId, groupBy: 'day' }),
    kpis({ ...previous, campaignId }),
    Promise.all(groupBys.map(async (groupBy) => [groupBy, (await kpis({ ...period, campaignId, groupBy })).groups] as const)),
  ]);
  return { period, previous, campaignId, current, before: before.totals, breakdowns: new Map(breakdowns) };
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>;

export interface ReportProps {
  report: ReportData;
  /** The name of the campaign the report covers, when it covers one. */
  campaignName: string | undefined;
  canWrite: boolean;
}

/** One loaded report: what it covers, headline KPIs, daily chart, funnel and breakdowns. */
const Report: VoidComponent<ReportProps> = (props) => {
  const { t, lang } = useI18n();
  return (
    <>
      <p class="meta" data-testid="dash-period" aria-live="polite">
        {t('dash.period.showing', {
          from: formatDate(props.report.period.from, lang()),
          to: formatDate(props.report.period.to, lang()),
          prevFrom: formatDate(props.report.previous.from, lang()),
          prevTo: formatDate(props.report.previous.to, lang()),
        })}
        <Show when={props.campaignName}>{(name) => ` ${t('dash.campaign.showing', { name: name() })}`}</Show>
      </p>
      <Show when={props.report.current.totals.clicks === 0}>
        <div class="empty-state" data-empty="no-clicks">
          <h3>{t('dash.empty.noClicks.title')}</h3>
          <p>{t('dash.empty.noClicks.body')}</p>
          <p class="dash-actions">
            <Show when={props.canWrite}>
              <a class="button button--primary" href="/admin/ambassadors/">{t('dash.empty.noClicks.invite')}</a>
            </Show>
            <a class="button" href="/admin/campaigns/">{t('dash.empty.noClicks.share')}</a>
          </p>
        </div>
      </Show>
      <section aria-labelledby="dash-tiles-title">
        <h3 id="dash-tiles-title">{t('dash.tiles.title')}</h3>
        <KpiTiles current={props.report.current.totals} previous={props.report.before} currency={props.report.current.currency} />
        <p class="meta dash-filtered" data-testid="dash-filtered">
          {t('dash.filtered', {
            preview: formatCount(props.report.current.totals.filtered.preview, lang()),
            scanner: formatCount(props.report.current.totals.filtered.scanner, lang()),
            automated: formatCount(props.report.current.totals.filtered.automated, lang()),
            self: formatCount(props.report.current.totals.filtered.self, lang()),
            optout: formatCount(props.report.current.totals.filtered.optout, lang()),
          })}
        </p>
      </section>
      <div class="dash-grid">
        <section aria-labelledby="dash-chart-title">
          <h3 id="dash-chart-title">{t('dash.chart.title')}</h3>
          <TimeSeries days={daysOf(props.report.period)} groups={props.report.current.groups} />
        </section>
        <section aria-labelledby="dash-funnel-title">
          <h3 id="dash-funnel-title">{t('dash.funnel.title')}</h3>
          <Funnel totals={props.report.current.totals} />
        </section>
      </div>
      <For each={BREAKDOWNS}>
        {(groupBy) => (
          <Show when={props.report.breakdowns.get(groupBy)}>
            {(groups) => <BreakdownTable groupBy={groupBy} groups={groups()} currency={props.report.current.currency} />}
          </Show>
        )}
      </For>
    </>
  );
};

export default Report;
