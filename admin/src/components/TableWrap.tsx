import type { Component, JSX } from 'solid-js';

export interface TableWrapProps {
  /** Names the group, e.g. the table's heading. */
  label: string;
  children: JSX.Element;
}

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is a named, focusable group (not
 * a landmark: its section already is one), so keyboard users can scroll it too (WCAG 2.1.1).
 */
const TableWrap: Component<TableWrapProps> = (props) => (
  <div class="table-wrap" role="group" aria-label={props.label} tabindex="0">
    {props.children}
  </div>
);

export default TableWrap;
