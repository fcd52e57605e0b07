import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { LocalizedText } from '@clauseflow/common';

/** The languages the command line speaks. */
export type CliLanguage = 'en' | 'zh';

/** Deeper than this, a file is refused before any analysis walks it (definitions nest a few levels). */
export const MAX_JSON_DEPTH = 64;

const TEXT = {
  unreadable: {
    en: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
    zh: (file: string, reason: string) => `无法读取 ${file}：${reason}`,
  },
  notJson: {
    en: (file: string, line: number, column: number, reason: string) =>
      `${file} is not JSON: line ${line}, column ${column}: ${reason}`,
    zh: (file: string, line: number, column: number, reason: string) =>
      `${file} 不是 JSON：第 ${line} 行第 ${column} 列：${reason}`,
  },
  tooDeep: {
    en: (file: string, pointer: string) =>
      `${file} is nested too deeply at ${pointer} (more than ${MAX_JSON_DEPTH} levels)`,
    zh: (file: string, pointer: string) => `${file} 在 ${pointer} 处嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`,
  },
  notObject: {
    en: (file: string, what: string) => `${file}: ${what} must be a JSON object`,
    zh: (file: string, what: string) => `${file}：${what}必须是 JSON 对象`,
  },
};

const FILE_ERRORS: Record<string, LocalizedText> = {
  ENOENT: { en: 'no such file', zh: '文件不存在' },
  EISDIR: { en: 'it is a directory', zh: '这是一个目录' },
  EACCES: { en: 'permission denied', zh: '没有权限' },
};

/** What a syntax error is, in words (jsonc-parser's codes, spelled out). */
const SYNTAX_ERRORS: Record<string, LocalizedText> = {
  InvalidSymbol: { en: 'unexpected character', zh: '意外的字符' },
  InvalidNumberFormat: { en: 'invalid number', zh: '数字格式无效' },
  PropertyNameExpected: { en: 'a property name (in double quotes) is expected', zh: '此处应为属性名（双引号）' },
  ValueExpected: { en: 'a value is expected', zh: '此处应为值' },
  ColonExpected: { en: 'a colon is expected', zh: '此处应为冒号' },
  CommaExpected: { en: 'a comma is expected', zh: '此处应为逗号' },
  CloseBraceExpected: { en: 'a closing brace is expected', zh: '此处应为右花括号' },
  CloseBracketExpected: { en: 'a closing bracket is expected', zh: '此处应为右方括号' },
  EndOfFileExpected: { en: 'the file should end here', zh: '文件应在此处结束' },
  InvalidCommentToken: { en: 'comments are not allowed', zh: '不允许注释' },
  UnexpectedEndOfComment: { en: 'unexpected end of comment', zh: '注释意外结束' },
  UnexpectedEndOfString: { en: 'unterminated string', zh: '字符串未结束' },
  UnexpectedEndOfNumber: { en: 'unexpected end of number', zh: '数字意外结束' },
  InvalidUnicode: { en: 'invalid Unicode escape', zh: 'Unicode 转义无效' },
  InvalidEscapeCharacter: { en: 'invalid escape character', zh: '转义字符无效' },
  InvalidCharacter: { en: 'invalid character in a string', zh: '字符串中有无效字符' },
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

/** The 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Where strict JSON parsing fails: the first error a tolerant parser reports (comments and trailing commas included). */
function firstSyntaxError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0];
}

/** The JSON Pointer of the first value nested deeper than {@link MAX_JSON_DEPTH}, if any (walked without recursion). */
export function tooDeepAt(json: unknown): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: json, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return pointer || '/';
    for (const [key, child] of Object.entries(value)) {
      stack.push({
        value: child,
        pointer: `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

/**
 * Reads and parses a JSON file named on the command line, as other JSON tools do: a UTF-8
 * byte-order mark is skipped, a syntax error is placed by line and column, and a value nested
 * deeper than any definition needs is refused by its JSON Pointer before analysis walks it.
 * A message for stderr when that is impossible.
 */
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
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const found = firstSyntaxError(text);
    const { line, column } = lineAndColumn(text, found?.offset ?? 0);
    const reason = found
      ? (SYNTAX_ERRORS[printParseErrorCode(found.error)]?.[language] ?? printParseErrorCode(found.error))
      : describeError(error, language);
    return { message: TEXT.notJson[language](file, line, column, reason) };
  }
  const deep = tooDeepAt(json);
  if (deep !== undefined) return { message: TEXT.tooDeep[language](file, deep) };
  return { json };
}

/** Reads a JSON file that must hold an object (`what` names it: "a process definition", in the user's language). */
export async function readJsonObject(
  file: string,
  language: CliLanguage,
  what: LocalizedText,
): Promise<{ json: Record<string, unknown> } | { message: string }> {
  const read = await readJsonFile(file, language);
  if ('message' in read) return read;
  if (typeof read.json !== 'object' || read.json === null || Array.isArray(read.json)) {
    return { message: TEXT.notObject[language](file, what[language]) };
  }
  return { json: read.json as Record<string, unknown> };
}
