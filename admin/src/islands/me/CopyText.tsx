import { createUniqueId, Show, type VoidComponent } from 'solid-js';
import { createCopy } from '../../lib/copy';
import { useMeI18n } from '../../lib/i18n-me';

/** A multi-line read-only text with a Copy button (the post with its link, to paste where a composer was not prefilled). */
const CopyText: VoidComponent<{ label: string; value: string; hint: string; action?: string }> = (props) => {
  const { t } = useMeI18n();
  const id = createUniqueId();
  let area: HTMLTextAreaElement | undefined;
  const { feedback, copy } = createCopy(() => props.value, () => area);

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea ref={area} id={id} readonly rows={4} value={props.value} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} class="hint">
        {props.hint}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {props.action ?? t('action.copy')}
        </button>
      </div>
      <p class="copy-feedback" aria-live="polite">
        <Show when={feedback()}>{(key) => t(key())}</Show>
      </p>
    </div>
  );
};

export default CopyText;
