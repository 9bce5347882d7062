import type { VoidComponent } from 'solid-js';
import type { Submission } from '../lib/forms';
import FormError from './FormError';

export interface FormActionsProps {
  submission: Submission;
  /** The submit button's label. */
  label: string;
  /** Said politely once the form went through (empty until then). */
  done: string;
}

/** The end of a form: its error for the whole form, the submit button, and the confirmation. */
const FormActions: VoidComponent<FormActionsProps> = (props) => (
  <>
    <FormError error={props.submission.formError()} />
    <div class="actions">
      <button type="submit" class="button button--primary" disabled={props.submission.pending()}>
        {props.label}
      </button>
      <span class="saved" aria-live="polite">
        {props.done}
      </span>
    </div>
  </>
);

export default FormActions;
