import { Show, type Component, type JSX } from 'solid-js';

/** Attributes a field passes to its control: the label's target and the hint/error it is described by. */
export interface ControlAttrs {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  /** The API's field name (`rates.linkedin.cpc`); also the control's `name`. */
  name: string;
  /** Unique in the page; defaults to `f-` + name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  children: (attrs: ControlAttrs) => JSX.Element;
}

/** A label, its control (rendered by `children`), an optional hint and the API's error for this field. */
const Field: Component<FieldProps> = (props) => {
  const id = () => props.id ?? `f-${props.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const attrs: ControlAttrs = {
    get id() {
      return id();
    },
    get name() {
      return props.name;
    },
    get 'aria-invalid'() {
      return props.error ? 'true' : undefined;
    },
    get 'aria-describedby'() {
      const ids = [props.hint ? `${id()}-hint` : '', props.error ? `${id()}-error` : ''].filter(Boolean);
      return ids.length > 0 ? ids.join(' ') : undefined;
    },
  };
  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label for={id()}>{props.label}</label>
      {props.children(attrs)}
      <Show when={props.hint}>
        <p id={`${id()}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${id()}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
};

export default Field;
