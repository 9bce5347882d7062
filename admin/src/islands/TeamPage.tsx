import { createResource, Show, type VoidComponent } from 'solid-js';
import PagedTable from '../components/PagedTable';
import RemovalDialog from '../components/RemovalDialog';
import RowButton from '../components/RowButton';
import { client, unwrap } from '../lib/api';
import type { Admin } from '../lib/api-types';
import { formatDate } from '../lib/format';
import { createPagedList } from '../lib/paged';
import { createRemoval } from '../lib/removal';
import { isOwner, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import AdminInviteForm from './team/AdminInviteForm';
import Pending from '../components/Pending';

/** `/admin/team/`: the organisation's admins; owners invite and remove (never the last owner: 409). */
const TeamPage: VoidComponent = () => {
  const { t, lang, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const list = createPagedList(mounted, (_, cursor) => unwrap(client.api.v1.admins.$get({ query: { cursor } })));
  const removal = createRemoval<Admin>((admin) => unwrap(client.api.v1.admins[':id'].$delete({ param: { id: admin.id } })), list.reload);

  return (
    <Pending>
      <>
        <Show when={me() && !isOwner(me())}>
          <p class="notice">{t('team.ownersOnly')}</p>
        </Show>
        <Show when={isOwner(me())}>
          <AdminInviteForm onInvited={list.reload} />
        </Show>
        <section aria-labelledby="team-list">
          <h2 id="team-list">{t('team.list')}</h2>
          <PagedTable
            list={list}
            label={t('team.list')}
            columns={[t('field.name'), t('field.email'), t('team.role'), t('field.status'), t('field.created'), ...(isOwner(me()) ? [t('field.actions')] : [])]}
            emptyState={<p>{t('team.empty')}</p>}
            row={(admin) => (
              <tr>
                <th scope="row">{admin.name}</th>
                <td>{admin.email}</td>
                <td>{t(`role.${admin.role}`)}</td>
                <td>
                  <span class={`badge badge--${admin.status}`}>{t(`adminStatus.${admin.status}`)}</span>
                </td>
                <td>{formatDate(admin.createdAt, lang())}</td>
                <Show when={isOwner(me())}>
                  <td>
                    <RowButton label={t('action.remove')} name={admin.name} danger onClick={() => removal.ask(admin)} />
                  </td>
                </Show>
              </tr>
            )}
          />
        </section>
        <RemovalDialog removal={removal} title={(item) => t('team.remove.title', { name: item?.name ?? '' })} confirmLabel={t('action.remove')}>
          <p>{t('team.remove.body')}</p>
        </RemovalDialog>
      </>
    </Pending>
  );
};

export default TeamPage;
