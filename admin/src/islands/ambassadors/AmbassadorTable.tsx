import { createSignal, Show, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import PagedTable from '../../components/PagedTable';
import RowButton from '../../components/RowButton';
import { ApiClientError, client, unwrap } from '../../lib/api';
import type { Ambassador, InvitedAmbassador } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import type { PagedList } from '../../lib/paged';
import { useI18n } from '../../lib/use-i18n';

export interface AmbassadorTableProps {
  list: PagedList<Ambassador>;
  filtered: boolean;
  canWrite: boolean;
  onNewLink: (answer: InvitedAmbassador) => void;
  onRemove: (ambassador: Ambassador) => void;
}

/** Ambassadors with their status and charter version; row actions: new link (invited), remove. */
const AmbassadorTable: VoidComponent<AmbassadorTableProps> = (props) => {
  const { t, lang } = useI18n();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<ApiClientError | null>(null);

  const newLink = async (ambassador: Ambassador) => {
    setBusy(ambassador.id);
    setError(null);
    try {
      props.onNewLink(await unwrap(client.api.v1.ambassadors[':id'].invitation.$post({ param: { id: ambassador.id } })));
    } catch (e) {
      if (!(e instanceof ApiClientError)) throw e;
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <PagedTable
      list={props.list}
      label={t('ambassadors.list')}
      columns={[
        t('field.name'),
        t('field.email'),
        t('ambassadors.team'),
        t('ambassadors.profile'),
        t('field.status'),
        t('ambassadors.charter'),
        t('ambassadors.invitedAt'),
        ...(props.canWrite ? [t('field.actions')] : []),
      ]}
      emptyState={<p>{props.filtered ? t('ambassadors.emptyFiltered') : t('ambassadors.empty')}</p>}
      notice={
        <Show when={error()}>
          <FormError error={error()} />
        </Show>
      }
      row={(a) => (
        <tr>
          <th scope="row">{a.name ?? <em>{t('ambassador.erased')}</em>}</th>
          <td>{a.email ?? '—'}</td>
          <td>{a.team ?? '—'}</td>
          <td>{a.profile ? t(`profile.${a.profile}`) : '—'}</td>
          <td>
            <span class={`badge badge--${a.status}`}>{t(`ambassadorStatus.${a.status}`)}</span>
          </td>
          <td>{a.charterVersion === null ? '—' : t('charter.versionN', { version: a.charterVersion })}</td>
          <td>{formatDate(a.invitedAt, lang())}</td>
          <Show when={props.canWrite}>
            <td class="row-actions">
              <div>
                <Show when={a.status === 'invited'}>
                  <RowButton label={t('ambassadors.newLink')} name={a.name} disabled={busy() === a.id} onClick={() => void newLink(a)} />
                </Show>
                <Show when={a.status !== 'left'}>
                  <RowButton label={t('action.remove')} name={a.name} danger onClick={() => props.onRemove(a)} />
                </Show>
              </div>
            </td>
          </Show>
        </tr>
      )}
    />
  );
};

export default AmbassadorTable;
