import { createSignal, For, type VoidComponent } from 'solid-js';
import type { MessageKey } from '../../lib/i18n';
import type { KpiGroupBy } from '../../lib/kpi-types';
import { useI18n } from '../../lib/use-i18n';
import { breakdownsFor } from './Report';
import type { Scope } from './Report';
import '../../styles/dashboard-export.css';

/** The export's dialects (API.md: `GET /api/v1/exports/kpis.csv?dialect=`). */
type Dialect = 'excel-fr' | 'rfc4180';

const FORMATS: Array<{ dialect: Dialect; label: MessageKey }> = [
  { dialect: 'excel-fr', label: 'dash.export.excelFr' },
  { dialect: 'rfc4180', label: 'dash.export.csv' },
];

/** What each file holds, named as the dashboard names the chart or table it comes from. */
const TABLES: Record<KpiGroupBy, MessageKey> = {
  day: 'dash.chart.title',
  campaign: 'dash.breakdown.campaign',
  network: 'dash.breakdown.network',
  content: 'dash.breakdown.content',
  team: 'dash.breakdown.team',
  ambassador: 'dash.breakdown.ambassador',
};

/** One table of the dashboard as a CSV file: the same parameters as `/kpis`, plus the dialect. */
export function exportHref({ period, campaignId }: Scope, groupBy: KpiGroupBy, dialect: Dialect): string {
  const query = new URLSearchParams({ from: period.from, to: period.to, groupBy, dialect });
  if (campaignId) query.set('campaignId', campaignId);
  return `/api/v1/exports/kpis.csv?${query}`;
}

/**
 * The dashboard's export: a format (Excel in French, the default on a French page, or RFC 4180 CSV), then one
 * CSV file per table shown (each opens straight in a spreadsheet; each ends with the total).
 */
const ExportMenu: VoidComponent<{ scope: Scope }> = (props) => {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = createSignal<Dialect | undefined>();
  const dialect = (): Dialect => chosen() ?? (lang() === 'fr' ? 'excel-fr' : 'rfc4180');
  const tables = (): KpiGroupBy[] => ['day', ...breakdownsFor(props.scope.campaignId)];
  return (
    <details class="dash-export">
      <summary class="button">{t('dash.export')}</summary>
      <div class="dash-export__panel">
        <fieldset class="plain">
          <legend>{t('dash.export.format')}</legend>
          <For each={FORMATS}>
            {(format) => (
              <label class="dash-export__format">
                <input type="radio" name="dash-export-format" value={format.dialect} checked={dialect() === format.dialect} onChange={() => setChosen(format.dialect)} />
                {t(format.label)}
              </label>
            )}
          </For>
        </fieldset>
        <p class="meta">{t('dash.export.hint')}</p>
        <ul class="dash-export__files">
          <For each={tables()}>
            {(groupBy) => (
              <li>
                <a href={exportHref(props.scope, groupBy, dialect())} download="" data-group={groupBy}>
                  {t(TABLES[groupBy])}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </details>
  );
};

export default ExportMenu;
