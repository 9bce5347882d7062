import { createResource, For, Show, type VoidComponent } from 'solid-js';
import LinkPreviewCard from '../../components/LinkPreviewCard';
import { client } from '../../lib/api';
import type { MeKey } from '../../lib/i18n-me';
import { ensureCharterAccepted, meCall } from '../../lib/me-api';
import { useMeI18n } from '../../lib/i18n-me';
import MeError from './MeError';
import Pending from '../../components/Pending';

/** Active content to share, as cards: title, kind, the page's preview, ideas (not a text to paste), networks, a Share link. */
const FeedPage: VoidComponent = () => {
  const { t, mounted } = useMeI18n();
  const [feed] = createResource(mounted, async () => {
    const [page] = await Promise.all([meCall(client.api.v1.me.feed.$get({ query: { limit: '100' } })), ensureCharterAccepted()]);
    return page;
  });
  const networks = (list: readonly string[]) => list.map((n) => t(`network.${n}` as MeKey)).join(', ');

  return (
    <Pending>
      <>
        <p class="lead">{t('me.feed.intro')}</p>
        <p>
          <a href="/me/guide/">{t('me.guide.link')}</a>
        </p>
        <Show when={!feed.error} fallback={<MeError error={feed.error} />}>
          <Show when={feed()} fallback={<p class="loading">{t('state.loading')}</p>}>
            {(page) => (
              <Show when={page().items.length > 0} fallback={<p class="empty-state">{t('me.feed.empty')}</p>}>
                <ul class="me-feed">
                  <For each={page().items}>
                    {(item) => (
                      <li>
                        <article class="me-card" aria-labelledby={`c-${item.id}`}>
                          <p class="me-kind">{t(`kind.${item.kind}` as MeKey)} · {item.campaign.name}</p>
                          <h2 id={`c-${item.id}`}>{item.title}</h2>
                          <Show when={item.preview}>{(preview) => <LinkPreviewCard {...preview()} />}</Show>
                          <Show when={item.talkingPoints.trim() !== ''}>
                            <h3>{t('me.feed.ideas')}</h3>
                            {/* Rendered by the API: the Markdown escaped first, then a few tags of its own. */}
                            <div class="prose me-ideas" innerHTML={item.talkingPointsHtml} />
                          </Show>
                          <p class="meta">{t('me.feed.networks', { networks: networks(item.networks) })}</p>
                          <Show when={item.linkedNetworks.length > 0}>
                            <p class="meta">{t('me.feed.shared', { networks: networks(item.linkedNetworks) })}</p>
                          </Show>
                          <a class="button button--primary button--wide" href={`/me/share/?contentId=${encodeURIComponent(item.id)}`} aria-label={t('me.feed.shareLabel', { title: item.title })}>
                            {t('me.feed.share')}
                          </a>
                        </article>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </Show>
      </>
    </Pending>
  );
};

export default FeedPage;
