/** The KPI report's shapes, inferred from the typed client (STYLE rule 1: never retype a shape). */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { client } from './api';

type Kpis = typeof client.api.v1.kpis;

export type KpiReport = InferResponseType<Kpis['$get'], 200>;
export type KpiTotals = KpiReport['totals'];
export type KpiGroup = KpiReport['groups'][number];
export type KpiQuery = InferRequestType<Kpis['$get']>['query'];
export type KpiGroupBy = NonNullable<KpiQuery['groupBy']>;
export type FilterReason = keyof KpiTotals['filtered'];
/** The KPIs that are plain numbers (everything but `filtered`). */
export type KpiNumberKey = { [K in keyof KpiTotals]: KpiTotals[K] extends number ? K : never }[keyof KpiTotals];
