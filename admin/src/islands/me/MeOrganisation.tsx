import { createResource, Show, type VoidComponent } from 'solid-js';
import { client, unwrap } from '../../lib/api';
import { useMeI18n } from '../../lib/i18n-me';

/**
 * The organisation running the programme, in the header of the ambassador's space: its logo (served from our
 * origin) and its name. Shows nothing until known, and nothing without a session (the page itself says why).
 */
const MeOrganisation: VoidComponent = () => {
  const { mounted } = useMeI18n();
  // Fetched once in the browser (not while the page is built), where the session is.
  const [me] = createResource(mounted, () => unwrap(client.api.v1.me.$get(), { redirectOn401: false }).catch(() => null));
  return (
    <span class="me-org">
      <Show when={me()?.organisation}>
        {(organisation) => (
          <>
            <Show when={organisation().logoPath}>{(src) => <img src={src()} alt="" width="32" height="32" />}</Show>
            <span>{organisation().name}</span>
          </>
        )}
      </Show>
    </span>
  );
};

export default MeOrganisation;
