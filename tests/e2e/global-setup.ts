/**
 * Builds and starts everything the browser tests need, once per run (STYLE §10):
 * site and Worker builds → migrations + seed in a fresh state dir → the deploy bundle with the site, in
 * one Miniflare (scripts/bundled-worker.ts; no `wrangler dev` proxy, bundler or watcher between the
 * browser and the Worker), with a SQL Worker on the same D1 for the tests → landing server → e2e links
 * (and the r.js shop link with its API key) → a shared Chromium. Tests get the addresses via `inject()`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { bundledWorkerOptions, d1DatabaseId, readVarsFile } from '../../scripts/bundled-worker';
import { sqlWorkerOptions } from '../../scripts/http-d1';
import { fakeWeb } from '../fake-web';
import { workerD1 } from './d1-bridge';
import { insertLandingLink, insertShopLink, type E2eLink, type E2eShop } from './fixtures';
import { LANDING_HOST, startLandingServer, type LandingServer } from './landing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Worker, e.g. `http://127.0.0.1:40123` (no trailing slash). */
    baseUrl: string;
    landingUrl: string;
    wsEndpoint: string;
    /** The SQL Worker beside the Worker, for `bridgedDb()` (d1-bridge.ts). */
    d1Url: string;
    link: E2eLink;
    /** The r.js journey: a link to `<landing>/shop/job` and a `conversions:write` key. */
    shop: E2eShop;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
// Offline and quiet: no telemetry, and Miniflare's placeholder `Request.cf` instead of downloading a real one
// (which, without a network, printed a stack trace at every start).
const ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', ASTRO_TELEMETRY_DISABLED: '1', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const exec = promisify(execFile);

/** Runs a command quietly; on failure, shows its output. */
async function run(command: string, args: string[]): Promise<void> {
  try {
    await exec(command, args, { cwd: ROOT, env: ENV, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** Starts the e2e environment and returns its teardown (which also runs if setup fails half-way). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('e2e teardown:', error));
  };

  try {
    const bundleDir = path.join(ROOT, 'dist/worker');
    if (process.env.E2E_SKIP_BUILD === '1') {
      for (const built of ['dist/site/admin/index.html', 'dist/worker/index.js']) {
        if (!existsSync(path.join(ROOT, built))) throw new Error(`E2E_SKIP_BUILD=1 but ${built} is missing (npm run build:admin && npm run build:worker)`);
      }
    } else {
      await run('npm', ['run', '--silent', 'build:admin']);
      await run('npm', ['run', '--silent', 'build:worker']);
    }

    const persistTo = await mkdtemp(path.join(os.tmpdir(), 'relais-e2e-'));
    cleanups.push(() => rm(persistTo, { recursive: true, force: true }));
    await run(BIN('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
    await run(BIN('tsx'), ['scripts/seed.ts', '--persist-to', persistTo]);

    const mf = new Miniflare({
      workers: [
        // The committed example values, never a developer's own .dev.vars (which a fresh CI checkout lacks).
        // Every fetch the Worker makes (link previews, images) lands on the fake web: no test reaches the internet.
        { ...bundledWorkerOptions({ dir: bundleDir, assets: true, secrets: readVarsFile('.dev.vars.example') }), outboundService: fakeWeb },
        // The tests' access to the same D1, on its own loopback socket (d1-bridge.ts).
        { ...sqlWorkerOptions(d1DatabaseId()), unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }] },
      ],
      host: '127.0.0.1',
      port: 0,
      // Where `wrangler … --persist-to` keeps its state: the migrated, seeded D1 above.
      defaultPersistRoot: path.join(persistTo, 'v3'),
      // A fixed Request.cf: offline, Miniflare would otherwise try to download one.
      cf: { country: 'FR', asn: 3215, colo: 'CDG' },
      log: new Log(LogLevel.WARN),
    });
    cleanups.push(() => mf.dispose());
    const baseUrl = (await mf.ready).origin;
    const d1Url = (await mf.unsafeGetDirectURL('sql')).href;
    const d1 = workerD1(d1Url);

    const landing: LandingServer = await startLandingServer();
    cleanups.push(landing.close);
    const link = await insertLandingLink(d1, landing.url);
    const shop = await insertShopLink(d1, landing.url);
    landing.setRelaisScript(`${baseUrl}/r.js`);

    const browser: BrowserServer = await chromium.launchServer({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        `--host-resolver-rules=MAP ${LANDING_HOST} 127.0.0.1`,
      ],
    });
    cleanups.push(() => browser.close());

    project.provide('baseUrl', baseUrl);
    project.provide('landingUrl', landing.url);
    project.provide('wsEndpoint', browser.wsEndpoint());
    project.provide('d1Url', d1Url);
    project.provide('link', link);
    project.provide('shop', shop);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
