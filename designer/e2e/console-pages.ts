import type { Page } from 'playwright-core';
import { eventually } from './support.ts';

/** The texts a flow looks for, in the language it runs in. */
export interface FlowTexts {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  signIn: string;
  signOut: string;
  newUser: string;
  newGroup: string;
  create: string;
  groupId: string;
  nameEn: string;
  nameZh: string;
  groups: string;
  users: string;
  consoleNav: string;
  workspaceNav: string;
}

export const EN: FlowTexts = {
  username: 'Username',
  displayName: 'Display name',
  password: 'Password',
  confirmPassword: 'Confirm password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  newUser: 'New user',
  newGroup: 'New group',
  create: 'Create',
  groupId: 'Group id',
  nameEn: 'Name (English)',
  nameZh: 'Name (Chinese)',
  groups: 'Groups',
  users: 'Users',
  consoleNav: 'Console',
  workspaceNav: 'Workspace',
};

export const ZH: FlowTexts = {
  username: '用户名',
  displayName: '显示名称',
  password: '密码',
  confirmPassword: '确认密码',
  signIn: '登录',
  signOut: '退出登录',
  newUser: '新建用户',
  newGroup: '新建用户组',
  create: '创建',
  groupId: '用户组标识',
  nameEn: '名称（英文）',
  nameZh: '名称（中文）',
  groups: '用户组',
  users: '用户',
  consoleNav: '管理控制台',
  workspaceNav: '工作台',
};

/** Signs in through the sign-in page. */
export async function signIn(page: Page, t: FlowTexts, username: string, password: string): Promise<void> {
  await page.getByLabel(t.username).fill(username);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: t.signIn, exact: true }).click();
}

/** The names in the header's area navigation. */
export async function areaNavigation(page: Page, areasLabel: string): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: areasLabel });
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

/** Creates a group through the groups page's dialog. */
export async function createGroup(
  page: Page,
  t: FlowTexts,
  group: { id: string; en: string; zh: string },
): Promise<void> {
  await page.getByRole('button', { name: t.newGroup }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t.groupId).fill(group.id);
  await dialog.getByLabel(t.nameEn).fill(group.en);
  await dialog.getByLabel(t.nameZh).fill(group.zh);
  await dialog.getByRole('button', { name: t.create }).click();
  await eventually(() => page.getByRole('dialog').count()).toBe(0);
  await eventually(() => page.getByRole('cell', { name: group.id }).count()).toBe(1);
}

/** Opens a Select field by keyboard and picks the option with this text. */
export async function pickOption(page: Page, field: ReturnType<Page['getByLabel']>, option: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(option);
  await page.keyboard.press('Enter');
  await field.blur();
  // The option list closes (an open list is part of the page axe-core checks).
  await eventually(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}
