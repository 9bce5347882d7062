import { For, Show, type VoidComponent } from 'solid-js';
import { auditFields, auditValue } from '../../lib/audit-actions';

export interface AuditChangeProps {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** An entry's changed fields, one line each: `field: before → after` (only the side that exists when one is missing). */
const AuditChange: VoidComponent<AuditChangeProps> = (props) => (
  <ul class="audit-change">
    <For each={auditFields(props.before, props.after)}>
      {(field) => (
        <li>
          <code>{field}</code>{' '}
          <Show when={props.before && field in props.before}>
            <del>{auditValue(props.before?.[field])}</del>
          </Show>
          <Show when={props.before && field in props.before && props.after && field in props.after}> → </Show>
          <Show when={props.after && field in props.after}>
            <ins>{auditValue(props.after?.[field])}</ins>
          </Show>
        </li>
      )}
    </For>
  </ul>
);

export default AuditChange;
