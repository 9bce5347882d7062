import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import PagedTable from '../components/PagedTable';
import { Select } from '../components/Select';
import { client, unwrap } from '../lib/api';
import { AUDIT_ACTIONS, isKnownAction } from '../lib/audit-actions';
import { formatDateTime } from '../lib/format';
import { createPagedList } from '../lib/paged';
import { isOwner, requireSession } from '../lib/session';
import { settled } from '../lib/settled';
import { useI18n } from '../lib/use-i18n';
import Pending from '../components/Pending';
import AuditChange from './audit-log/AuditChange';

/** `/admin/audit-log/` (owners only): every change to who sees what or where a link leads, newest first. */
const AuditLogPage: VoidComponent = () => {
  const { t, lang, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [action, setAction] = createSignal('');
  const list = createPagedList(
    () => isOwner(settled(me)) && { action: action() },
    (filter, cursor) => unwrap(client.api.v1['audit-log'].$get({ query: { cursor, action: filter.action === '' ? undefined : filter.action } })),
  );
  const actionLabel = (name: string) => (isKnownAction(name) ? t(`audit.action.${name}`) : name);
  const options = () => [{ value: '', label: t('audit.filter.all') }, ...AUDIT_ACTIONS.map((name) => ({ value: name, label: actionLabel(name) }))];

  return (
    <Pending>
      <Show when={me()} fallback={<p class="loading" aria-busy="true">{t('state.loading')}</p>}>
        <Show when={isOwner(me())} fallback={<p class="notice">{t('audit.ownersOnly')}</p>}>
          <p class="field">
            <label for="audit-action">{t('audit.filter')}</label>
            <Select attrs={{ id: 'audit-action' }} value={action()} options={options()} onChange={setAction} />
          </p>
          <PagedTable
            list={list}
            label={t('audit.list')}
            caption
            columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.change')]}
            emptyState={<p>{action() === '' ? t('audit.empty') : t('audit.emptyFiltered')}</p>}
            row={(entry) => (
              <tr>
                <td>
                  <time datetime={entry.at}>{formatDateTime(entry.at, lang())}</time>
                </td>
                <td>{entry.actor.label ?? t(`audit.actor.${entry.actor.kind}`)}</td>
                <th scope="row">{actionLabel(entry.action)}</th>
                <td>
                  {entry.target.type}
                  <Show when={entry.target.id}>
                    {(id) => (
                      <>
                        {' '}
                        <code>{id()}</code>
                      </>
                    )}
                  </Show>
                </td>
                <td>
                  <AuditChange before={entry.before} after={entry.after} />
                </td>
              </tr>
            )}
          />
        </Show>
      </Show>
    </Pending>
  );
};

export default AuditLogPage;
