import { createResource, Show, type VoidComponent } from 'solid-js';
import FormError from '../components/FormError';
import { client, unwrap } from '../lib/api';
import type { Organisation } from '../lib/api-types';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import SettingsForm from './settings/SettingsForm';
import GuideSetting from './settings/GuideSetting';
import VisibilitySetting from './settings/VisibilitySetting';
import Pending from '../components/Pending';

/** `/admin/settings/`: the organisation's settings (`GET, PATCH /api/v1/organisation`). */
const SettingsPage: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [org, { mutate }] = createResource(mounted, () => unwrap(client.api.v1.organisation.$get()));
  const saved = (next: Organisation) => mutate(next);

  return (
    <Pending>
      <Show when={!org.error} fallback={<FormError error={org.error} />}>
        <Show when={org() && me()} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
          <Show when={!canWrite(me())}>
            <p class="notice">{t('role.readOnly')}</p>
          </Show>
          {/* Not keyed: the form keeps its draft (and focus) when the saved organisation comes back. */}
          <Show when={org()}>
            {(current) => (
              <>
                <SettingsForm org={current()} readOnly={!canWrite(me())} onSaved={saved} />
                <VisibilitySetting org={current()} readOnly={!canWrite(me())} onSaved={saved} />
                <GuideSetting org={current()} readOnly={!canWrite(me())} onSaved={saved} />
              </>
            )}
          </Show>
        </Show>
      </Show>
    </Pending>
  );
};

export default SettingsPage;
