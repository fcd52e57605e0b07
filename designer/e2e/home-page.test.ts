import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/test/chromium.ts';
import { eventually, expectAccessible } from './support.ts';

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
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ClauseFlow');
    await eventually(() => page.getByRole('status').textContent()).toMatch(/Database reachable \(\d+(\.\d+)? ms/);
    await expectAccessible(page, 'the home page');
    await page.close();
  });

  it('given English, when the user picks 简体中文 by keyboard, then the texts and the page language switch and stay after a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('combobox', { name: 'Language' }).focus();
    await page.keyboard.press('ArrowDown'); // opens the list on the current language
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('status').textContent()).toMatch(/数据库可访问/);
    expect(await page.getByRole('combobox', { name: '语言' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await eventually(() => page.getByRole('status').textContent()).toMatch(/数据库可访问/);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('given a signed-out visitor, when they open the console, then sign-in opens with the page to return to', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/console`);
    await eventually(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');
    await page.close();
  });
});
