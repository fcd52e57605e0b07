import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/test/chromium.ts';
import { areaNavigation, createGroup, EN, pickOption, signIn, ZH, type FlowTexts } from './console-pages.ts';
import { confirmDialog, eventually, expectAccessible, review, screenshot, settled, tabTo } from './support.ts';

const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };

/**
 * The administrators' first hour in real Chromium against the run's server, which started on an
 * empty database: the setup link creates the first administrator, who creates groups and users;
 * each new user then signs in and sees only their role's area. English first (it redeems the one
 * setup link), then the same in Chinese (the spent link says so in Chinese).
 */
describe.sequential('the console from an empty database, in English and in Chinese', () => {
  const baseUrl = inject('firstRunBaseUrl');
  const setupUrl = inject('setupUrl');
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);
  afterAll(async () => browser?.close());
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-${task.name.slice(0, 60).replace(/\W+/g, '-')}`);
  });

  async function createUser(
    t: FlowTexts,
    user: { username: string; displayName: string; password: string; role: string; group: string },
  ) {
    await page.getByRole('button', { name: t.newUser }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t.username).fill(user.username);
    await dialog.getByLabel(t.displayName).fill(user.displayName);
    await dialog.getByLabel(t.password, { exact: true }).fill(user.password);
    await dialog.getByLabel(t.confirmPassword).fill(user.password);
    await dialog.getByRole('checkbox', { name: user.role }).check();
    await dialog.getByRole('checkbox', { name: t === ZH ? '申请人' : 'Requester' }).uncheck();
    await pickOption(page, dialog.getByLabel(t.groups), user.group);
    return dialog;
  }

  it('given the setup link, when the first administrator is created, then they land in the console signed in', async () => {
    expect(setupUrl, 'the run’s database must start empty').toMatch(/\/setup#token=cfsetup_/);
    await page.goto(setupUrl);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up ClauseFlow');
    expect(page.url(), 'the token leaves the address bar').not.toContain('token=');
    await screenshot(page, 'en-setup');
    await expectAccessible(page, 'the setup page');

    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Display name').fill(ADMIN.displayName);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
    await eventually(() => page.getByText('At least 10 characters.').count()).toBe(1);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click();

    await eventually(() => new URL(page.url()).pathname).toBe('/console/users');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Users');
    expect(await areaNavigation(page, 'Areas')).toEqual(['Console']);
    await eventually(() => page.getByRole('row', { name: /Ada Admin/ }).count()).toBe(1);
  });

  it('given the administrator, when they create a group and an agent in it, then both are listed with the membership', async () => {
    await page.getByRole('link', { name: 'Groups' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Groups');
    await settled(page);
    await screenshot(page, 'en-groups-empty');
    // By keyboard alone: Tab to the main action, Enter opens the dialog, Tab through its fields, Enter saves.
    await tabTo(page, { text: 'New group' });
    await page.keyboard.press('Enter');
    await tabTo(page, { id: 'id' });
    await page.keyboard.type('first-line');
    await tabTo(page, { id: 'name_en' });
    await page.keyboard.type('First line support');
    await tabTo(page, { id: 'name_zh' });
    await page.keyboard.type('一线支持');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('row', { name: /first-line/ }).count()).toBe(1);
    await createGroup(page, EN, { id: 'service-desk', en: 'Service desk', zh: '服务台' });
    await expectAccessible(page, 'the groups page');

    await page.getByRole('link', { name: 'Users' }).click();
    const dialog = await createUser(EN, {
      username: 'alice',
      displayName: 'Alice Agent',
      password: 'alice-password-1',
      role: 'Agent',
      group: 'Service desk',
    });
    await screenshot(page, 'en-user-create');
    await expectAccessible(page, 'the new-user dialog', '.ant-modal');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    const row = page.getByRole('row', { name: /Alice Agent/ });
    await eventually(() => row.textContent()).toMatch(/Agent.*Service desk.*Active/);

    // The same username again: the server's refusal is shown beside the field it names, and everything typed stays.
    await createUser(EN, {
      username: 'alice',
      displayName: 'Alice Again',
      password: 'alice-password-2',
      role: 'Agent',
      group: 'Service desk',
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await eventually(() => page.getByRole('dialog').getByText('This username is taken.').count()).toBe(1);
    expect(await page.getByRole('dialog').getByLabel('Display name').inputValue()).toBe('Alice Again');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);

    await expectAccessible(page, 'the users page');
    await page.getByRole('link', { name: 'Groups' }).click();
    await eventually(() => page.getByRole('row', { name: /Service desk/ }).textContent()).toMatch(/Alice Agent/);
    await settled(page);
    await screenshot(page, 'en-groups');
  });

  it('given users and a group, when the administrator sets members, edits roles, resets a password and disables a user, then each change shows', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await createUser(EN, {
      username: 'bob',
      displayName: 'Bob Owner',
      password: 'bob-password-1',
      role: 'Process owner',
      group: 'Service desk',
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'Members: Service desk' }).click();
    const members = page.getByRole('dialog');
    await pickOption(page, members.getByLabel('Users in this group'), 'Ada Admin');
    await screenshot(page, 'en-group-members');
    await expectAccessible(page, 'the members dialog', '.ant-modal');
    await members.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('row', { name: /Service desk/ }).textContent()).toMatch(
      /Alice Agent.*Bob Owner.*Ada Admin|Ada Admin.*Alice Agent/,
    );

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Actions for Alice Agent' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: 'Requester' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('row', { name: /Alice Agent/ }).textContent()).toMatch(/Agent.*Requester/);

    await page.getByRole('button', { name: 'Actions for Alice Agent' }).click();
    await page.getByRole('menuitem', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByLabel('New password').fill('alice-password-2');
    await page.getByRole('dialog').getByLabel('Confirm password').fill('alice-password-2');
    await confirmDialog(page, 'Save');

    await page.getByRole('button', { name: 'Actions for Bob Owner' }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    await confirmDialog(page, 'Disable');
    await eventually(() => page.getByRole('row', { name: /Bob Owner/ }).textContent()).toMatch(/Disabled/);
    await review(page, 'en-users', 'the users page with a disabled user');
  });

  it('given the administrator, when they create an API token, then its secret is shown once and works until revoked', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API tokens');
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Monitoring export');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await eventually(() => page.getByRole('dialog').getByTestId('token-secret').count()).toBe(1);
    const secret = /cft_\S+/.exec((await page.getByTestId('token-secret').textContent()) ?? '')?.[0] ?? '';
    await screenshot(page, 'en-api-token-secret');
    await expectAccessible(page, 'the token secret dialog', '.ant-modal');
    await confirmDialog(page, 'Done');

    const asToken = () => fetch(`${baseUrl}/api/session`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken()).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke Monitoring export' }).click();
    await confirmDialog(page, 'Revoke');
    await eventually(() => page.getByRole('row', { name: /Monitoring export/ }).textContent()).toMatch(/Revoked/);
    expect((await asToken()).status).toBe(401);
    await review(page, 'en-api-tokens', 'the API tokens page');
  });

  it('given the administrator, when they open the health page, then the database, readiness and metrics figures show', async () => {
    await page.getByRole('link', { name: 'Health' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Health');
    await eventually(() => page.locator('#main').textContent()).toMatch(/Reachable.*Ready for traffic/);
    expect(await page.locator('#main').textContent()).toMatch(/Requests served\d[\d,]*/);
    await review(page, 'en-health', 'the health page');
  });

  it('given the agent, when the administrator signs out and she signs in, then only her roles’ areas are in the navigation', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'en-sign-in');
    await expectAccessible(page, 'the sign-in page');
    await signIn(page, EN, 'alice', 'wrong-password-x');
    await eventually(() => page.locator('#main').getByRole('alert').textContent()).toBe('Wrong username or password.');
    expect(await page.getByLabel('Username').inputValue()).toBe('alice');
    await signIn(page, EN, 'bob', 'bob-password-1'); // disabled: refused like a wrong password
    await eventually(() => page.locator('#main').getByRole('alert').textContent()).toBe('Wrong username or password.');
    await signIn(page, EN, 'alice', 'alice-password-2');
    await eventually(() => new URL(page.url()).pathname).toBe('/workspace');
    expect(await areaNavigation(page, 'Areas')).toEqual(['Workspace', 'Portal']);
    await settled(page);
    await screenshot(page, 'en-workspace-placeholder');
    await page.goto(`${baseUrl}/console/users`);
    await eventually(() => page.getByText('Not for your role').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('given a signed-in administrator whose session ends, when they act, then sign-in opens and brings them back to the page', async () => {
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/console/groups')}`);
    await signIn(page, EN, ADMIN.username, ADMIN.password);
    await eventually(() => new URL(page.url()).pathname).toBe('/console/groups');
    await eventually(() => page.getByRole('row', { name: /Service desk/ }).count()).toBe(1);
    await page.context().clearCookies(); // the session ends as it would when it expires
    await page.getByRole('link', { name: 'Users' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/sign-in');
    await eventually(() => page.getByText('Your session has ended').count()).toBe(1);
    await signIn(page, EN, ADMIN.username, ADMIN.password);
    await eventually(() => new URL(page.url()).pathname).toBe('/console/users');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('given Chinese picked by keyboard, when the spent setup link is opened, then the form and its refusal are in Chinese', async () => {
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('登录 ClauseFlow');
    await settled(page);
    await screenshot(page, 'zh-sign-in');
    await expectAccessible(page, 'the Chinese sign-in page');

    await page.goto(setupUrl);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('初始化 ClauseFlow');
    await screenshot(page, 'zh-setup');
    await page.getByLabel('用户名').fill('second-admin');
    await page.getByLabel('显示名称').fill('第二位管理员');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await eventually(() => page.locator('#main').getByRole('alert').textContent()).toMatch(/初始化已完成/);
    expect(await page.getByLabel('显示名称').inputValue()).toBe('第二位管理员');
  });

  it('given Chinese, when the administrator creates a group and a requester, then the requester signs in to the portal only', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await signIn(page, ZH, ADMIN.username, ADMIN.password);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('用户');
    expect(await areaNavigation(page, '功能区')).toEqual(['管理控制台']);

    await page.getByRole('link', { name: '用户组' }).click();
    await createGroup(page, ZH, {
      id: 'network-team',
      en: 'Network operations team',
      zh: '网络运维与基础设施支持团队',
    });
    await review(page, 'zh-groups', 'the Chinese groups page');

    await page.getByRole('link', { name: '用户', exact: true }).click();
    const dialog = await createUser(ZH, {
      username: 'wang',
      displayName: '王小明',
      password: 'wang-password-1',
      role: '流程负责人',
      group: '网络运维与基础设施支持团队',
    });
    await screenshot(page, 'zh-user-create');
    await dialog.getByRole('button', { name: '创建' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await eventually(() => page.getByRole('row', { name: /王小明/ }).textContent()).toMatch(
      /流程负责人.*网络运维与基础设施支持团队.*启用/,
    );
    await review(page, 'zh-users', 'the Chinese users page');
    await page.getByRole('link', { name: 'API 令牌' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API 令牌');
    await review(page, 'zh-api-tokens', 'the Chinese API tokens page');
    await page.getByRole('link', { name: '运行状况' }).click();
    await eventually(() => page.locator('#main').textContent()).toMatch(/可访问.*可接收流量/);
    await review(page, 'zh-health', 'the Chinese health page');

    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ZH, 'wang', 'wang-password-1');
    await eventually(() => new URL(page.url()).pathname).toBe('/designer');
    expect(await areaNavigation(page, '功能区')).toEqual(['流程设计器']);
    await settled(page);
    await screenshot(page, 'zh-designer-placeholder');
  });

  it('given a narrow screen, when the administrator opens the users page, then it still fits', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, ZH, ADMIN.username, ADMIN.password);
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('用户');
    await settled(page);
    await screenshot(page, 'zh-users-narrow');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
  });

  it('given the administrator, when they choose a language in the header, then their account keeps it', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const adminRow = () => page.getByRole('row', { name: /Ada Admin/ }).textContent();
    await eventually(adminRow).toMatch(/English/); // the account's language since setup
    await page.getByRole('combobox', { name: '语言' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Users');
    await page.getByRole('combobox', { name: 'Language' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('用户');
    await eventually(adminRow).toMatch(/简体中文/);
  });
});
