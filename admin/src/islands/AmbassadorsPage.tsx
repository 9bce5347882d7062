import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import RemovalDialog from '../components/RemovalDialog';
import { Select } from '../components/Select';
import { client, unwrap } from '../lib/api';
import type { Ambassador, AmbassadorStatus, InvitedAmbassador } from '../lib/api-types';
import { AMBASSADOR_STATUSES } from '../lib/enums';
import { createPagedList } from '../lib/paged';
import { createRemoval } from '../lib/removal';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import AmbassadorInviteForm from './ambassadors/AmbassadorInviteForm';
import AmbassadorTable from './ambassadors/AmbassadorTable';
import InviteLinkPanel from './ambassadors/InviteLinkPanel';
import { settled } from '../lib/settled';
import Pending from '../components/Pending';

/** `/admin/ambassadors/`: invite volunteers, send fresh links, erase those who leave. */
const AmbassadorsPage: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [status, setStatus] = createSignal<AmbassadorStatus | ''>('');
  const [link, setLink] = createSignal<InvitedAmbassador | null>(null);
  // Analysts read dashboards and exports only: the API refuses them the list of people (API.md).
  const list = createPagedList(
    () => canWrite(settled(me)) && { status: status() || undefined },
    (query, cursor) => unwrap(client.api.v1.ambassadors.$get({ query: { ...query, cursor } })),
  );
  const removal = createRemoval<Ambassador>((a) => unwrap(client.api.v1.ambassadors[':id'].$delete({ param: { id: a.id } })), list.reload);
  let panel: HTMLDivElement | undefined;

  const showLink = (answer: InvitedAmbassador, focus: boolean) => {
    setLink(answer);
    list.reload();
    if (focus) panel?.querySelector<HTMLElement>('h2')?.focus();
  };

  return (
    <Pending>
      <Show when={me.state !== 'ready' || canWrite(me())} fallback={<p class="notice">{t('ambassadors.analyst')}</p>}>
        <Show when={canWrite(me())}>
          <AmbassadorInviteForm onInvited={(answer) => showLink(answer, false)} />
        </Show>
        <div ref={panel} aria-live="polite">
          <Show when={link()}>{(answer) => <InviteLinkPanel invited={answer()} onDismiss={() => setLink(null)} />}</Show>
        </div>
        <section aria-labelledby="ambassadors-list">
          <div class="toolbar">
            <h2 id="ambassadors-list">{t('ambassadors.list')}</h2>
            <div class="field field--inline">
              <label for="ambassador-filter">{t('field.status')}</label>
              <Select attrs={{ id: 'ambassador-filter' }} value={status()} onChange={setStatus} options={[{ value: '', label: t('filter.all') }, ...AMBASSADOR_STATUSES.map((s) => ({ value: s, label: t(`ambassadorStatus.${s}`) }))]} />
            </div>
          </div>
          <AmbassadorTable list={list} filtered={status() !== ''} canWrite={canWrite(me())} onNewLink={(answer) => showLink(answer, true)} onRemove={removal.ask} />
        </section>
        <RemovalDialog removal={removal} title={(item) => t('ambassadors.remove.title', { name: item?.name ?? '' })} confirmLabel={t('ambassadors.remove.confirm')}>
          <p>{t('ambassadors.remove.body')}</p>
          <p>{t('ambassadors.remove.links')}</p>
        </RemovalDialog>
      </Show>
    </Pending>
  );
};

export default AmbassadorsPage;
