import { onMount, Show, type VoidComponent } from 'solid-js';
import CopyField from '../../components/CopyField';
import type { MeKey } from '../../lib/i18n-me';
import { useMeI18n } from '../../lib/i18n-me';
import type { CreatedShare } from '../../lib/me-types';
import CopyText from './CopyText';
import PostedButton from './PostedButton';

export interface ShareResultProps {
  done: CreatedShare;
  onAgain: () => void;
}

/** The QR code (an SVG document from the API) as an image, never as markup in the page. */
const qrSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The issued link, not counted yet: the network's composer, the message to copy, the QR code, then
 * "I posted it". Loaded only once a link exists (a separate chunk from the composer).
 */
const ShareResult: VoidComponent<ShareResultProps> = (props) => {
  const { t } = useMeI18n();
  let heading: HTMLHeadingElement | undefined;
  // The form that had the focus is gone: the result's heading takes it.
  onMount(() => heading?.focus());
  const network = () => props.done.share.network;
  const networkName = (n: string) => t(`network.${n}` as MeKey);
  const openLabel = (n: string) => (n === 'email' ? t('me.share.open.email') : n === 'other' ? t('me.share.open.other') : t('me.share.open', { network: networkName(n) }));
  /** Facebook's sharer takes only the link and Instagram has no web composer: the text must be pasted. */
  const noPrefill = () => network() === 'facebook' || network() === 'instagram';

  return (
    <section class="me-card me-result" aria-labelledby="share-done">
      <h2 id="share-done" ref={heading} tabindex="-1">
        {t('me.share.done')}
      </h2>
      <div aria-live="polite">
        <Show when={props.done.similarity.nearCopy} fallback={<p class="notice notice--ok">{t('me.share.personal', { percent: Math.round(props.done.similarity.score * 100) })}</p>}>
          <p class="notice notice--warning">{t('me.share.nearCopy')}</p>
        </Show>
      </div>
      <CopyField label={t('me.share.link')} value={props.done.link.shortUrl} hint={t('me.share.linkHint')} />
      <Show when={props.done.intentUrl} fallback={<p class="hint">{t('me.share.noIntent', { network: networkName(network()) })}</p>}>
        {(intent) => (
          <p>
            <a class="button button--primary button--wide" href={intent()} target="_blank" rel="noopener noreferrer">
              {openLabel(network())} <span class="visually-hidden">{t('me.share.newTab')}</span>
            </a>
          </p>
        )}
      </Show>
      <Show when={props.done.linkShareUrl}>
        {(offsite) => (
          <>
            <p>
              <a class="button button--wide" href={offsite()} target="_blank" rel="noopener noreferrer" aria-describedby="share-offsite-hint">
                {t('me.share.offsite')} <span class="visually-hidden">{t('me.share.newTab')}</span>
              </a>
            </p>
            <p id="share-offsite-hint" class="hint">
              {t('me.share.offsiteHint')}
            </p>
          </>
        )}
      </Show>
      <CopyText
        label={t('me.share.copyText')}
        value={props.done.message}
        hint={noPrefill() ? t('me.share.copyTextHint', { network: networkName(network()) }) : t('me.share.messageHint', { network: networkName(network()) })}
        action={t('me.share.copyMessage')}
      />
      <img class="me-qr" src={qrSource(props.done.qrSvg)} alt={t('me.share.qr')} width="200" height="200" />
      <PostedButton shareId={props.done.share.id} postedAt={props.done.share.postedAt} />
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onAgain()}>
          {t('me.share.again')}
        </button>
      </div>
    </section>
  );
};

export default ShareResult;
