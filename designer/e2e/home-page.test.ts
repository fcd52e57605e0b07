import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/test/chromium.ts';

describe('the home page in real Chromium, served by the run’s one started server', () => {
  const baseUrl = inject('webBaseUrl');
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('given a running server, when the page opens, then it shows the product and a reachable database', async () => {
    const page = await browser.context.newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ClauseFlow');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Database reachable \(\d+(\.\d+)? ms/);
    await page.close();
  });

  it('given English, when the user picks 简体中文 by keyboard, then the texts and the page language switch', async () => {
    const page = await browser.context.newPage();
    await page.goto(baseUrl);
    const select = page.getByRole('combobox', { name: 'Language' });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/数据库可访问/);
    expect(await page.getByRole('combobox', { name: '语言' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });
});
