/**
 * The KPI export's dialects (issue 11, item 9): RFC 4180 by default, exactly as before, and Excel's French
 * dialect (`;`, decimal comma, UTF-8 BOM, CRLF), each read back by Papa Parse with its own separator.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { KpiReport, KpiTotals } from '../../worker/schemas/kpis';
import { kpisToCsv } from '../../worker/services/kpi-csv';
import { makeApiKey, makeTenant } from './builders';
import { call, callJson } from './http';

const BOM = [0xef, 0xbb, 0xbf];

function totals(overrides: Partial<KpiTotals> = {}): KpiTotals {
  return {
    shares: 3, reach: 1200, reachEstimated: 200, impressions: 1000, engagements: 25, engagementRate: 0.025, clicks: 12, uniqueVisitors: 9,
    filtered: { preview: 4, scanner: 1, automated: 2, self: 0, optout: 1 },
    conversions: 2, conversionRate: 0.2222, conversionValue: 1234.5, emv: 36.75, ambassadors: 5, activeAmbassadors: 3, participationRate: 0.6,
    ...overrides,
  };
}

const report: KpiReport = {
  from: '2026-11-01',
  to: '2026-11-30',
  currency: 'EUR',
  totals: totals(),
  groups: [
    { key: 'cmp_1', label: 'Recrutement; Lyon', totals: totals({ clicks: 7, engagementRate: 0.5 }) },
    { key: 'cmp_2', label: '=HYPERLINK("http://evil.example")', totals: totals({ clicks: 5 }) },
    { key: 'cmp_3', label: '-1,5', totals: totals({ clicks: 0, emv: 0.05 }) },
  ],
};

const parse = (csv: string, delimiter: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true, delimiter });

describe('kpisToCsv', () => {
  it('writes Excel’s French dialect: BOM, `;` between cells, decimal commas, CRLF lines', () => {
    const csv = kpisToCsv(report, 'excel-fr');
    expect(csv.startsWith('\uFEFFfrom;to;key;label;shares;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(report.groups.length + 2);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    const parsed = parse(csv.slice(1), ';');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.label)).toEqual(['Recrutement; Lyon', '\'=HYPERLINK("http://evil.example")', "'-1,5", 'Total']);
    const total = parsed.data.at(-1);
    expect([total?.conversionValue, total?.emv, total?.engagementRate, total?.conversionRate, total?.clicks]).toEqual(['1234,5', '36,75', '0,025', '0,2222', '12']);
    expect(parsed.data[2]?.emv).toBe('0,05');
    // Every number cell reads back as the report's number once the comma is a point again.
    expect(Number(total?.participationRate?.replace(',', '.'))).toBe(report.totals.participationRate);
  });

  it('keeps RFC 4180 as the default, byte for byte: commas, decimal points, no BOM', () => {
    const csv = kpisToCsv(report);
    expect(kpisToCsv(report, 'rfc4180')).toBe(csv);
    expect(csv.split('\r\n')[0]).toBe(
      'from,to,key,label,shares,reach,reachEstimated,impressions,engagements,engagementRate,clicks,uniqueVisitors,filtered.preview,filtered.scanner,filtered.automated,filtered.self,filtered.optout,conversions,conversionRate,conversionValue,emv,ambassadors,activeAmbassadors,participationRate',
    );
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '2026-11-01,2026-11-30,cmp_1,Recrutement; Lyon,3,1200,200,1000,25,0.5,7,9,4,1,2,0,1,2,0.2222,1234.5,36.75,5,3,0.6',
      '2026-11-01,2026-11-30,cmp_2,"\'=HYPERLINK(""http://evil.example"")",3,1200,200,1000,25,0.025,5,9,4,1,2,0,1,2,0.2222,1234.5,36.75,5,3,0.6',
      '2026-11-01,2026-11-30,cmp_3,"\'-1,5",3,1200,200,1000,25,0.025,0,9,4,1,2,0,1,2,0.2222,1234.5,0.05,5,3,0.6',
    ]);
    const parsed = parse(csv, ',');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.label)).toEqual(['Recrutement; Lyon', '\'=HYPERLINK("http://evil.example")', "'-1,5", 'Total']);
  });
});

describe('GET /api/v1/exports/kpis.csv?dialect=', () => {
  it('answers the excel-fr dialect with a UTF-8 BOM, `;` and the numbers of /kpis', async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.organisationId, ['kpis:read']);
    const res = await call('/api/v1/exports/kpis.csv?groupBy=day&dialect=excel-fr', { bearer: key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="relais-kpis-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-by-day\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));
    const parsed = parse(text, ';');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(31);
    expect(parsed.data.at(-1)).toMatchObject({ key: 'total', clicks: '0', engagementRate: '0' });
  });

  it('answers RFC 4180 by default, the same bytes as dialect=rfc4180', async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.organisationId, ['kpis:read']);
    const plain = new Uint8Array(await (await call('/api/v1/exports/kpis.csv?groupBy=network', { bearer: key })).arrayBuffer());
    const explicit = new Uint8Array(await (await call('/api/v1/exports/kpis.csv?groupBy=network&dialect=rfc4180', { bearer: key })).arrayBuffer());
    expect([...plain.slice(0, 5)]).toEqual([...new TextEncoder().encode('from,')]);
    expect(explicit).toEqual(plain);
  });

  it('refuses an unknown dialect with 422 naming the field, and keeps /kpis access', async () => {
    const tenant = await makeTenant();
    const key = await makeApiKey(tenant.organisationId, ['kpis:read']);
    const bad = await callJson<{ error: { code: string; field: string } }>('/api/v1/exports/kpis.csv?dialect=excel', { bearer: key });
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([422, 'validation_failed', 'dialect']);
    expect((await callJson('/api/v1/exports/kpis.csv?dialect=excel-fr')).status).toBe(401);
    const writer = await makeApiKey(tenant.organisationId, ['conversions:write']);
    expect((await callJson('/api/v1/exports/kpis.csv?dialect=excel-fr', { bearer: writer })).status).toBe(403);
  });
});
