import { createSignal, createUniqueId, onCleanup, type VoidComponent } from 'solid-js';
import { useI18n } from '../../lib/use-i18n';

/** A multi-line read-only text with a Copy button (the post, for networks whose composer cannot be prefilled). */
const CopyText: VoidComponent<{ label: string; value: string; hint: string }> = (props) => {
  const { t } = useI18n();
  const id = createUniqueId();
  const [feedback, setFeedback] = createSignal('');
  let area: HTMLTextAreaElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(props.value);
      setFeedback(t('copy.done'));
    } catch {
      area?.focus();
      area?.select();
      setFeedback(t('copy.manual'));
    }
    timer = setTimeout(() => setFeedback(''), 8000);
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea ref={area} id={id} readonly rows={4} value={props.value} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} class="hint">
        {props.hint}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('action.copy')}
        </button>
      </div>
      <p class="copy-feedback" aria-live="polite">
        {feedback()}
      </p>
    </div>
  );
};

export default CopyText;
