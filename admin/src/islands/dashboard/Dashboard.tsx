import { createEffect, createResource, createSignal, Match, Show, Switch, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import { client, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatCount } from '../../lib/kpi-format';
import { daysOf, presetPeriod, previousPeriod, type Period } from '../../lib/kpi-period';
import type { KpiGroupBy, KpiQuery } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';
import BreakdownTable from './BreakdownTable';
import Funnel from './Funnel';
import KpiTiles from './KpiTiles';
import PeriodPicker from './PeriodPicker';
import TimeSeries from './TimeSeries';
import '../../styles/dashboard.css';

const kpis = (query: KpiQuery) => unwrap(client.api.v1.kpis.$get({ query }));

/** Everything the dashboard shows for one period: 6 calls to `/kpis`, in parallel. */
async function loadReport(period: Period) {
  const previous = previousPeriod(period);
  const grouped = (groupBy: KpiGroupBy) => kpis({ ...period, groupBy });
  const [byDay, before, campaign, network, content, ambassador] = await Promise.all([
    grouped('day'),
    kpis(previous),
    grouped('campaign'),
    grouped('network'),
    grouped('content'),
    grouped('ambassador'),
  ]);
  return { period, previous, current: byDay, before: before.totals, groups: { campaign, network, content, ambassador } };
}

/** Whether the organisation has at least one campaign (for the "create one" empty state). */
async function hasCampaign(): Promise<boolean> {
  const page = await unwrap(client.api.v1.campaigns.$get({ query: { limit: '1' } }));
  return page.items.length > 0;
}

/** The admin home's dashboard: period, headline KPIs, daily chart, funnel, breakdowns, CSV export. */
const Dashboard: VoidComponent<{ canWrite: boolean }> = (props) => {
  const { t, lang, mounted } = useI18n();
  const [period, setPeriod] = createSignal<Period | undefined>();
  const [campaigns] = createResource(mounted, hasCampaign);
  const [report] = createResource(period, loadReport);

  // Today is the browser's, so the first period is set once mounted.
  createEffect(() => {
    if (mounted() && !period()) setPeriod(presetPeriod('30'));
  });

  const exportHref = (p: Period) => `/api/v1/exports/kpis.csv?${new URLSearchParams({ from: p.from, to: p.to, groupBy: 'campaign' })}`;

  return (
    <section class="panel dash" aria-labelledby="home-dashboard" aria-busy={report.loading || campaigns.loading}>
      <h2 id="home-dashboard">{t('home.dashboard.title')}</h2>
      <Show when={mounted()}>
        <Switch>
          <Match when={campaigns.error || report.error}>
            <FormError error={campaigns.error ?? report.error} />
          </Match>
          <Match when={campaigns() === false}>
            <div class="empty-state" data-empty="no-campaign">
              <h3>{t('dash.empty.noCampaign.title')}</h3>
              <p>{t('dash.empty.noCampaign.body')}</p>
              <Show when={props.canWrite}>
                <p>
                  <a class="button button--primary" href="/admin/campaigns/edit/">{t('dash.empty.noCampaign.action')}</a>
                </p>
              </Show>
            </div>
          </Match>
          <Match when={period()}>
            {(current) => (
              <>
                <div class="dash-toolbar">
                  <PeriodPicker period={current()} onChange={setPeriod} />
                  <a class="button" href={exportHref(current())} download="">
                    {t('dash.export')}
                  </a>
                </div>
                <Show when={report()} fallback={<p class="meta">{t('state.loading')}</p>}>
                  {(data) => (
                    <>
                      <p class="meta" data-testid="dash-period" aria-live="polite">
                        {t('dash.period.showing', {
                          from: formatDate(data().period.from, lang()),
                          to: formatDate(data().period.to, lang()),
                          prevFrom: formatDate(data().previous.from, lang()),
                          prevTo: formatDate(data().previous.to, lang()),
                        })}
                      </p>
                      <Show when={data().current.totals.clicks === 0}>
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
                        <KpiTiles current={data().current.totals} previous={data().before} currency={data().current.currency} />
                        <p class="meta dash-filtered" data-testid="dash-filtered">
                          {t('dash.filtered', {
                            preview: formatCount(data().current.totals.filtered.preview, lang()),
                            scanner: formatCount(data().current.totals.filtered.scanner, lang()),
                            automated: formatCount(data().current.totals.filtered.automated, lang()),
                            self: formatCount(data().current.totals.filtered.self, lang()),
                            optout: formatCount(data().current.totals.filtered.optout, lang()),
                          })}
                        </p>
                      </section>
                      <div class="dash-grid">
                        <section aria-labelledby="dash-chart-title">
                          <h3 id="dash-chart-title">{t('dash.chart.title')}</h3>
                          <TimeSeries days={daysOf(data().period)} groups={data().current.groups} />
                        </section>
                        <section aria-labelledby="dash-funnel-title">
                          <h3 id="dash-funnel-title">{t('dash.funnel.title')}</h3>
                          <Funnel totals={data().current.totals} />
                        </section>
                      </div>
                      <BreakdownTable id="dash-by-campaign" title="dash.breakdown.campaign" groups={data().groups.campaign.groups} currency={data().current.currency} />
                      <BreakdownTable id="dash-by-network" title="dash.breakdown.network" groups={data().groups.network.groups} currency={data().current.currency} />
                      <BreakdownTable id="dash-by-content" title="dash.breakdown.content" groups={data().groups.content.groups} currency={data().current.currency} />
                      <BreakdownTable
                        id="dash-by-ambassador"
                        title="dash.breakdown.ambassador"
                        note="dash.breakdown.ambassadorNote"
                        groups={data().groups.ambassador.groups}
                        currency={data().current.currency}
                      />
                    </>
                  )}
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </Show>
    </section>
  );
};

export default Dashboard;
