import { For, Show, type VoidComponent } from 'solid-js';
import ListState from '../../components/ListState';
import LoadMore from '../../components/LoadMore';
import { client, unwrap } from '../../lib/api';
import type { Campaign } from '../../lib/api-types';
import { createPagedList } from '../../lib/paged';
import { useI18n } from '../../lib/use-i18n';

export interface CampaignContentsProps {
  campaign: Campaign;
  canWrite: boolean;
}

/** The campaign's contents (`GET /contents?campaignId=`), each linking to its editor. */
const CampaignContents: VoidComponent<CampaignContentsProps> = (props) => {
  const { t } = useI18n();
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
