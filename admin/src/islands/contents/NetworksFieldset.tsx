import { For, Show, type VoidComponent } from 'solid-js';
import type { Network } from '../../lib/api-types';
import { NETWORKS } from '../../lib/enums';
import { useI18n } from '../../lib/use-i18n';

export interface NetworksFieldsetProps {
  selected: Network[];
  onChange: (networks: Network[]) => void;
  error?: string;
}

/** The networks a content may be shared on, as checkboxes (the API's `networks`). */
const NetworksFieldset: VoidComponent<NetworksFieldsetProps> = (props) => {
  const { t } = useI18n();
  const toggle = (network: Network, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(network);
    else next.delete(network);
    props.onChange(NETWORKS.filter((n) => next.has(n)));
  };
  return (
    <fieldset class="group" aria-describedby={props.error ? 'networks-error' : undefined}>
      <legend>{t('content.networks')}</legend>
      <div class="checkboxes">
        <For each={NETWORKS}>
          {(network) => (
            <span class="checkbox">
              <input id={`network-${network}`} type="checkbox" name="networks" value={network} aria-invalid={props.error ? 'true' : undefined} checked={props.selected.includes(network)} onChange={(e) => toggle(network, e.currentTarget.checked)} />
              <label for={`network-${network}`}>{t(`network.${network}`)}</label>
            </span>
          )}
        </For>
      </div>
      <Show when={props.error}>
        <p id="networks-error" class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
};

export default NetworksFieldset;
