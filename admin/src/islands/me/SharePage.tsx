import { createMemo, createResource, createSignal, For, Show, type JSX, type VoidComponent } from 'solid-js';
import CopyField from '../../components/CopyField';
import Field from '../../components/Field';
import FormError from '../../components/FormError';
import { ApiClientError, client } from '../../lib/api';
import { queryParam } from '../../lib/format';
import { createSubmission } from '../../lib/forms';
import type { MeKey } from '../../lib/i18n-me';
import { ensureCharterAccepted, meCall, TEXT_LIMITS } from '../../lib/me-api';
import type { CreatedShare, FeedItem, ShareNetwork } from '../../lib/me-types';
import { useMeI18n } from '../../lib/i18n-me';
import { ideasOf } from './ideas';
import CopyText from './CopyText';
import MeError from './MeError';

/** The QR code (an SVG document from the API) as an image, never as markup in the page. */
const qrSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The composer: pick a network, write the post in one's own words (with the network's character
 * count), then get the personal short link, the network's intent, the QR code and the similarity hint.
 */
const SharePage: VoidComponent = () => {
  const { t, mounted } = useMeI18n();
  const contentId = () => (mounted() ? { id: queryParam('contentId') ?? '' } : false);
  const [item] = createResource(contentId, async ({ id }): Promise<FeedItem | null> => {
    if (id === '') return null;
    const [page] = await Promise.all([meCall(client.api.v1.me.feed.$get({ query: { limit: '200' } })), ensureCharterAccepted()]);
    return page.items.find((entry) => entry.id === id) ?? null;
  });
  const [chosen, setChosen] = createSignal<ShareNetwork | null>(null);
  const network = () => chosen() ?? item()?.networks[0] ?? null;
  const [text, setText] = createSignal('');
  const [result, setResult] = createSignal<CreatedShare | null>(null);
  let form: HTMLFormElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  const submission = createSubmission(() => form, ['text', 'network']);

  const networkName = (n: string) => t(`network.${n}` as MeKey);
  const openLabel = (n: string) => (n === 'email' ? t('me.share.open.email') : n === 'other' ? t('me.share.open.other') : t('me.share.open', { network: networkName(n) }));
  /** Facebook's sharer takes only the link and Instagram has no web composer: the text is offered to copy. */
  const noPrefill = (n: string) => n === 'facebook' || n === 'instagram';
  const limit = createMemo(() => {
    const n = network();
    return n ? TEXT_LIMITS[n] : undefined;
  });
  const count = () => [...text()].length;
  const over = () => {
    const max = limit();
    return max !== undefined && count() > max;
  };

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const n = network();
    const current = item();
    if (!n || !current) return;
    if (text().trim() === '') return submission.fail(new ApiClientError(422, 'validation_failed', t('me.share.required'), 'text'));
    if (over()) return submission.fail(new ApiClientError(422, 'validation_failed', t('me.share.tooLong', { network: networkName(n), max: limit() ?? 0 }), 'text'));
    const created = await submission.run(() => meCall(client.api.v1.me.shares.$post({ json: { contentId: current.id, network: n, text: text() } })));
    if (created) {
      setResult(created);
      heading?.focus();
    }
  };

  return (
    <>
      <p>
        <a href="/me/">{t('me.share.back')}</a>
      </p>
      <Show when={!item.error} fallback={<MeError error={item.error} />}>
        <Show when={item() !== undefined} fallback={<p class="loading">{t('state.loading')}</p>}>
          <Show when={item()} fallback={<p class="notice notice--error" role="alert">{t('me.share.notFound')}</p>}>
            {(current) => (
              <>
                <section class="me-card" aria-labelledby="share-content">
                  <h2 id="share-content">{current().title}</h2>
                  <Show when={ideasOf(current().talkingPoints).length > 0}>
                    <h3>{t('me.feed.ideas')}</h3>
                    <ul class="me-ideas">
                      <For each={ideasOf(current().talkingPoints)}>{(idea) => <li>{idea}</li>}</For>
                    </ul>
                  </Show>
                </section>
                <Show when={result()} fallback={
                  <form ref={form} class="form me-form" novalidate onSubmit={submit}>
                    <fieldset class="plain">
                      <legend>{t('me.share.network')}</legend>
                      <div class="me-networks">
                        <For each={current().networks}>
                          {(n) => (
                            <label class="me-network">
                              <input type="radio" name="network" value={n} checked={network() === n} onChange={() => {
                                  setChosen(n);
                                  submission.clear();
                                }} />
                              <span>{networkName(n)}</span>
                            </label>
                          )}
                        </For>
                      </div>
                    </fieldset>
                    <Field name="text" label={t('me.share.text')} hint={t('me.share.textHint')} error={submission.fieldError('text')}>
                      {(attrs) => (
                        <>
                          <textarea
                            {...attrs}
                            aria-describedby={[attrs['aria-describedby'], 'share-count'].filter(Boolean).join(' ')}
                            rows={8}
                            required
                            value={text()}
                            onInput={(e) => {
                              setText(e.currentTarget.value);
                              if (submission.error()) submission.clear();
                            }}
                          />
                          <p id="share-count" class="me-count" classList={{ 'me-count--over': over() }}>
                            {limit() === undefined ? t('me.share.countFree', { count: count() }) : t('me.share.count', { count: count(), max: limit() ?? 0 })}
                          </p>
                          <p class="visually-hidden" aria-live="polite">
                            {over() ? t('me.share.tooLong', { network: networkName(network() ?? ''), max: limit() ?? 0 }) : ''}
                          </p>
                        </>
                      )}
                    </Field>
                    <FormError error={submission.formError()} />
                    <div class="actions">
                      <button type="submit" class="button button--primary button--wide" disabled={submission.pending()}>
                        {submission.pending() ? t('me.share.pending') : t('me.share.submit')}
                      </button>
                    </div>
                  </form>
                }>
                  {(done) => (
                    <section class="me-card me-result" aria-labelledby="share-done">
                      <h2 id="share-done" ref={heading} tabindex="-1">
                        {t('me.share.done')}
                      </h2>
                      <div aria-live="polite">
                        <Show
                          when={done().similarity.nearCopy}
                          fallback={<p class="notice notice--ok">{t('me.share.personal', { percent: Math.round(done().similarity.score * 100) })}</p>}
                        >
                          <p class="notice notice--warning">{t('me.share.nearCopy')}</p>
                        </Show>
                      </div>
                      <CopyField label={t('me.share.link')} value={done().link.shortUrl} hint={t('me.share.linkHint')} />
                      <Show when={done().intentUrl} fallback={<p class="hint">{t('me.share.noIntent', { network: networkName(done().share.network) })}</p>}>
                        {(intent) => (
                          <p>
                            <a class="button button--primary button--wide" href={intent()} target="_blank" rel="noopener noreferrer">
                              {openLabel(done().share.network)} <span class="visually-hidden">{t('me.share.newTab')}</span>
                            </a>
                          </p>
                        )}
                      </Show>
                      <Show when={noPrefill(done().share.network)}>
                        <CopyText label={t('me.share.copyText')} value={done().share.text} hint={t('me.share.copyTextHint', { network: networkName(done().share.network) })} />
                      </Show>
                      <img class="me-qr" src={qrSource(done().qrSvg)} alt={t('me.share.qr')} width="200" height="200" />
                      <div class="actions">
                        <button type="button" class="button" onClick={() => setResult(null)}>
                          {t('me.share.again')}
                        </button>
                      </div>
                    </section>
                  )}
                </Show>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </>
  );
};

export default SharePage;
