import { createResource, Show, type VoidComponent } from 'solid-js';
import ListState from '../components/ListState';
import { client, unwrap } from '../lib/api';
import { createPagedList } from '../lib/paged';
import { canWrite, requireSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import CharterCurrent from './charter/CharterCurrent';
import CharterPublishForm from './charter/CharterPublishForm';
import CharterVersions from './charter/CharterVersions';
import Pending from '../components/Pending';

/** `/admin/charter/`: the current charter, publishing the next version, and who accepted which. */
const CharterPage: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const list = createPagedList(mounted, (_, cursor) => unwrap(client.api.v1.charters.$get({ query: { cursor } })));
  // Versions come newest first: the first one is in force.
  const current = () => list.items()[0];

  return (
    <Pending>
      <>
        <ListState list={list} emptyState={<p>{t('charter.empty')}</p>}>
          <Show when={current()}>{(charter) => <CharterCurrent charter={charter()} />}</Show>
        </ListState>
        <Show when={canWrite(me()) && list.first.latest !== undefined}>
          <CharterPublishForm current={current() ?? null} onPublished={list.reload} />
        </Show>
        <Show when={list.items().length > 0}>
          <CharterVersions list={list} />
        </Show>
      </>
    </Pending>
  );
};

export default CharterPage;
