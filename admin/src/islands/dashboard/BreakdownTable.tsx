import { createMemo, createSignal, For, Show, type VoidComponent } from 'solid-js';
import TableWrap from '../../components/TableWrap';
import { isMessageKey, type MessageKey } from '../../lib/i18n';
import type { KpiGroup, KpiGroupBy, KpiNumberKey } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';
import { formatKpi } from './KpiTiles';

type Column = { key: 'label' | KpiNumberKey; label: MessageKey; kind: 'count' | 'rate' | 'money' };

const COLUMNS: Column[] = [
  { key: 'label', label: 'dash.breakdown.name', kind: 'count' },
  { key: 'shares', label: 'dash.kpi.shares', kind: 'count' },
  { key: 'reach', label: 'dash.kpi.reach', kind: 'count' },
  { key: 'clicks', label: 'dash.kpi.clicks', kind: 'count' },
  { key: 'uniqueVisitors', label: 'dash.kpi.uniqueVisitors', kind: 'count' },
  { key: 'conversions', label: 'dash.kpi.conversions', kind: 'count' },
  { key: 'conversionValue', label: 'dash.kpi.conversionValue', kind: 'money' },
  { key: 'emv', label: 'dash.kpi.emv', kind: 'money' },
];

/** The dashboard's breakdowns, in the page's order. */
export const BREAKDOWNS = ['campaign', 'network', 'content', 'team', 'ambassador'] as const satisfies readonly KpiGroupBy[];
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Each breakdown's title, and a note where the grouping hides who is behind the numbers. */
const TEXTS: Record<Breakdown, { title: MessageKey; note?: MessageKey }> = {
  campaign: { title: 'dash.breakdown.campaign' },
  network: { title: 'dash.breakdown.network' },
  content: { title: 'dash.breakdown.content' },
  team: { title: 'dash.breakdown.team', note: 'dash.breakdown.teamNote' },
  ambassador: { title: 'dash.breakdown.ambassador', note: 'dash.breakdown.ambassadorNote' },
};

/**
 * The API's anonymous groups (API.md, KPIs), which it labels in English only: `others` (everyone not shown by
 * name) and `all` (everyone, when the hidden remainder would be 1 to 4 people and so single them out).
 */
const ANONYMOUS: Record<string, MessageKey> = { others: 'dash.breakdown.others', all: 'dash.breakdown.all' };

export interface BreakdownTableProps {
  groupBy: Breakdown;
  groups: KpiGroup[];
  currency: string;
}

/** One grouping of the report as a table, sorted by clicking a column header (`aria-sort`). */
const BreakdownTable: VoidComponent<BreakdownTableProps> = (props) => {
  const { t, lang } = useI18n();
  const [sortKey, setSortKey] = createSignal<Column['key']>('clicks');
  const [descending, setDescending] = createSignal(true);
  const id = () => `dash-by-${props.groupBy}`;
  const title = () => t(TEXTS[props.groupBy].title);
  const labelOf = (group: KpiGroup) => {
    const anonymous = ANONYMOUS[group.key];
    if (anonymous) return t(anonymous);
    // The API labels a network by its key (`x`, `linkedin`): its name is in the dictionaries.
    const network = `network.${group.key}`;
    return props.groupBy === 'network' && isMessageKey(network) ? t(network) : group.label;
  };

  const sorted = createMemo(() => {
    const key = sortKey();
    const factor = descending() ? -1 : 1;
    return [...props.groups].sort((a, b) => {
      const order = key === 'label' ? labelOf(a).localeCompare(labelOf(b), lang()) : a.totals[key] - b.totals[key];
      return order * factor;
    });
  });

  const sortBy = (key: Column['key']) => {
    if (sortKey() === key) setDescending(!descending());
    else {
      setSortKey(key);
      setDescending(key !== 'label');
    }
  };

  return (
    <section class="dash-breakdown" aria-labelledby={`${id()}-title`}>
      <h3 id={`${id()}-title`}>{title()}</h3>
      <Show when={TEXTS[props.groupBy].note}>{(note) => <p class="meta">{t(note())}</p>}</Show>
      <Show when={props.groups.length === 1 && props.groups[0]?.key === 'all'}>
        <p class="meta">{t('dash.breakdown.allNote')}</p>
      </Show>
      <Show when={props.groups.length > 0} fallback={<p class="meta">{t('dash.breakdown.empty')}</p>}>
        <TableWrap label={title()}>
          <table class="dash-table" data-group={id()}>
            <thead>
              <tr>
                <For each={COLUMNS}>
                  {(column) => (
                    <th scope="col" aria-sort={sortKey() === column.key ? (descending() ? 'descending' : 'ascending') : undefined} class={column.key === 'label' ? undefined : 'num'}>
                      <button type="button" class="dash-sort" onClick={() => sortBy(column.key)}>
                        {t(column.label)}
                        <span aria-hidden="true" class="dash-sort__icon">
                          {sortKey() === column.key ? (descending() ? '\u00a0▼' : '\u00a0▲') : '\u00a0↕'}
                        </span>
                      </button>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={sorted()}>
                {(group) => (
                  <tr>
                    <th scope="row">
                      <Show when={props.groupBy === 'content' && !ANONYMOUS[group.key]} fallback={labelOf(group)}>
                        <a href={`/admin/contents/stats/?id=${encodeURIComponent(group.key)}`}>{labelOf(group)}</a>
                      </Show>
                    </th>
                    <For each={COLUMNS.slice(1)}>
                      {(column) => <td class="num">{column.key === 'label' ? '' : formatKpi(group.totals[column.key], column.kind, props.currency, lang())}</td>}
                    </For>
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

export default BreakdownTable;
