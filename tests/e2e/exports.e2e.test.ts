/**
 * Issue 11, item 9: a French communications manager exports what the dashboard shows, one file per table, in
 * Excel's French dialect (the default on a French page) or as RFC 4180 CSV, and each file reads back.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, open, shot, signedInClient, signedInContext } from './admin-helpers';
import { sharedBrowser } from './shared-browser';

const DEMO_ADMIN = { email: 'admin@demo.relais.test', password: 'relais-demo' };
const BOM = [0xef, 0xbb, 0xbf];

/** The bytes of a download (saved first: path() is unavailable on a remote browser). */
async function bytesOf(download: Download): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'relais-export-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Clicks one table's link in the export menu and returns the file it downloads. */
async function downloadTable(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  return { filename: download.suggestedFilename(), bytes: await bytesOf(download) };
}

describe('dashboard export', () => {
  const baseUrl = inject('baseUrl');
  const browser = sharedBrowser();

  it('exports every table in Excel’s French dialect by default, or as CSV, each file parsing back', async () => {
    const { context, page } = await signedInContext(browser(), DEMO_ADMIN);
    await open(page, '/admin/');
    await page.locator('.dash-tile[data-kpi="clicks"] .dash-tile__value').waitFor();

    // The menu opens from the keyboard, and offers both formats in French, Excel (FR) chosen.
    const summary = page.getByText('Exporter', { exact: true });
    await summary.focus();
    await page.keyboard.press('Enter');
    const excel = page.getByRole('radio', { name: 'Excel (FR)' });
    await excel.waitFor();
    expect(await excel.isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'CSV', exact: true }).isChecked()).toBe(false);
    // One file per table the dashboard shows: the daily chart and every breakdown.
    expect(await page.locator('.dash-export a').allTextContents()).toEqual(['Évolution par jour', 'Par campagne', 'Par réseau', 'Par contenu', 'Par équipe', 'Par ambassadeur']);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'export-menu');

    const byNetwork = await downloadTable(page, 'Par réseau');
    expect(byNetwork.filename).toMatch(/^relais-kpis-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-by-network\.csv$/);
    expect([...byNetwork.bytes.subarray(0, 3)]).toEqual(BOM);
    const text = byNetwork.bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^from;to;key;label;shares;/);
    const excelRows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ';' });
    expect(excelRows.errors).toEqual([]);
    const excelTotal = excelRows.data.find((row) => row.key === 'total');

    // The same table as the API answers it, to compare numbers written with a decimal comma.
    const href = (await page.locator('.dash-export a[data-group="network"]').getAttribute('href')) ?? '';
    const shown = new URL(href, page.url()).searchParams;
    expect(shown.get('dialect')).toBe('excel-fr');
    const api = await signedInClient(baseUrl, DEMO_ADMIN);
    const report = await (await api.api.v1.kpis.$get({ query: { from: shown.get('from') ?? '', to: shown.get('to') ?? '', groupBy: 'network' } })).json();
    expect(report.totals.clicks).toBeGreaterThan(0);
    expect(excelTotal?.clicks).toBe(String(report.totals.clicks));
    expect(excelTotal?.emv).toBe(String(report.totals.emv).replace('.', ','));
    expect(excelTotal?.conversionRate).toBe(String(report.totals.conversionRate).replace('.', ','));
    expect(excelRows.data.map((row) => row.key).sort()).toEqual([...report.groups.map((g) => g.key), 'total'].sort());

    // RFC 4180 on request: commas, decimal points, no BOM.
    await page.getByRole('radio', { name: 'CSV', exact: true }).check();
    const byDay = await downloadTable(page, 'Évolution par jour');
    expect(byDay.filename).toMatch(/-by-day\.csv$/);
    expect(byDay.bytes.subarray(0, 5).toString('utf8')).toBe('from,');
    const csvRows = Papa.parse<Record<string, string>>(byDay.bytes.toString('utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
    expect(csvRows.errors).toEqual([]);
    expect(csvRows.data.find((row) => row.key === 'total')?.clicks).toBe(String(report.totals.clicks));
    expect(Number(csvRows.data.find((row) => row.key === 'total')?.emv)).toBe(report.totals.emv);

    // In English, the same choice in the page's language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('radio', { name: 'Excel (French)' }).waitFor();
    expect(await page.locator('.dash-export a').first().textContent()).toBe('Day by day');
    await context.close();
  });
});
