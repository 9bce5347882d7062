import { createResource, createSignal, onCleanup, onMount, type VoidComponent } from 'solid-js';
import { getHealth } from '../lib/api';
import { DEFAULT_LOCALE, t, type MessageKey } from '../lib/i18n';
import { locale } from '../lib/locale';

/** A one-line status from `GET /health`: checking… → ok, or unavailable. */
const HealthStatus: VoidComponent = () => {
  // Hydrate exactly what the static build rendered (French, checking…), then go live:
  // the fetch and the language only start once mounted in the browser.
  const [mounted, setMounted] = createSignal(false);
  const controller = new AbortController();
  onMount(() => setMounted(true));
  onCleanup(() => controller.abort());

  const [health] = createResource(mounted, () => getHealth(controller.signal));
  const state = (): 'loading' | 'ok' | 'error' => {
    if (health.state === 'ready') return 'ok';
    if (health.state === 'errored') return 'error';
    return 'loading';
  };
  const text = (key: MessageKey) => t(mounted() ? locale() : DEFAULT_LOCALE, key);

  return (
    <p class="health" role="status" data-state={state()}>
      {text('health.label')} <strong>{text(`health.${state()}`)}</strong>
    </p>
  );
};

export default HealthStatus;
