import { For, type JSX } from 'solid-js';
import type { ControlAttrs } from './Field';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  /** A Field's attributes (id, name, aria-*), or just an id for a select labelled by hand. */
  attrs: Partial<ControlAttrs> & { id: string };
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  required?: boolean;
}

/**
 * A select that always shows `value`: each option carries `selected`. Setting `select.value` instead
 * silently shows the first option whenever the options are not there yet (Solid sets the select's value
 * before it appends the options; a list of campaigns arrives later still), and an edit form then showed,
 * and saved back, the wrong values.
 */
export function Select<T extends string>(props: SelectProps<T>): JSX.Element {
  const change: JSX.EventHandler<HTMLSelectElement, Event> = (event) => {
    const chosen = props.options.find((option) => option.value === event.currentTarget.value);
    if (chosen) props.onChange(chosen.value);
  };
  return (
    <select {...props.attrs} required={props.required} onChange={change}>
      <For each={props.options}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </select>
  );
}
