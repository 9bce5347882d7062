import { createSignal, Show, type VoidComponent } from 'solid-js';
import PagedTable from '../../components/PagedTable';
import type { Charter } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import type { PagedList } from '../../lib/paged';
import { useI18n } from '../../lib/use-i18n';
import CharterAcceptances from './CharterAcceptances';

export interface CharterVersionsProps {
  list: PagedList<Charter>;
}

/** Every published version with its acceptance count; one at a time can show who accepted it. */
const CharterVersions: VoidComponent<CharterVersionsProps> = (props) => {
  const { t, lang } = useI18n();
  const [open, setOpen] = createSignal<number | null>(null);
  return (
    <section class="panel" aria-labelledby="charter-versions">
      <h2 id="charter-versions">{t('charter.versions')}</h2>
      {/* Shown once there is a version (CharterPage), so the empty state never shows. */}
      <PagedTable
        list={props.list}
        label={t('charter.versions')}
        columns={[t('charter.version'), t('charter.publishedAt'), t('charter.acceptances'), t('field.actions')]}
        emptyState={null}
        row={(charter) => (
          <tr>
            <th scope="row">{t('charter.versionN', { version: charter.version })}</th>
            <td>{formatDate(charter.publishedAt, lang())}</td>
            <td>{charter.acceptedBy}</td>
            <td>
              <button type="button" class="button button--small" aria-expanded={open() === charter.version} aria-controls="charter-acceptances" onClick={() => setOpen(open() === charter.version ? null : charter.version)}>
                {t('charter.whoAccepted')}
                <span class="visually-hidden"> {t('charter.versionN', { version: charter.version })}</span>
              </button>
            </td>
          </tr>
        )}
      />
      <div id="charter-acceptances" aria-live="polite">
        <Show when={open()} keyed>
          {(version) => <CharterAcceptances version={version} />}
        </Show>
      </div>
    </section>
  );
};

export default CharterVersions;
