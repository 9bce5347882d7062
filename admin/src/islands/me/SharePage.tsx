import { createMemo, createResource, createSignal, For, lazy, Show, Suspense, type JSX, type VoidComponent } from 'solid-js';
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
import DisclosureButton from './DisclosureButton';
import MeError from './MeError';
import { createSimilarityPreview } from './similarity-preview';
import { settled } from '../../lib/settled';
import Pending from '../../components/Pending';

// Needed only once a link exists: kept out of the page's first load.
const loadResult = () => import('./ShareResult');
const ShareResult = lazy(loadResult);

/**
 * The composer: pick a network, write the post in one's own words (with the network's character
 * count and, while typing, how much it reads as a copy), then create the personal short link; the
 * result offers the network's composer, the message to copy, the QR code and "I posted it".
 */
const SharePage: VoidComponent = () => {
  const { t, mounted } = useMeI18n();
  const [disclosure, setDisclosure] = createSignal<string | null>(null);
  const contentId = () => (mounted() ? { id: queryParam('contentId') ?? '' } : false);
  const [item] = createResource(contentId, async ({ id }): Promise<FeedItem | null> => {
    if (id === '') return null;
    const [page, me] = await Promise.all([meCall(client.api.v1.me.feed.$get({ query: { limit: '200' } })), ensureCharterAccepted()]);
    setDisclosure(me.organisation.disclosure);
    return page.items.find((entry) => entry.id === id) ?? null;
  });
  const [chosen, setChosen] = createSignal<ShareNetwork | null>(null);
  const network = () => chosen() ?? settled(item)?.networks[0] ?? null;
  const [text, setText] = createSignal('');
  const [result, setResult] = createSignal<CreatedShare | null>(null);
  const similarity = createSimilarityPreview(() => {
    const n = network();
    const current = settled(item);
    return n && current && !result() ? { contentId: current.id, network: n, text: text() } : null;
  });
  let form: HTMLFormElement | undefined;
  let textarea: HTMLTextAreaElement | undefined;
  const submission = createSubmission(() => form, ['text', 'network']);

  const networkName = (n: string) => t(`network.${n}` as MeKey);
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
    if (created) setResult(created);
  };

  return (
    <Pending>
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
                    <p>
                      <a href="/me/guide/">{t('me.guide.link')}</a>
                    </p>
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
                              ref={textarea}
                              aria-describedby={[attrs['aria-describedby'], 'share-count', 'share-verdict'].filter(Boolean).join(' ')}
                              rows={8}
                              required
                              value={text()}
                              onInput={(e) => {
                                setText(e.currentTarget.value);
                                if (submission.error()) submission.clear();
                                void loadResult();
                              }}
                            />
                            <DisclosureButton
                              line={disclosure()}
                              text={text()}
                              onAdd={(next) => {
                                setText(next);
                                // The button goes once the line is in the post: focus follows the text it changed.
                                textarea?.focus();
                              }}
                            />
                            <p id="share-count" class="me-count" classList={{ 'me-count--over': over() }}>
                              {limit() === undefined ? t('me.share.countFree', { count: count() }) : t('me.share.count', { count: count(), max: limit() ?? 0 })}
                            </p>
                            <p class="visually-hidden" aria-live="polite">
                              {over() ? t('me.share.tooLong', { network: networkName(network() ?? ''), max: limit() ?? 0 }) : ''}
                            </p>
                            <div id="share-verdict" aria-live="polite">
                              <Show when={similarity()}>
                                {(seen) => (
                                  <p class={seen().nearCopy ? 'notice notice--warning' : 'notice notice--ok'}>
                                    {seen().nearCopy ? t('me.share.live.nearCopy') : t('me.share.live.personal', { percent: Math.round(seen().score * 100) })}
                                  </p>
                                )}
                              </Show>
                            </div>
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
                      <Suspense fallback={<p class="loading">{t('state.loading')}</p>}>
                        <ShareResult done={done()} onAgain={() => setResult(null)} />
                      </Suspense>
                    )}
                  </Show>
                </>
              )}
            </Show>
          </Show>
        </Show>
      </>
    </Pending>
  );
};

export default SharePage;
