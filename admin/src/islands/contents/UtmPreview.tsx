import { For, Match, Show, Switch, type VoidComponent } from 'solid-js';
import type { Network } from '../../lib/api-types';
import { useI18n } from '../../lib/use-i18n';
import { previewTrackedUrl } from '../../lib/utm-preview';

export interface UtmPreviewProps {
  url: string;
  networks: Network[];
  utmMedium: string;
  campaignSlug: string;
  contentSlug: string;
}

/**
 * Where a click on an ambassador's short link lands, per selected network, recomputed as the admin
 * types: the redirect's own merge of the target URL and the tracking parameters.
 */
const UtmPreview: VoidComponent<UtmPreviewProps> = (props) => {
  const { t } = useI18n();
  const preview = (network: Network) =>
    previewTrackedUrl({ url: props.url, network, utmMedium: props.utmMedium, campaignSlug: props.campaignSlug, contentSlug: props.contentSlug });

  return (
    <section class="panel preview" aria-labelledby="utm-preview-title">
      <h2 id="utm-preview-title">{t('preview.title')}</h2>
      <p class="hint">{t('preview.intro')}</p>
      <Switch>
        <Match when={props.networks.length === 0}>
          <p>{t('preview.noNetwork')}</p>
        </Match>
        <Match when={preview(props.networks[0] ?? 'linkedin') === null}>
          <p>{t('preview.noUrl')}</p>
        </Match>
        <Match when={true}>
          <dl class="preview-list">
            <For each={props.networks}>
              {(network) => (
                <>
                  <dt>{t(`network.${network}`)}</dt>
                  <dd>
                    <code class="url">
                      <For each={preview(network) ?? []}>
                        {(part) => ('text' in part ? part.text : <var>{part.placeholder === 'clickId' ? t('preview.clickId') : t('preview.contentSlug')}</var>)}
                      </For>
                    </code>
                  </dd>
                </>
              )}
            </For>
          </dl>
          <Show when={!props.contentSlug}>
            <p class="hint">{t('preview.slugLater')}</p>
          </Show>
          <p class="hint">{t('preview.clickIdHint')}</p>
        </Match>
      </Switch>
    </section>
  );
};

export default UtmPreview;
