/**
 * Builds and starts everything the browser tests need, once per run (STYLE §10):
 * admin build → migrations + seed in a fresh state dir → landing server → e2e links (and the r.js
 * shop link with its API key) → Worker (`unstable_startWorker`; the shop then loads its r.js) → a
 * shared Chromium. Tests get the addresses via `inject()`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { unstable_startWorker } from 'wrangler';
import { insertLandingLink, insertShopLink, type E2eLink, type E2eShop } from './fixtures';
import { LANDING_HOST, startLandingServer, type LandingServer } from './landing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Worker, e.g. `http://127.0.0.1:40123` (no trailing slash). */
    baseUrl: string;
    landingUrl: string;
    wsEndpoint: string;
    /** wrangler `--persist-to` directory of this run's local D1. */
    persistTo: string;
    link: E2eLink;
    /** The r.js journey: a link to `<landing>/shop/job` and a `conversions:write` key. */
    shop: E2eShop;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', ASTRO_TELEMETRY_DISABLED: '1' };
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
    if (process.env.E2E_SKIP_BUILD === '1') {
      if (!existsSync(path.join(ROOT, 'dist/site/admin/index.html'))) throw new Error('E2E_SKIP_BUILD=1 but dist/site has no admin build');
    } else {
      await run('npm', ['run', '--silent', 'build:admin']);
    }

    const persistTo = await mkdtemp(path.join(os.tmpdir(), 'relais-e2e-'));
    cleanups.push(() => rm(persistTo, { recursive: true, force: true }));
    await run(BIN('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
    await run(BIN('tsx'), ['scripts/seed.ts', '--persist-to', persistTo]);

    const landing: LandingServer = await startLandingServer();
    cleanups.push(landing.close);
    const link = await insertLandingLink(persistTo, landing.url);
    const shop = await insertShopLink(persistTo, landing.url);

    const worker = await unstable_startWorker({
      config: path.join(ROOT, 'wrangler.toml'),
      sendMetrics: false,
      // The committed example values, never a developer's own .dev.vars (which a fresh CI checkout lacks).
      envFiles: ['.dev.vars.example'],
      dev: {
        server: { hostname: '127.0.0.1', port: 0 },
        inspector: false,
        persist: persistTo,
        watch: false,
        liveReload: false,
        logLevel: 'warn',
      },
    });
    cleanups.push(() => worker.dispose());
    const baseUrl = (await worker.url).origin;
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
    project.provide('persistTo', persistTo);
    project.provide('link', link);
    project.provide('shop', shop);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
