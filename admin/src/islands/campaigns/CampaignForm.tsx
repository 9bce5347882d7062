import { createSignal, untrack, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { Select } from '../../components/Select';
import { client, unwrap } from '../../lib/api';
import type { Campaign, CampaignObjective, CampaignStatus } from '../../lib/api-types';
import { CAMPAIGN_OBJECTIVES, CAMPAIGN_STATUSES } from '../../lib/enums';
import { fromDateInput, toDateInput } from '../../lib/format';
import { createSubmission } from '../../lib/forms';
import { useI18n } from '../../lib/use-i18n';

export interface CampaignFormProps {
  /** Null for a new campaign. */
  campaign: Campaign | null;
  readOnly: boolean;
  onSaved: (campaign: Campaign) => void;
}

/** Name, optional slug, objective, dates and status → `POST /campaigns` or `PATCH /campaigns/{id}`. */
const CampaignForm: VoidComponent<CampaignFormProps> = (props) => {
  const { t } = useI18n();
  const initial = untrack(() => props.campaign);
  const [name, setName] = createSignal(initial?.name ?? '');
  const [slug, setSlug] = createSignal(initial?.slug ?? '');
  const [objective, setObjective] = createSignal<CampaignObjective>(initial?.objective ?? 'recruitment');
  const [startsAt, setStartsAt] = createSignal(toDateInput(initial?.startsAt));
  const [endsAt, setEndsAt] = createSignal(toDateInput(initial?.endsAt));
  const [status, setStatus] = createSignal<CampaignStatus>(initial?.status ?? 'draft');
  const [saved, setSaved] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, ['name', 'slug', 'objective', 'startsAt', 'endsAt', 'status']);

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setSaved(false);
    const body = {
      name: name(),
      objective: objective(),
      startsAt: fromDateInput(startsAt()),
      endsAt: fromDateInput(endsAt()),
      status: status(),
      ...(slug().trim() ? { slug: slug().trim() } : {}),
    };
    const id = props.campaign?.id;
    const campaign = await submission.run(() =>
      id ? unwrap(client.api.v1.campaigns[':id'].$patch({ param: { id }, json: body })) : unwrap(client.api.v1.campaigns.$post({ json: body })),
    );
    if (campaign) {
      setSlug(campaign.slug);
      setSaved(true);
      props.onSaved(campaign);
    }
  };

  return (
    <form ref={form} class="form" novalidate onSubmit={submit} aria-labelledby="campaign-form-title">
      <h2 id="campaign-form-title">{props.campaign ? props.campaign.name : t('campaign.new')}</h2>
      <fieldset class="plain" disabled={props.readOnly}>
        <Field name="name" label={t('field.name')} error={submission.fieldError('name')}>
          {(attrs) => <input {...attrs} type="text" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field name="slug" label={t('field.slug')} hint={t('campaign.slug.hint')} error={submission.fieldError('slug')}>
          {(attrs) => <input {...attrs} type="text" autocapitalize="off" spellcheck={false} value={slug()} onInput={(e) => setSlug(e.currentTarget.value)} />}
        </Field>
        <Field name="objective" label={t('campaign.objective')} error={submission.fieldError('objective')}>
          {(attrs) => (
            <Select attrs={attrs} value={objective()} onChange={setObjective} options={CAMPAIGN_OBJECTIVES.map((o) => ({ value: o, label: t(`objective.${o}`) }))} />
          )}
        </Field>
        <div class="grid">
          <Field name="startsAt" label={t('campaign.startsAt')} error={submission.fieldError('startsAt')}>
            {(attrs) => <input {...attrs} type="date" value={startsAt()} onInput={(e) => setStartsAt(e.currentTarget.value)} />}
          </Field>
          <Field name="endsAt" label={t('campaign.endsAt')} error={submission.fieldError('endsAt')}>
            {(attrs) => <input {...attrs} type="date" value={endsAt()} onInput={(e) => setEndsAt(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field name="status" label={t('field.status')} hint={t('campaign.status.hint')} error={submission.fieldError('status')}>
          {(attrs) => (
            <Select attrs={attrs} value={status()} onChange={setStatus} options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaignStatus.${s}`) }))} />
          )}
        </Field>
        <FormActions submission={submission} label={props.campaign ? t('action.save') : t('campaign.create')} done={saved() ? t('state.saved') : ''} />
      </fieldset>
    </form>
  );
};

export default CampaignForm;
