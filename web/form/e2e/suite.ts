import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../test/browser.js';
import { startE2eServer, type E2eServer } from './server.js';

export interface E2eSuite {
  server: E2eServer;
  browser: Browser;
}

/**
 * The server and Chromium for one describe block: both start before its tests (then `setUp`
 * runs, for a catalog or a questionnaire) and close after them. The fields are set once the
 * suite has started, so read them inside tests, not at definition time.
 */
export function useE2eSuite(setUp?: (suite: E2eSuite) => Promise<void>): E2eSuite {
  const suite = {} as E2eSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startE2eServer(), launchChromium()]);
    await setUp?.(suite);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
