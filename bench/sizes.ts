/**
 * What Relais ships, gzipped, against its budgets: the Worker bundle and the JavaScript of each page.
 * Reads the builds `npm run build:admin` and `npm run build:worker` leave in dist/. Part of `npm run bench`.
 *
 *   npx tsx bench/sizes.ts
 */
import path from 'node:path';
import { BUDGETS_KB, pageScriptsGzip, workerBundleGzip } from './lib/sizes';
import { ROOT } from './lib/serve';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (bytes: number, budgetKb: number) => (bytes <= budgetKb * 1024 ? `within ${budgetKb} KB` : `OVER the ${budgetKb} KB budget`);

const worker = workerBundleGzip(path.join(ROOT, 'dist/worker'));
console.log(`worker bundle: ${kb(worker)} KB gzip (${verdict(worker, BUDGETS_KB.worker)})`);
const pages = pageScriptsGzip(path.join(ROOT, 'dist/site'));
console.log('JavaScript per page, first visit, gzip:');
for (const [page, bytes] of Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) {
  const budget = BUDGETS_KB[page as keyof typeof BUDGETS_KB];
  console.log(`  ${page.padEnd(24)} ${kb(bytes).padStart(6)} KB${budget ? `  (${verdict(bytes, budget)})` : ''}`);
}
console.log(`\nsummary ${JSON.stringify({ workerGzip: worker, pagesGzip: pages })}`);
