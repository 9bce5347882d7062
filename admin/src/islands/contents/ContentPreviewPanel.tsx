import { createSignal, Show, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import LinkPreviewCard from '../../components/LinkPreviewCard';
import { ApiClientError, client, unwrap } from '../../lib/api';
import type { Content } from '../../lib/api-types';
import { useI18n } from '../../lib/use-i18n';

export interface ContentPreviewPanelProps {
  content: Content;
  readOnly: boolean;
  onRefreshed: (content: Content) => void;
}

/** The card ambassadors see, as Relais read it from the page's Open Graph tags, and a button to read it again. */
const ContentPreviewPanel: VoidComponent<ContentPreviewPanelProps> = (props) => {
  const { t } = useI18n();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<ApiClientError | null>(null);
  const [done, setDone] = createSignal('');

  const refresh = async () => {
    setPending(true);
    setError(null);
    setDone('');
    try {
      const next = await unwrap(client.api.v1.contents[':id'].preview.$post({ param: { id: props.content.id } }));
      props.onRefreshed(next);
      setDone(next.preview ? t('content.preview.refreshed') : t('content.preview.none'));
    } catch (e) {
      if (e instanceof ApiClientError) setError(e);
      else throw e;
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="content-preview" aria-labelledby="content-preview-title">
      <h2 id="content-preview-title">{t('content.preview')}</h2>
      <p class="hint">{t('content.preview.hint')}</p>
      <Show when={props.content.preview} fallback={<p class="empty-state">{t('content.preview.none')}</p>}>
        {(preview) => <LinkPreviewCard {...preview()} />}
      </Show>
      <Show when={!props.readOnly}>
        <FormError error={error()} />
        <div class="actions">
          <button type="button" class="button" disabled={pending()} onClick={() => void refresh()}>
            {t('content.preview.refresh')}
          </button>
          <span class="saved" aria-live="polite">
            {done()}
          </span>
        </div>
      </Show>
    </section>
  );
};

export default ContentPreviewPanel;
