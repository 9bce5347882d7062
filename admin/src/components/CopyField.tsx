import { createSignal, createUniqueId, onCleanup, Show, type VoidComponent } from 'solid-js';
import { useI18n } from '../lib/use-i18n';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
}

/**
 * A read-only value with a Copy button. Without the Clipboard API (or permission), the text is
 * selected instead so the person can press Ctrl+C / ⌘C; the outcome is announced.
 */
const CopyField: VoidComponent<CopyFieldProps> = (props) => {
  const { t } = useI18n();
  const id = createUniqueId();
  const [feedback, setFeedback] = createSignal<'copied' | 'manual' | null>(null);
  let input: HTMLInputElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(props.value);
      setFeedback('copied');
    } catch {
      input?.focus();
      input?.select();
      setFeedback('manual');
    }
    timer = setTimeout(() => setFeedback(null), 8000);
  };

  return (
    <div class="field copy-field">
      <label for={id}>{props.label}</label>
      <div class="copy-row">
        <input ref={input} id={id} type="text" readonly value={props.value} aria-describedby={props.hint ? `${id}-hint` : undefined} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()}>
          {t('action.copy')}
        </button>
      </div>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <p class="copy-feedback" aria-live="polite">
        {feedback() === 'copied' ? t('copy.done') : feedback() === 'manual' ? t('copy.manual') : ''}
      </p>
    </div>
  );
};

export default CopyField;
