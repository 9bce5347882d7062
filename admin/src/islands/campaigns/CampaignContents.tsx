import { createResource, For, Show, type VoidComponent } from 'solid-js';
import ListState from '../../components/ListState';
import LoadMore from '../../components/LoadMore';
import { client, unwrap } from '../../lib/api';
import type { Campaign } from '../../lib/api-types';
import { loadNumbers } from '../../lib/campaign-numbers';
import { formatCount } from '../../lib/kpi-format';
import { createPagedList } from '../../lib/paged';
import { useI18n } from '../../lib/use-i18n';

export interface CampaignContentsProps {
  campaign: Campaign;
  canWrite: boolean;
}

/** The campaign's contents (`GET /contents?campaignId=`), each linking to its editor. */
const CampaignContents: VoidComponent<CampaignContentsProps> = (props) => {
  const { t, lang } = useI18n();
  const [numbers] = createResource(() => props.campaign.id, (campaignId) => loadNumbers('content', campaignId));
  const figures = (totals: { clicks: number; uniqueVisitors: number; conversions: number } | undefined) =>
    `${t('dash.kpi.clicks')} ${formatCount(totals?.clicks ?? 0, lang())} · ${t('dash.kpi.uniqueVisitors')} ${formatCount(totals?.uniqueVisitors ?? 0, lang())} · ${t('dash.kpi.conversions')} ${formatCount(totals?.conversions ?? 0, lang())}`;
  const list = createPagedList(
    () => props.campaign.id,
    (campaignId, cursor) => unwrap(client.api.v1.contents.$get({ query: { campaignId, cursor } })),
  );
  const newContent = () => `/admin/contents/edit/?campaignId=${encodeURIComponent(props.campaign.id)}`;

  return (
    <section class="panel" aria-labelledby="campaign-contents">
      <div class="toolbar">
        <h2 id="campaign-contents">{t('campaign.contents')}</h2>
        <Show when={props.canWrite}>
          <a class="button button--primary" href={newContent()}>
            {t('content.add')}
          </a>
        </Show>
      </div>
      <Show when={numbers.latest}>
        {(current) => (
          <p class="meta" data-testid="campaign-numbers">
            <strong>{t('campaign.numbers.title')}</strong> — {current().totals.clicks > 0 ? figures(current().totals) : t('campaign.numbers.none')}
          </p>
        )}
      </Show>
      <ListState list={list} emptyState={<p>{t('campaign.contents.empty')}</p>}>
        <ul class="cards">
          <For each={list.items()}>
            {(content) => (
              <li class="card">
                <a href={`/admin/contents/edit/?id=${encodeURIComponent(content.id)}`}>{content.title}</a>
                <span class="meta">
                  {t(`kind.${content.kind}`)} · <code>{content.slug}</code>
                  <Show when={content.status === 'archived'}> · {t('contentStatus.archived')}</Show>
                </span>
                <Show when={numbers.latest}>{(current) => <span class="meta" data-testid="content-numbers">{figures(current().byKey.get(content.id))}</span>}</Show>
                <a href={`/admin/contents/stats/?id=${encodeURIComponent(content.id)}`} aria-label={t('sources.openOf', { title: content.title })}>
                  {t('sources.open')}
                </a>
              </li>
            )}
          </For>
        </ul>
        <LoadMore list={list} />
      </ListState>
    </section>
  );
};

export default CampaignContents;
