import { createSignal, Show, untrack, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { Select } from '../../components/Select';
import { client, unwrap } from '../../lib/api';
import type { Campaign, Content, ContentKind, Network } from '../../lib/api-types';
import { CONTENT_KINDS, NETWORKS } from '../../lib/enums';
import { fromDateInput, toDateInput } from '../../lib/format';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';
import NetworksFieldset from './NetworksFieldset';
import UtmPreview from './UtmPreview';

export interface ContentFormProps {
  /** Null for a new content. */
  content: Content | null;
  /** The campaign preselected for a new content. */
  campaignId: string;
  campaigns: Campaign[];
  utmMedium: string;
  readOnly: boolean;
  onSaved: (content: Content) => void;
}

/** Campaign, kind, title, URL, slug, talking points and networks, with the links' live preview. */
const ContentForm: VoidComponent<ContentFormProps> = (props) => {
  const { t } = useI18n();
  const initial = untrack(() => props.content);
  const [campaignId, setCampaignId] = createSignal(initial?.campaignId ?? untrack(() => props.campaignId || props.campaigns[0]?.id || ''));
  const [kind, setKind] = createSignal<ContentKind>(initial?.kind ?? 'article');
  const [title, setTitle] = createSignal(initial?.title ?? '');
  const [url, setUrl] = createSignal(initial?.url ?? '');
  const [slug, setSlug] = createSignal(initial?.slug ?? '');
  const [talkingPoints, setTalkingPoints] = createSignal(initial?.talkingPoints ?? '');
  const [networks, setNetworks] = createSignal<Network[]>(initial?.networks ?? [...NETWORKS]);
  const [endsOn, setEndsOn] = createSignal(toDateInput(initial?.endsAt));
  const [saved, setSaved] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['campaignId', 'kind', 'title', 'url', 'slug', 'talkingPoints', 'networks']);
  const campaignSlug = () => props.campaigns.find((c) => c.id === campaignId())?.slug ?? '';

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setSaved(false);
    const body = { campaignId: campaignId(), kind: kind(), title: title(), url: url(), talkingPoints: talkingPoints(), networks: networks(), endsAt: fromDateInput(endsOn()), ...(slug().trim() ? { slug: slug().trim() } : {}) };
    const id = props.content?.id;
    const content = await submission.run(() =>
      id ? unwrap(client.api.v1.contents[':id'].$patch({ param: { id }, json: body })) : unwrap(client.api.v1.contents.$post({ json: body })),
    );
    if (content) {
      setSlug(content.slug);
      setUrl(content.url);
      setSaved(true);
      props.onSaved(content);
    }
  };

  return (
    <div class="editor">
      <form ref={form} class="form" novalidate onSubmit={submit} aria-labelledby="content-form-title">
        <h2 id="content-form-title">{props.content ? props.content.title : t('content.new')}</h2>
        <fieldset class="plain" disabled={props.readOnly}>
          <Field name="campaignId" label={t('content.campaign')} error={submission.fieldError('campaignId')}>
            {(attrs) => (
              <Select attrs={attrs} required value={campaignId()} onChange={setCampaignId} options={props.campaigns.map((c) => ({ value: c.id, label: c.name }))} />
            )}
          </Field>
          <Field name="kind" label={t('content.kind')} error={submission.fieldError('kind')}>
            {(attrs) => (
              <Select attrs={attrs} value={kind()} onChange={setKind} options={CONTENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            )}
          </Field>
          <Field name="title" label={t('content.titleField')} error={submission.fieldError('title')}>
            {(attrs) => <input {...attrs} type="text" required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />}
          </Field>
          <Field name="url" label={t('content.url')} hint={t('content.url.hint')} error={submission.fieldError('url')}>
            {(attrs) => <input {...attrs} type="url" inputmode="url" required value={url()} onInput={(e) => setUrl(e.currentTarget.value)} />}
          </Field>
          <Field name="slug" label={t('field.slug')} hint={t('content.slug.hint')} error={submission.fieldError('slug')}>
            {(attrs) => <input {...attrs} type="text" autocapitalize="off" spellcheck={false} value={slug()} onInput={(e) => setSlug(e.currentTarget.value)} />}
          </Field>
          <Field name="talkingPoints" label={t('content.talkingPoints')} hint={t('content.talkingPoints.hint')} error={submission.fieldError('talkingPoints')}>
            {(attrs) => <textarea {...attrs} rows="8" maxlength="5000" value={talkingPoints()} onInput={(e) => setTalkingPoints(e.currentTarget.value)} />}
          </Field>
          <NetworksFieldset selected={networks()} onChange={setNetworks} error={submission.fieldError('networks')} />
          <Field name="endsAt" label={`${t('content.endsAt')} ${t('field.optional')}`} hint={t('content.endsAt.hint')} error={submission.fieldError('endsAt')}>
            {(attrs) => <input {...attrs} type="date" value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />}
          </Field>
          <FormActions submission={submission} label={props.content ? t('action.save') : t('content.create')} done={saved() ? t('state.saved') : ''} />
        </fieldset>
      </form>
      <Show when={props.campaigns.length > 0} fallback={<p class="notice">{t('content.noCampaign')}</p>}>
        <UtmPreview url={url()} networks={networks()} utmMedium={props.utmMedium} campaignSlug={campaignSlug()} contentSlug={slug().trim()} />
      </Show>
    </div>
  );
};

export default ContentForm;
