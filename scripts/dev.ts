/**
 * `npm run dev`: the whole local demo in one command, offline and without prompts.
 * Builds the admin, writes .dev.vars if missing, applies the D1 migrations, seeds the demo
 * organisation (idempotent), then runs `wrangler dev` on http://localhost:8787.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { constants, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO } from '../db/seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 8787;
const BASE_URL = `http://localhost:${PORT}`;
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
// Offline and quiet: no telemetry, and Miniflare's placeholder `Request.cf` instead of downloading a real one
// (which, without a network, printed a stack trace at every start).
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', ASTRO_TELEMETRY_DISABLED: '1', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

let current: ChildProcess | undefined;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else process.exit(130);
  });
}

/** Runs one step to completion; rejects when it fails. */
function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: ENV, stdio: 'inherit', ...options });
    current = child;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Waits until the worker answers /health, then prints where to click. */
async function announceWhenReady(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/health`);
      if (res.ok) {
        console.log(`\n  Relais is running. Short link to click: ${BASE_URL}/${DEMO.slug}`);
        console.log('  (open it in your browser: a click from curl or a headless browser is recorded as automated, not as a person)');
        console.log(`  Admin: ${BASE_URL}/admin/\n`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  await run('npm', ['run', '--silent', 'build:admin']);

  try {
    copyFileSync(path.join(ROOT, '.dev.vars.example'), path.join(ROOT, '.dev.vars'), constants.COPYFILE_EXCL);
    console.log('Wrote .dev.vars from .dev.vars.example.');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }

  // CI=true: wrangler answers its "About to apply N migration(s)" prompt with its default (yes).
  await run(BIN('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local'], {
    env: { ...ENV, CI: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await run(BIN('tsx'), [path.join('scripts', 'seed.ts')]);
  if (stopping) return;

  const dev = spawn(BIN('wrangler'), ['dev', '--port', String(PORT), '--ip', '127.0.0.1'], {
    cwd: ROOT,
    env: ENV,
    stdio: 'inherit',
  });
  current = dev;
  void announceWhenReady(dev);
  const code = await new Promise<number>((resolve) => dev.once('exit', (c, s) => resolve(c ?? (s ? 130 : 1))));
  process.exit(stopping ? 0 : code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
