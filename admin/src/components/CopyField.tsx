import { createUniqueId, Show, type VoidComponent } from 'solid-js';
import { createCopy } from '../lib/copy';
import { useCommonI18n } from '../lib/i18n-common';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
}

/** A read-only value with a Copy button (`createCopy`: falls back to selecting the text); the outcome is announced. */
const CopyField: VoidComponent<CopyFieldProps> = (props) => {
  const { t } = useCommonI18n();
  const id = createUniqueId();
  let input: HTMLInputElement | undefined;
  const { feedback, copy } = createCopy(() => props.value, () => input);

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
        <Show when={feedback()}>{(key) => t(key())}</Show>
      </p>
    </div>
  );
};

export default CopyField;
