import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { fakeWeb } from '../fake-web';

const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, 'db/migrations'));
  return {
    root,
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(root, 'wrangler.toml') },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            CLICK_SIGNING_KEY: 'test-click-signing-key',
            OPERATOR_TOKEN: 'test-operator-token',
          },
          // Every fetch the Worker makes lands on the fake web: no test reaches the internet.
          outboundService: fakeWeb,
        },
      }),
    ],
    test: {
      include: ['tests/worker/**/*.test.ts'],
      setupFiles: ['tests/worker/apply-migrations.ts'],
    },
  };
});
