import { Show, type VoidComponent } from 'solid-js';
import { useMeI18n } from '../../lib/i18n-me';

export interface DisclosureButtonProps {
  /** The organisation's proposed line, or null when it proposes none. */
  line: string | null;
  text: string;
  /** Receives the post's new text, the line appended on a line of its own. */
  onAdd: (text: string) => void;
}

/** The post with `line` appended after a blank line (or alone when the post is empty). */
export const withDisclosure = (text: string, line: string): string => (text.trim() === '' ? line : `${text.trimEnd()}\n\n${line}`);

/**
 * "Add « Je travaille chez Acme »": the organisation's disclosure line added to the post in one click, in the
 * textarea where the person reads it and can remove it; never added without that click. Hidden while the post
 * already holds the line.
 */
const DisclosureButton: VoidComponent<DisclosureButtonProps> = (props) => {
  const { t } = useMeI18n();
  return (
    <Show when={props.line !== null && !props.text.includes(props.line) && props.line}>
      {(line) => (
        <p class="me-disclosure">
          <button type="button" class="button" onClick={() => props.onAdd(withDisclosure(props.text, line()))}>
            {t('me.share.disclosure.add', { line: line() })}
          </button>
          <span class="hint">{t('me.share.disclosure.hint')}</span>
        </p>
      )}
    </Show>
  );
};

export default DisclosureButton;
