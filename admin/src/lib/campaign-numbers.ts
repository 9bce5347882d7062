/** The figures shown beside campaigns and their contents: the last 30 days, one `/kpis` call per list. */
import { client, unwrap } from './api';
import { presetPeriod } from './kpi-period';
import type { KpiTotals } from './kpi-types';

/** Totals per group key (campaign or content id) over the last 30 days, and the whole scope's totals. */
export async function loadNumbers(groupBy: 'campaign' | 'content', campaignId?: string): Promise<{ totals: KpiTotals; byKey: Map<string, KpiTotals> }> {
  const report = await unwrap(client.api.v1.kpis.$get({ query: { ...presetPeriod('30'), groupBy, campaignId } }));
  return { totals: report.totals, byKey: new Map(report.groups.map((group) => [group.key, group.totals])) };
}
