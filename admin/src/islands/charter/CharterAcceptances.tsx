import { For, type VoidComponent } from 'solid-js';
import ListState from '../../components/ListState';
import LoadMore from '../../components/LoadMore';
import { client, unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { createPagedList } from '../../lib/paged';
import { useI18n } from '../../lib/use-i18n';

export interface CharterAcceptancesProps {
  version: number;
}

/** Who accepted one version, and when (`GET /charters/{version}/acceptances`). */
const CharterAcceptances: VoidComponent<CharterAcceptancesProps> = (props) => {
  const { t, lang } = useI18n();
  const list = createPagedList(
    () => String(props.version),
    (version, cursor) => unwrap(client.api.v1.charters[':version'].acceptances.$get({ param: { version }, query: { cursor } })),
  );
  return (
    <div class="acceptances">
      <h3>{t('charter.acceptancesOf', { version: props.version })}</h3>
      <ListState list={list} emptyState={<p>{t('charter.noAcceptance')}</p>}>
        <ul>
          <For each={list.items()}>
            {(acceptance) => (
              <li>
                {acceptance.name ?? t('ambassador.erased')} — {formatDateTime(acceptance.acceptedAt, lang())}
              </li>
            )}
          </For>
        </ul>
        <LoadMore list={list} />
      </ListState>
    </div>
  );
};

export default CharterAcceptances;
