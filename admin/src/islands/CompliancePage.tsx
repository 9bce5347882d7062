import { createMemo, createResource, createSignal, For, onCleanup, Show, type VoidComponent } from 'solid-js';
import FormError from '../components/FormError';
import { client, unwrap } from '../lib/api';
import { LOCALE_NAMES, LOCALES, type Locale } from '../lib/translator';
import { useI18n } from '../lib/use-i18n';
import { renderMarkdown } from '../../../worker/lib/markdown';
import Pending from '../components/Pending';
import { settled } from '../lib/settled';

const KINDS = ['cse-note', 'dpia'] as const;
type Kind = (typeof KINDS)[number];

/** Reads a generated document's Markdown (the API writes it from the organisation's settings). */
async function readDocument(kind: Kind, lang: Locale): Promise<string> {
  const res = await client.api.v1.documents[':kind'].$get({ param: { kind }, query: { lang, format: 'md' } });
  if (!res.ok) await unwrap(Promise.resolve(res));
  return res.text();
}

/** The works council's note and the DPIA: chosen, read in French or English, printed alone, downloaded as Markdown. */
const CompliancePage: VoidComponent = () => {
  const { t, lang, mounted } = useI18n();
  const [kind, setKind] = createSignal<Kind>('cse-note');
  const [documentLang, setDocumentLang] = createSignal<Locale | null>(null);
  const chosenLang = () => documentLang() ?? lang();
  const [markdown] = createResource(
    () => mounted() && { kind: kind(), lang: chosenLang() },
    ({ kind: k, lang: l }) => readDocument(k, l),
  );
  const downloadUrl = createMemo<string | undefined>((previous) => {
    if (previous) URL.revokeObjectURL(previous);
    const text = settled(markdown);
    return text ? URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' })) : undefined;
  });
  onCleanup(() => {
    const url = downloadUrl();
    if (url) URL.revokeObjectURL(url);
  });

  return (
    <Pending>
      <>
        <div class="compliance-controls">
          <fieldset>
            <legend>{t('compliance.document')}</legend>
            <For each={KINDS}>
              {(k) => (
                <label class="choice">
                  <input type="radio" name="compliance-kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
                  {t(k === 'cse-note' ? 'compliance.cseNote' : 'compliance.dpia')}
                </label>
              )}
            </For>
          </fieldset>
          <fieldset>
            <legend>{t('compliance.language')}</legend>
            <For each={LOCALES}>
              {(l) => (
                <label class="choice">
                  <input type="radio" name="compliance-lang" value={l} checked={chosenLang() === l} onChange={() => setDocumentLang(l)} />
                  <span lang={l}>{LOCALE_NAMES[l]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <div class="actions">
            <button type="button" class="button" disabled={!downloadUrl()} onClick={() => window.print()}>
              {t('compliance.print')}
            </button>
            <Show when={downloadUrl()}>
              {(url) => (
                <a class="button" href={url()} download={`${kind()}-${chosenLang()}.md`}>
                  {t('compliance.download')}
                </a>
              )}
            </Show>
          </div>
        </div>
        <Show when={!markdown.error} fallback={<FormError error={markdown.error} />}>
          <Show when={markdown.latest} fallback={<p role="status">{t('state.loading')}</p>}>
            {(text) => <article class="prose compliance-document" lang={chosenLang()} innerHTML={renderMarkdown(text())} />}
          </Show>
        </Show>
      </>
    </Pending>
  );
};

export default CompliancePage;
