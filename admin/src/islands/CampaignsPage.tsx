import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import PagedTable from '../components/PagedTable';
import { Select } from '../components/Select';
import { client, unwrap } from '../lib/api';
import type { CampaignStatus } from '../lib/api-types';
import { CAMPAIGN_STATUSES } from '../lib/enums';
import { loadNumbers } from '../lib/campaign-numbers';
import { formatDate } from '../lib/format';
import { formatCount } from '../lib/kpi-format';
import { createPagedList } from '../lib/paged';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import Pending from '../components/Pending';

/** `/admin/campaigns/`: campaigns newest first, filtered by status. */
const CampaignsPage: VoidComponent = () => {
  const { t, lang, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [status, setStatus] = createSignal<CampaignStatus | ''>('');
  // One call for every row: the last 30 days per campaign.
  const [numbers] = createResource(mounted, () => loadNumbers('campaign'));
  const count = (id: string, key: 'clicks' | 'uniqueVisitors' | 'conversions') => (numbers.latest ? formatCount(numbers.latest.byKey.get(id)?.[key] ?? 0, lang()) : '…');
  // The source changes with the filter, so the list reloads from its first page.
  const list = createPagedList(
    () => mounted() && { status: status() || undefined },
    (query, cursor) => unwrap(client.api.v1.campaigns.$get({ query: { ...query, cursor } })),
  );

  return (
    <Pending>
      <>
        <div class="toolbar">
          <div class="field field--inline">
            <label for="status-filter">{t('field.status')}</label>
            <Select attrs={{ id: 'status-filter' }} value={status()} onChange={setStatus} options={[{ value: '', label: t('filter.all') }, ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaignStatus.${s}`) }))]} />
          </div>
          <Show when={canWrite(me())}>
            <a class="button button--primary" href="/admin/campaigns/edit/">
              {t('campaigns.new')}
            </a>
          </Show>
        </div>
        <p class="meta">{t('campaigns.numbers.caption')}</p>
        <PagedTable
          list={list}
          label={t('campaigns.title')}
          caption
          columns={[t('field.name'), t('campaign.objective'), t('field.status'), t('campaign.startsAt'), t('campaign.endsAt'), t('dash.kpi.clicks'), t('dash.kpi.uniqueVisitors'), t('dash.kpi.conversions')]}
          emptyState={
            <>
              <p>{status() ? t('campaigns.emptyFiltered') : t('campaigns.empty')}</p>
              <Show when={!status() && canWrite(me())}>
                <a class="button button--primary" href="/admin/campaigns/edit/">
                  {t('campaigns.createFirst')}
                </a>
              </Show>
            </>
          }
          row={(campaign) => (
            <tr>
              <th scope="row">
                <a href={`/admin/campaigns/edit/?id=${encodeURIComponent(campaign.id)}`}>{campaign.name}</a>
              </th>
              <td>{t(`objective.${campaign.objective}`)}</td>
              <td>
                <span class={`badge badge--${campaign.status}`}>{t(`campaignStatus.${campaign.status}`)}</span>
              </td>
              <td>{formatDate(campaign.startsAt, lang()) || '—'}</td>
              <td>{formatDate(campaign.endsAt, lang()) || '—'}</td>
              <td class="num" data-kpi="clicks">{count(campaign.id, 'clicks')}</td>
              <td class="num" data-kpi="uniqueVisitors">{count(campaign.id, 'uniqueVisitors')}</td>
              <td class="num" data-kpi="conversions">{count(campaign.id, 'conversions')}</td>
            </tr>
          )}
        />
      </>
    </Pending>
  );
};

export default CampaignsPage;
