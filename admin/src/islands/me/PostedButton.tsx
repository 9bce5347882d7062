import { createSignal, Show, type JSX, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import { client } from '../../lib/api';
import { createSubmission } from '../../lib/forms';
import { useMeI18n } from '../../lib/i18n-me';
import { meCall } from '../../lib/me-api';
import type { MyShare } from '../../lib/me-types';

export interface PostedButtonProps {
  shareId: string;
  /** When the post was confirmed already (ISO), or null. */
  postedAt: string | null;
  /** Which post, for a screen reader when several are on the page (e.g. "title, LinkedIn"). */
  context?: string;
  /** The post as the API answers it once confirmed (with its results recomputed). */
  onPosted?: (post: MyShare) => void;
}

/** "I posted it": confirms the post was published (`POST /me/shares/{id}/posted`), from which moment it counts. */
const PostedButton: VoidComponent<PostedButtonProps> = (props) => {
  const { t } = useMeI18n();
  const [confirmedHere, setConfirmedHere] = createSignal(false);
  // Confirmed here, or elsewhere (a report of the post's numbers confirms it too).
  const posted = () => confirmedHere() || props.postedAt !== null;
  let form: HTMLFormElement | undefined;
  let status: HTMLParagraphElement | undefined;
  const submission = createSubmission(() => form, []);

  const confirm: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    const confirmed = await submission.run(() => meCall(client.api.v1.me.shares[':id'].posted.$post({ param: { id: props.shareId } })));
    if (!confirmed) return;
    setConfirmedHere(true);
    props.onPosted?.(confirmed);
    // The button goes away: the focus moves to what replaced it rather than to the page's start.
    status?.focus();
  };

  return (
    <div class="me-posted">
      <p ref={status} tabindex="-1" role="status" class={posted() ? 'notice notice--ok' : 'notice'}>
        {posted() ? t('me.share.counted') : t('me.share.notCounted')}
      </p>
      <Show when={!posted()}>
        <form ref={form} onSubmit={confirm}>
          <FormError error={submission.formError()} />
          <div class="actions">
            <button type="submit" class="button button--primary button--wide" disabled={submission.pending()}>
              {submission.pending() ? t('me.share.postedPending') : t('me.share.posted')}
              <Show when={props.context}>{(context) => <span class="visually-hidden"> ({context()})</span>}</Show>
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
};

export default PostedButton;
