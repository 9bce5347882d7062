import { createResource, createSignal, onMount, Show, type VoidComponent } from 'solid-js';
import FormError from '../components/FormError';
import { client, unwrap } from '../lib/api';
import type { Content } from '../lib/api-types';
import { queryParam } from '../lib/format';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import ContentForm from './contents/ContentForm';
import ContentPreviewPanel from './contents/ContentPreviewPanel';
import Pending from '../components/Pending';

interface Target {
  id: string;
  campaignId: string;
}

/** `/admin/contents/edit/?id=…`, or `?campaignId=…` for a new content of that campaign. */
const ContentEditPage: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [target, setTarget] = createSignal<Target | null>(null);
  onMount(() => setTarget({ id: queryParam('id') ?? '', campaignId: queryParam('campaignId') ?? '' }));
  const [me] = createResource(mounted, requireSession);
  const [campaigns] = createResource(mounted, () => unwrap(client.api.v1.campaigns.$get({ query: { limit: '200' } })));
  const [content, { mutate }] = createResource(
    () => target()?.id || false,
    (id) => unwrap(client.api.v1.contents[':id'].$get({ param: { id } })),
  );

  const saved = (next: Content) => {
    mutate(next);
    if (target()?.id !== next.id) history.replaceState(null, '', `?id=${encodeURIComponent(next.id)}`);
  };
  const error = () => me.error ?? campaigns.error ?? content.error;
  const ready = () => me() && campaigns() && target() && (target()?.id === '' || content.latest);
  const backTo = () => content.latest?.campaignId ?? target()?.campaignId;

  return (
    <Pending>
      <Show when={!error()} fallback={<FormError error={error()} />}>
        <Show when={ready()} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
          <Show when={backTo()}>
            {(campaignId) => (
              <p>
                <a href={`/admin/campaigns/edit/?id=${encodeURIComponent(campaignId())}`}>{t('content.back')}</a>
                <Show when={content.latest}>
                  {(current) => (
                    <>
                      {' · '}
                      <a href={`/admin/contents/stats/?id=${encodeURIComponent(current().id)}`}>{t('sources.content.title')}</a>
                    </>
                  )}
                </Show>
              </p>
            )}
          </Show>
          <Show when={!canWrite(me())}>
            <p class="notice">{t('role.readOnly')}</p>
          </Show>
          <ContentForm
            content={content.latest ?? null}
            campaignId={target()?.campaignId ?? ''}
            campaigns={campaigns()?.items ?? []}
            utmMedium={me()?.organisation.utmMedium ?? ''}
            readOnly={!canWrite(me())}
            onSaved={saved}
          />
          <Show when={content.latest}>{(current) => <ContentPreviewPanel content={current()} readOnly={!canWrite(me())} onRefreshed={(next) => mutate(next)} />}</Show>
        </Show>
      </Show>
    </Pending>
  );
};

export default ContentEditPage;
