import { For, Show, type JSX } from 'solid-js';
import type { PagedList } from '../lib/paged';
import ListState from './ListState';
import LoadMore from './LoadMore';
import TableWrap from './TableWrap';

export interface PagedTableProps<T> {
  list: PagedList<T>;
  /** Names the table's scrolling group (and its caption, when `caption` is set). */
  label: string;
  caption?: boolean;
  /** Column headings, in order; `row` renders the same cells. */
  columns: readonly string[];
  emptyState: JSX.Element;
  /** Above the table, e.g. the error of a row's action. */
  notice?: JSX.Element;
  row: (item: T) => JSX.Element;
}

/** A paginated list as a table: its states (failed, loading, empty), the rows, and "show more". */
function PagedTable<T>(props: PagedTableProps<T>) {
  return (
    <ListState list={props.list} emptyState={props.emptyState}>
      {props.notice}
      <TableWrap label={props.label}>
        <table>
          <Show when={props.caption}>
            <caption class="visually-hidden">{props.label}</caption>
          </Show>
          <thead>
            <tr>
              <For each={props.columns}>{(heading) => <th scope="col">{heading}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.list.items()}>{(item) => props.row(item)}</For>
          </tbody>
        </table>
      </TableWrap>
      <LoadMore list={props.list} />
    </ListState>
  );
}

export default PagedTable;
