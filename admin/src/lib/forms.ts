/**
 * Form submission state shared by every form: pending flag, the API's error, the fields it blames.
 * Each field at fault (the API names them all at once) that is one of the form's controls is shown next
 * to it (`aria-invalid` + `aria-describedby`); any other error is shown above the buttons. Focus moves
 * to the first error.
 */
import { createSignal, type Accessor } from 'solid-js';
import { ApiClientError } from './api';

/**
 * The API's sentence without its leading field path ("attributionWindowDays must be…" → "Must be…"):
 * shown under its own label, the internal name only gets in the way.
 */
function withoutFieldName(message: string, field: string): string {
  if (!message.startsWith(`${field} `)) return message;
  const rest = message.slice(field.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export interface Submission {
  pending: Accessor<boolean>;
  error: Accessor<ApiClientError | null>;
  /** The API's message when it blames `name` (among the fields at fault) and the form has a control called `name`. */
  fieldError: (name: string) => string | undefined;
  /** The error to show for the whole form (no field, or a field this form does not show). */
  formError: Accessor<ApiClientError | null>;
  /** Runs `action`; an `ApiClientError` is kept and focused, anything else propagates. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
  /** Reports a problem found before calling the API (same display as the API's errors). */
  fail: (error: ApiClientError) => void;
}

/**
 * @param form the form element (a getter: refs are set after the component function runs)
 * @param fields the API field names this form shows, e.g. `['name', 'slug']`
 */
export function createSubmission(form: () => HTMLFormElement | undefined, fields: readonly string[]): Submission {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<ApiClientError | null>(null);
  /** The first field at fault that this form shows. */
  const firstShown = (e: ApiClientError | null) => e?.issues.find((issue) => fields.includes(issue.field));
  const shown = (e: ApiClientError | null) => firstShown(e) !== undefined;

  const focusError = (e: ApiClientError) => {
    const el = form();
    if (!el) return;
    const first = firstShown(e);
    const target = first ? el.querySelector<HTMLElement>(`[name="${CSS.escape(first.field)}"]`) : el.querySelector<HTMLElement>('.form-error');
    target?.focus();
  };

  const fail = (e: ApiClientError) => {
    setError(e);
    focusError(e);
  };

  return {
    pending,
    error,
    fieldError: (name) => {
      const issue = fields.includes(name) ? error()?.issues.find((i) => i.field === name) : undefined;
      return issue ? withoutFieldName(issue.message, name) : undefined;
    },
    formError: () => {
      const e = error();
      return e && !shown(e) ? e : null;
    },
    run: async (action) => {
      if (pending()) return undefined;
      setPending(true);
      setError(null);
      try {
        return await action();
      } catch (e) {
        if (!(e instanceof ApiClientError)) throw e;
        fail(e);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    clear: () => setError(null),
    fail,
  };
}

/** A form that saves with one call: its submission, whether it just saved, its `ref` and its submit handler. */
export interface SavingForm {
  ref: (el: HTMLFormElement) => void;
  submission: Submission;
  saved: Accessor<boolean>;
  submit: (event: SubmitEvent) => Promise<void>;
}

/**
 * @param fields the API field names the form shows
 * @param save the call (its errors are the submission's); its answer goes to `onSaved`
 */
export function createSavingForm<T>(fields: readonly string[], save: () => Promise<T>, onSaved: (answer: T) => void): SavingForm {
  let form: HTMLFormElement | undefined;
  const submission = createSubmission(() => form, fields);
  const [saved, setSaved] = createSignal(false);
  return {
    ref: (el) => (form = el),
    submission,
    saved,
    submit: async (event) => {
      event.preventDefault();
      setSaved(false);
      const answer = await submission.run(save);
      if (answer === undefined) return;
      setSaved(true);
      onSaved(answer);
    },
  };
}
