import type { Component } from 'solid-js';

/** A small button in a table row; screen readers hear which row it acts on ("Remove Camille Martin"). */
const RowButton: Component<{ label: string; name: string | null; danger?: boolean; disabled?: boolean; onClick: () => void }> = (props) => (
  <button type="button" class="button button--small" classList={{ 'button--danger': props.danger }} disabled={props.disabled} onClick={() => props.onClick()}>
    {props.label}
    <span class="visually-hidden"> {props.name}</span>
  </button>
);

export default RowButton;
