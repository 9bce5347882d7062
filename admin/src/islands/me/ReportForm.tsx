import { createSignal, For, type JSX, type VoidComponent } from 'solid-js';
import Field from '../../components/Field';
import FormError from '../../components/FormError';
import { ApiClientError, client } from '../../lib/api';
import { createSubmission } from '../../lib/forms';
import { meCall } from '../../lib/me-api';
import type { MetricName, MetricsInput, MyShare } from '../../lib/me-types';
import { useMeI18n } from '../../lib/i18n-me';

/** The numbers an ambassador reads off their post, in the form's order. */
export const METRICS = ['impressions', 'reactions', 'comments', 'reshares'] as const satisfies readonly MetricName[];

/** A box's number: undefined when empty, null when it is not a whole number ≥ 0. */
function readCount(input: HTMLInputElement): number | null | undefined {
  if (input.validity.badInput) return null;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

export interface ReportFormProps {
  post: MyShare;
  /** Unique in the page: prefixes the controls' ids. */
  idBase: string;
  /** The post as the API answered it, its results recomputed. */
  onChange: (post: MyShare) => void;
  onReported: () => void;
}

/** The four numbers of one post; only the filled boxes are sent. */
const ReportForm: VoidComponent<ReportFormProps> = (props) => {
  const { t } = useMeI18n();
  const [saved, setSaved] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, METRICS);
  const hintId = `${props.idBase}-hint`;

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    setSaved(false);
    const body: MetricsInput = {};
    for (const name of METRICS) {
      const input = form?.querySelector<HTMLInputElement>(`[name="${name}"]`);
      const value = input ? readCount(input) : undefined;
      if (value === null) return submission.fail(new ApiClientError(422, 'validation_failed', t('me.posts.whole'), name));
      if (value !== undefined) body[name] = value;
    }
    if (Object.keys(body).length === 0) return submission.fail(new ApiClientError(422, 'validation_failed', t('me.posts.none')));
    const share = await submission.run(() => meCall(client.api.v1.me.shares[':id'].metrics.$post({ param: { id: props.post.id }, json: body })));
    if (!share) return;
    props.onChange(share);
    props.onReported();
    setSaved(true);
  };

  return (
    <form ref={form} class="form me-report" novalidate onSubmit={submit}>
      <p id={hintId} class="hint">
        {t('me.posts.hint', { network: t(`network.${props.post.network}`) })}
      </p>
      <div class="me-report-fields">
        <For each={METRICS}>
          {(name) => (
            <Field name={name} id={`${props.idBase}-${name}`} label={t(`me.posts.${name}`)} error={submission.fieldError(name)}>
              {(attrs) => (
                <input
                  {...attrs}
                  aria-describedby={[hintId, attrs['aria-describedby']].filter(Boolean).join(' ')}
                  type="number"
                  inputmode="numeric"
                  min="0"
                  step="1"
                  value={props.post.metrics[name] ?? ''}
                  onInput={() => {
                    if (submission.error()) submission.clear();
                  }}
                />
              )}
            </Field>
          )}
        </For>
      </div>
      <FormError error={submission.formError()} />
      <div class="actions">
        <button type="submit" class="button button--primary button--wide" disabled={submission.pending()} aria-busy={submission.pending()}>
          {submission.pending() ? t('me.posts.pending') : t('me.posts.submit')}
        </button>
      </div>
      <p class="saved" role="status">
        {saved() ? t('me.posts.saved') : ''}
      </p>
    </form>
  );
};

export default ReportForm;
