import { createEffect, createMemo, createResource, createSignal, Match, Show, Switch, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import { queryParam } from '../../lib/format';
import { presetPeriod, type Period } from '../../lib/kpi-period';
import { useI18n } from '../../lib/use-i18n';
import CampaignFilter, { listAllCampaigns } from './CampaignFilter';
import ExportMenu from './ExportMenu';
import PeriodPicker from './PeriodPicker';
import Report, { loadReport, type Scope } from './Report';
import '../../styles/dashboard.css';

/** Keeps the chosen campaign in the page's address (`?campaign=`), so a reload or a shared link shows it again. */
function rememberCampaign(campaignId: string | undefined): void {
  const url = new URL(location.href);
  if (campaignId) url.searchParams.set('campaign', campaignId);
  else url.searchParams.delete('campaign');
  history.replaceState(history.state, '', url);
}

/** The admin home's dashboard: period, campaign, headline KPIs, daily chart, funnel, breakdowns, CSV export. */
const Dashboard: VoidComponent<{ canWrite: boolean }> = (props) => {
  const { t, mounted } = useI18n();
  const [period, setPeriod] = createSignal<Period | undefined>();
  const [campaignId, setCampaignId] = createSignal<string | undefined>();
  const [campaigns] = createResource(mounted, listAllCampaigns);
  const ready = () => (campaigns.state === 'ready' ? campaigns() : undefined);
  // A `?campaign=` that is not one of the organisation's campaigns (deleted, mistyped) means all of them.
  const selected = createMemo(() => {
    const id = campaignId();
    return ready()?.some((campaign) => campaign.id === id) ? id : undefined;
  });
  const scope = (): Scope | undefined => {
    const current = period();
    return current && ready()?.length ? { period: current, campaignId: selected() } : undefined;
  };
  // The report waits for the campaigns: an organisation without any has nothing to show.
  const [report] = createResource(scope, loadReport);
  // The last report while the next one loads: reading a pending resource would suspend the whole home island
  // (Astro wraps it in <Suspense>) and blank the page under the toolbar.
  const shown = () => (report.state === 'ready' || report.state === 'refreshing' ? report.latest : undefined);
  const campaignName = (id: string | undefined) => ready()?.find((campaign) => campaign.id === id)?.name;

  // Today is the browser's, so the first period is set once mounted.
  createEffect(() => {
    if (mounted() && !period()) {
      setPeriod(presetPeriod('30'));
      setCampaignId(queryParam('campaign') ?? undefined);
    }
  });

  const chooseCampaign = (id: string | undefined) => {
    setCampaignId(id);
    rememberCampaign(id);
  };

  return (
    <section class="panel dash" aria-labelledby="home-dashboard" aria-busy={report.loading || campaigns.loading}>
      <h2 id="home-dashboard">{t('home.dashboard.title')}</h2>
      <Show when={mounted()}>
        <Switch fallback={<p class="meta">{t('state.loading')}</p>}>
          <Match when={campaigns.error || report.error}>
            <FormError error={campaigns.error ?? report.error} />
          </Match>
          <Match when={ready()?.length === 0}>
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
          <Match when={scope()}>
            {(current) => (
              <>
                <div class="dash-toolbar">
                  <PeriodPicker period={current().period} onChange={setPeriod} />
                  <div class="dash-toolbar__end">
                    <CampaignFilter campaigns={ready() ?? []} selected={selected()} onChange={chooseCampaign} />
                    <ExportMenu scope={current()} />
                  </div>
                </div>
                <Show when={shown()} fallback={<p class="meta">{t('state.loading')}</p>}>
                  {(data) => <Report report={data()} campaignName={campaignName(data().campaignId)} canWrite={props.canWrite} />}
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
