/**
 * Seeds the local demo organisation (API.md, "Local demo") into the local D1 that
 * `wrangler dev` and `wrangler d1 migrations apply --local` use. Idempotent.
 *
 *   npm run db:seed                                   # .wrangler/state
 *   tsx scripts/seed.ts --persist-to /tmp/relais-e2e  # same meaning as wrangler's --persist-to
 *
 * Run the migrations first (`npm run db:migrate:local`).
 */
import { parseArgs } from 'node:util';
import { seedDemo, DEMO } from '../db/seed';
import { openLocalD1 } from './local-d1';

const { values } = parseArgs({ options: { 'persist-to': { type: 'string' } } });

const local = await openLocalD1(values['persist-to']);
try {
  const wrote = await seedDemo(local.db, local.signingKey);
  console.log(
    wrote
      ? `Seeded the demo organisation (short link /${DEMO.slug}).`
      : `Demo data already present (short link /${DEMO.slug}); nothing written.`,
  );
} finally {
  await local.dispose();
}
