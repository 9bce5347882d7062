import { For, Show, type VoidComponent } from 'solid-js';
import TableWrap from '../../components/TableWrap';
import { formatCount, formatRate } from '../../lib/kpi-format';
import { useI18n } from '../../lib/use-i18n';
import type { Breakdown } from './sources-types';

export interface SourceTableProps {
  /** The table's heading; its id prefix. */
  title: string;
  id: string;
  breakdown: Breakdown;
  /** A value's name in the page's language (null: not known). */
  nameOf: (key: string | null) => string;
}

/** One breakdown of human clicks (referrers, countries or devices): the top values, then "Other". */
const SourceTable: VoidComponent<SourceTableProps> = (props) => {
  const { t, lang } = useI18n();
  const rows = () => [...props.breakdown.rows.map((row) => ({ name: props.nameOf(row.key), clicks: row.clicks })), ...(props.breakdown.other > 0 ? [{ name: t('sources.other'), clicks: props.breakdown.other }] : [])];
  const total = () => rows().reduce((acc, row) => acc + row.clicks, 0);
  return (
    <section class="dash-breakdown" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <Show when={total() > 0} fallback={<p class="meta">{t('sources.noSources')}</p>}>
        <TableWrap label={props.title}>
          <table class="dash-table" data-sources={props.id}>
            <thead>
              <tr>
                <th scope="col">{props.title}</th>
                <th scope="col" class="num">{t('sources.column.clicks')}</th>
                <th scope="col" class="num">{t('sources.column.share')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.name}</th>
                    <td class="num">{formatCount(row.clicks, lang())}</td>
                    <td class="num">{formatRate(row.clicks / total(), lang())}</td>
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

export default SourceTable;
