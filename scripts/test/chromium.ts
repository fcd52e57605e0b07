import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, installed by scripts/setup.sh. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium off the (closed) network and quiet. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A real Chromium with a fresh profile; `close()` removes the profile. */
export async function launchChromium(locale = 'en-US'): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    locale,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The administrator the shared browser-test server starts with (scripts/test/global-setup.ts). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e admin password 1' } as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the one product server the browser tests share (scripts/test/global-setup.ts). */
    webBaseUrl: string;
    /** The name of that server's database on `mongodbUri`, for tests that seed it through the application layer. */
    e2eDatabase: string;
    /** That server's first administrator, created at start-up. */
    e2eAdmin: { username: string; password: string };
    /** Base URL of the listener on an empty database, kept for the first-run test. */
    firstRunBaseUrl: string;
    /**
     * The one-time first-run link of that listener (`…/setup#token=…`), on its origin; empty when
     * its database already had users. Only one test file may redeem it.
     */
    setupUrl: string;
  }
}
