import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LocalizedText } from '@clauseflow/common';

/** The languages the command line speaks. */
export type CliLanguage = 'en' | 'zh';

const TEXT = {
  unreadable: {
    en: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
    zh: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  },
  notJson: {
    en: (file: string, reason: string) => `${file} is not JSON: ${reason}`,
    zh: (file: string, reason: string) => `${file} 不是 JSON：${reason}`,
  },
};

const FILE_ERRORS: Record<string, LocalizedText> = {
  ENOENT: { en: 'no such file', zh: '文件不存在' },
  EISDIR: { en: 'it is a directory', zh: '这是一个目录' },
  EACCES: { en: 'permission denied', zh: '没有权限' },
};

function describeError(error: unknown, language: CliLanguage): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const known = code === undefined ? undefined : FILE_ERRORS[code];
  return known === undefined ? error.message : `${known[language]} (${code})`;
}

/** A path the user typed: `pnpm clauseflow` runs in the repository root, INIT_CWD is where the user was. */
export function userPath(file: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
}

/** Reads and parses a JSON file named on the command line; a message for stderr when that is impossible. */
export async function readJsonFile(
  file: string,
  language: CliLanguage,
): Promise<{ json: unknown } | { message: string }> {
  let text: string;
  try {
    text = await readFile(userPath(file), 'utf8');
  } catch (error) {
    return { message: TEXT.unreadable[language](file, describeError(error, language)) };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { message: TEXT.notJson[language](file, describeError(error, language)) };
  }
}
