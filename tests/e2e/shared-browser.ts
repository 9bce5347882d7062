/** The run's one Chromium (global-setup.ts), connected for a describe block and released after it. */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ARTIFACTS } from './admin-helpers';

/** Connects before the block's tests (artifacts folder ready) and closes after them; call the result for the browser. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is connected in beforeAll');
    return browser;
  };
}
