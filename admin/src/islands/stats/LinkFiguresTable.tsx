import { For, Match, Show, Switch, type VoidComponent } from 'solid-js';
import TableWrap from '../../components/TableWrap';
import { formatCount } from '../../lib/kpi-format';
import { useI18n } from '../../lib/use-i18n';
import type { ContentStats, LinkFigures } from './sources-types';

export interface LinkFiguresTableProps {
  stats: Pick<ContentStats, 'links' | 'linksWithheld'>;
  /** Query string of the period, carried to a link's page. */
  period: string;
}

/** The content's links: visible ambassadors' links (each opening its page), then "Others"; or why there are none. */
const LinkFiguresTable: VoidComponent<LinkFiguresTableProps> = (props) => {
  const { t, lang } = useI18n();
  const name = (row: LinkFigures) => (row.key === 'others' ? t('sources.links.others', { count: formatCount(row.links, lang()) }) : (row.ambassadorName ?? ''));
  return (
    <section class="dash-breakdown" aria-labelledby="sources-links-title">
      <h2 id="sources-links-title">{t('sources.links.title')}</h2>
      <Switch fallback={<p class="meta">{t('sources.links.note')}</p>}>
        <Match when={props.stats.linksWithheld}>
          <p class="notice" data-testid="links-withheld">{t('sources.links.withheld')}</p>
        </Match>
        <Match when={props.stats.links.length === 0}>
          <p class="meta">{t('sources.links.empty')}</p>
        </Match>
      </Switch>
      <Show when={props.stats.links.length > 0}>
      <TableWrap label={t('sources.links.title')}>
        <table class="dash-table" data-sources="links">
          <thead>
            <tr>
              <th scope="col">{t('sources.links.ambassador')}</th>
              <th scope="col">{t('sources.links.network')}</th>
              <th scope="col" class="num">{t('dash.kpi.clicks')}</th>
              <th scope="col" class="num">{t('dash.kpi.uniqueVisitors')}</th>
              <th scope="col" class="num">{t('dash.kpi.conversions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.stats.links}>
              {(row) => (
                <tr>
                  <th scope="row">
                    {row.key === 'others' ? name(row) : <a href={`/admin/links/stats/?id=${encodeURIComponent(row.key)}&${props.period}`}>{name(row)}</a>}
                  </th>
                  <td>{row.network ? t(`network.${row.network}`) : '—'}</td>
                  <td class="num">{formatCount(row.clicks, lang())}</td>
                  <td class="num">{formatCount(row.uniqueVisitors, lang())}</td>
                  <td class="num">{formatCount(row.conversions, lang())}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableWrap>
      </Show>
    </section>
  );
};

export default LinkFiguresTable;
