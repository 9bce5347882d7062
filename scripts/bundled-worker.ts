/**
 * Miniflare options that run the Worker the way production does, minus the dev tooling: the bundle
 * `wrangler deploy --dry-run --outdir` writes, and the bindings `unstable_getMiniflareWorkerOptions` reads
 * from wrangler.toml. Not `wrangler dev`, whose proxy Worker, bundler and file watchers sit between a
 * client and the Worker. Used by the benches and the browser tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { WorkerOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WRANGLER_CONFIG = path.join(ROOT, 'wrangler.toml');

export interface BundledWorkerOptions {
  /** Directory of the bundle (`index.js` and its other modules). */
  dir: string;
  /** Serve the static site (wrangler.toml `[assets]`, its `run_worker_first` and `_headers`). */
  assets: boolean;
  /** The secrets (`.dev.vars` values), added to wrangler.toml's `[vars]`. */
  secrets?: Record<string, string>;
}

/** One Worker's options, named `relais`, ready for `new Miniflare({ ...options, … })`. */
export function bundledWorkerOptions(options: BundledWorkerOptions): WorkerOptions & { name: string } {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG);
  const { assets, ...rest } = workerOptions;
  return {
    ...rest,
    bindings: { ...rest.bindings, ...options.secrets },
    ...(options.assets ? { assets } : {}),
    name: 'relais',
    // The bundle's files listed as they are, as `wrangler dev` does: with `modules: true`, Miniflare
    // would try to resolve the optional `import("effect")`-style imports hono-openapi leaves in it.
    modulesRoot: options.dir,
    modules: bundleModules(options.dir),
  } as WorkerOptions & { name: string };
}

const MODULE_TYPES: Record<string, 'ESModule' | 'CompiledWasm' | 'Text' | 'Data'> = { '.js': 'ESModule', '.mjs': 'ESModule', '.wasm': 'CompiledWasm', '.txt': 'Text', '.html': 'Text', '.sql': 'Text', '.bin': 'Data' };

/** The modules of a `wrangler deploy --outdir` bundle, entry (`index.js`) first. */
function bundleModules(dir: string) {
  const files = readdirSync(dir).filter((f) => MODULE_TYPES[path.extname(f)]).sort((a, b) => Number(b === 'index.js') - Number(a === 'index.js'));
  return files.map((f) => ({ type: MODULE_TYPES[path.extname(f)]!, path: path.join(dir, f) }));
}

/** The `KEY=value` lines of a `.dev.vars`-style file under the project's root. */
export function readVarsFile(name: string): Record<string, string> {
  return parseEnv(readFileSync(path.join(ROOT, name), 'utf8')) as Record<string, string>;
}

/** The id of the D1 database bound as `binding` in wrangler.toml (its local SQLite file is named after it). */
export function d1DatabaseId(binding = 'DB'): string {
  const { d1Databases } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG).workerOptions;
  const entry = (d1Databases as Record<string, string | { id: string }> | undefined)?.[binding];
  const id = typeof entry === 'string' ? entry : entry?.id;
  if (!id) throw new Error(`wrangler.toml binds no D1 database as ${binding}`);
  return id;
}
