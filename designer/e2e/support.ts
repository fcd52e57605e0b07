import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '@clauseflow/embedded-db';

const axeSource = (createRequire(import.meta.url)('axe-core') as typeof Axe).source;

/** Where the browser tests save their screenshots (kept with the test output). */
export const SCREENSHOTS = join(repoRoot(), '.reports', 'screenshots');

/**
 * Saves a full-page screenshot as `.reports/screenshots/<name>.png`, with animations finished and
 * the passing toasts hidden, so the screen itself is what one reviews.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    style: '.ant-message { display: none !important; }',
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page (or only in the elements `within` selects, e.g. an open dialog, whose
 * mask would otherwise count against the contrast of the page behind it) and expects no serious
 * or critical violation.
 */
export async function expectAccessible(page: Page, what: string, within?: string): Promise<void> {
  // A dialog still zooming in has faded colours: wait for every finite animation to finish.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.effect?.getTiming().iterations === Infinity || animation.playState !== 'running'),
  );
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(selector ? { include: [selector] } : document)).violations;
  }, within);
  const serious = violations
    .filter((item) => item.impact === 'serious' || item.impact === 'critical')
    .map(
      (item) =>
        `${item.impact} ${item.id}: ${item.help} at ${item.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

/**
 * Polls until the value matches: the browser's steps include real password hashing (scrypt) on a
 * shared machine, so allow seconds rather than vitest's default of one.
 */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/** Waits until no antd message or spinner is animating, so screenshots are stable. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
}

/** Settles the page, saves its screenshot and checks it with axe-core: one screen reviewed. */
export async function review(page: Page, name: string, what: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
  await expectAccessible(page, what);
}

/** Presses a button of the open dialog and waits until the dialog has closed. */
export async function confirmDialog(page: Page, button: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: button }).click();
  await eventually(() => page.getByRole('dialog').count()).toBe(0);
}

/**
 * Presses Tab until the focused element matches (by its text or its id), as a keyboard user
 * would; fails when it is not reached within `limit` presses.
 */
export async function tabTo(page: Page, target: { text?: string; id?: string }, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim() ?? '',
      id: document.activeElement?.id ?? '',
    }));
    if (
      (target.text !== undefined && focused.text === target.text) ||
      (target.id !== undefined && focused.id === target.id)
    )
      return;
  }
  expect.fail(`Tab never reached ${JSON.stringify(target)}`);
}
