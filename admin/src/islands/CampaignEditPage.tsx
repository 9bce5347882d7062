import { createResource, createSignal, onMount, Show, type VoidComponent } from 'solid-js';
import FormError from '../components/FormError';
import { client, unwrap } from '../lib/api';
import type { Campaign } from '../lib/api-types';
import { queryParam } from '../lib/format';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import CampaignContents from './campaigns/CampaignContents';
import CampaignForm from './campaigns/CampaignForm';
import Pending from '../components/Pending';

/** `/admin/campaigns/edit/?id=…` (or no id: a new campaign), with the campaign's contents. */
const CampaignEditPage: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [id, setId] = createSignal<string | null>(null);
  onMount(() => setId(queryParam('id') ?? ''));
  const [campaign, { mutate }] = createResource(() => id() || false, (value) => unwrap(client.api.v1.campaigns[':id'].$get({ param: { id: value } })));

  const saved = (next: Campaign) => {
    mutate(next);
    // A new campaign: its page becomes the edit page, without a reload.
    if (id() !== next.id) history.replaceState(null, '', `?id=${encodeURIComponent(next.id)}`);
  };

  return (
    <Pending>
      <Show when={id() !== null && me()} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
        <Show when={!campaign.error} fallback={<FormError error={campaign.error} />}>
          <Show when={id() === '' || campaign.latest} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
            <p>
              <a href="/admin/campaigns/">{t('campaign.back')}</a>
            </p>
            <Show when={!canWrite(me())}>
              <p class="notice">{t('role.readOnly')}</p>
            </Show>
            <CampaignForm campaign={campaign.latest ?? null} readOnly={!canWrite(me())} onSaved={saved} />
            <Show when={campaign.latest}>{(current) => <CampaignContents campaign={current()} canWrite={canWrite(me())} />}</Show>
          </Show>
        </Show>
      </Show>
    </Pending>
  );
};

export default CampaignEditPage;
