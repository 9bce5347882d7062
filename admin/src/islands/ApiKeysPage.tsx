import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import CopyField from '../components/CopyField';
import PagedTable from '../components/PagedTable';
import RemovalDialog from '../components/RemovalDialog';
import RowButton from '../components/RowButton';
import { client, unwrap } from '../lib/api';
import type { ApiKey, CreatedApiKey } from '../lib/api-types';
import { formatDate, formatDateTime } from '../lib/format';
import { createPagedList } from '../lib/paged';
import { createRemoval } from '../lib/removal';
import { isOwner, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import ApiKeyForm from './api-keys/ApiKeyForm';
import { settled } from '../lib/settled';
import Pending from '../components/Pending';

/** `/admin/api-keys/` (owners only): keys for the company's systems; a secret is shown once. */
const ApiKeysPage: VoidComponent = () => {
  const { t, lang, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [created, setCreated] = createSignal<CreatedApiKey | null>(null);
  const list = createPagedList(() => isOwner(settled(me)), (_, cursor) => unwrap(client.api.v1['api-keys'].$get({ query: { cursor } })));
  const revoke = createRemoval<ApiKey>((key) => unwrap(client.api.v1['api-keys'][':id'].$delete({ param: { id: key.id } })), list.reload);
  let secretPanel: HTMLElement | undefined;

  const onCreated = (key: CreatedApiKey) => {
    setCreated(key);
    list.reload();
    secretPanel?.querySelector<HTMLElement>('h2')?.focus();
  };

  return (
    <Pending>
      <Show when={me()} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
        <Show when={isOwner(me())} fallback={<p class="notice">{t('apiKeys.ownersOnly')}</p>}>
          <ApiKeyForm onCreated={onCreated} />
          <section ref={secretPanel} aria-live="polite">
            <Show when={created()}>
              {(key) => (
                <div class="panel notice--warning">
                  <h2 tabindex="-1">{t('apiKeys.secretTitle', { name: key().name })}</h2>
                  <p>
                    <strong>{t('apiKeys.secretOnce')}</strong>
                  </p>
                  <CopyField label={t('apiKeys.secret')} value={key().secret} hint={t('apiKeys.secretHint')} />
                  <button type="button" class="button" onClick={() => setCreated(null)}>
                    {t('apiKeys.secretDone')}
                  </button>
                </div>
              )}
            </Show>
          </section>
          <section aria-labelledby="api-keys-list">
            <h2 id="api-keys-list">{t('apiKeys.list')}</h2>
            <PagedTable
              list={list}
              label={t('apiKeys.list')}
              columns={[t('field.name'), t('apiKeys.scopes'), t('apiKeys.prefix'), t('field.created'), t('apiKeys.lastUsed'), t('field.status'), t('field.actions')]}
              emptyState={<p>{t('apiKeys.empty')}</p>}
              row={(key) => (
                <tr classList={{ revoked: key.revokedAt !== null }}>
                  <th scope="row">{key.name}</th>
                  <td>{key.scopes.map((s) => t(`scope.${s}`)).join(', ')}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{formatDate(key.createdAt, lang())}</td>
                  <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, lang()) : t('apiKeys.never')}</td>
                  <td>
                    <Show when={key.revokedAt} fallback={<span class="badge badge--active">{t('apiKeys.active')}</span>}>
                      {(at) => <span class="badge badge--revoked">{t('apiKeys.revokedOn', { date: formatDate(at(), lang()) })}</span>}
                    </Show>
                  </td>
                  <td>
                    <Show when={key.revokedAt === null}>
                      <RowButton label={t('apiKeys.revoke')} name={key.name} danger onClick={() => revoke.ask(key)} />
                    </Show>
                  </td>
                </tr>
              )}
            />
          </section>
          <RemovalDialog removal={revoke} title={(item) => t('apiKeys.revoke.title', { name: item?.name ?? '' })} confirmLabel={t('apiKeys.revoke')}>
            <p>{t('apiKeys.revoke.body')}</p>
          </RemovalDialog>
        </Show>
      </Show>
    </Pending>
  );
};

export default ApiKeysPage;
