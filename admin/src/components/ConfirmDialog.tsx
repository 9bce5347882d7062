import { createEffect, createUniqueId, onCleanup, Show, type Component, type JSX } from 'solid-js';
import { useCommonI18n } from '../lib/i18n-common';
import FormError from './FormError';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  /** A destructive action (red confirm button). */
  danger?: boolean;
  /** Confirm stays disabled while false (e.g. a box that must be ticked). */
  canConfirm?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A modal confirmation on the native `<dialog>` (`showModal`): focus is trapped and returned by the
 * browser, Escape cancels, and the title and body label and describe it.
 */
const ConfirmDialog: Component<ConfirmDialogProps> = (props) => {
  const { t } = useCommonI18n();
  const id = createUniqueId();
  let dialog: HTMLDialogElement | undefined;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });
  onCleanup(() => dialog?.close());

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = (event) => {
    event.preventDefault();
    if (props.canConfirm !== false && !props.pending) props.onConfirm();
  };

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={() => props.onClose()}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div id={`${id}-body`} class="dialog-body">
          {props.children}
        </div>
        <Show when={props.error}>
          <FormError error={props.error} />
        </Show>
        <div class="actions">
          <button type="button" class="button" onClick={() => props.onClose()}>
            {t('action.cancel')}
          </button>
          <button type="submit" class="button" classList={{ 'button--danger': props.danger, 'button--primary': !props.danger }} disabled={props.canConfirm === false || props.pending}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
};

export default ConfirmDialog;
