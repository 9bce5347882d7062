import type { JSX } from 'solid-js';
import type { Removal } from '../lib/removal';
import ConfirmDialog from './ConfirmDialog';

/** The confirmation of a destructive `Removal`: open while it has a target, its error shown inside. */
function RemovalDialog<T>(props: { removal: Removal<T>; title: (item: T | null) => string; confirmLabel: string; children: JSX.Element }) {
  return (
    <ConfirmDialog
      open={props.removal.target() !== null}
      title={props.title(props.removal.target())}
      confirmLabel={props.confirmLabel}
      danger
      pending={props.removal.pending()}
      error={props.removal.error()}
      onConfirm={() => void props.removal.confirm()}
      onClose={props.removal.cancel}
    >
      {props.children}
    </ConfirmDialog>
  );
}

export default RemovalDialog;
