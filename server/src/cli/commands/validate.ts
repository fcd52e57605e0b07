import { localizeIssue, parseDefinition, type Issue, type Language } from '@clauseflow/definition';
import { EXIT, type CliCommand, type CliIo } from '../cli-io.ts';
import { readJsonObject } from '../read-json-file.ts';
import { readArgs } from '../cli-args.ts';

const TEXT = {
  usage: {
    en: 'usage: pnpm clauseflow validate <file> [--json] [--lang en|zh]',
    zh: '用法：pnpm clauseflow validate <文件> [--json] [--lang en|zh]',
  },
  valid: { en: 'valid', zh: '有效' },
  invalid: { en: 'not valid', zh: '无效' },
  count: {
    en: (errors: number, warnings: number) => `${errors} error(s), ${warnings} warning(s)`,
    zh: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
  },
};

interface Options {
  file: string;
  json: boolean;
  language: Language;
}

function parseOptions(args: readonly string[]): Options | undefined {
  const parsed = readArgs(args, { flags: ['json'], positionals: [1, 1] });
  return parsed && { file: parsed.positionals[0]!, json: parsed.flag('json'), language: parsed.language };
}

function printText(io: CliIo, file: string, valid: boolean, issues: readonly Issue[], language: Language): void {
  const lines = issues.map(
    (issue) =>
      `${issue.severity.padEnd(7)} ${issue.code.padEnd(28)} ${issue.path || '/'}\n        ${localizeIssue(issue, language)}`,
  );
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const summary = `${file}: ${valid ? TEXT.valid[language] : TEXT.invalid[language]} (${TEXT.count[language](errors, issues.length - errors)})`;
  io.stdout([...lines, summary].join('\n') + '\n');
}

/**
 * `clauseflow validate <file> [--json] [--lang en|zh]`: parses a process definition and reports
 * its issues. Exit 0 when valid (no error-severity issue), 1 when not, 2 when the file cannot be
 * read as JSON or the arguments are wrong. `--json` prints `{ "valid": bool, "issues": [...] }`.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: {
    en: 'Validate a process definition file and list its issues.',
    zh: '校验流程定义文件并列出问题。',
  },
  usage: 'validate <file> [--json] [--lang en|zh]',
  async run(args, io) {
    const options = parseOptions(args);
    if (options === undefined) {
      io.stderr(`${TEXT.usage.en}\n${TEXT.usage.zh}\n`);
      return EXIT.usage;
    }
    const read = await readJsonObject(options.file, options.language, {
      en: 'a process definition',
      zh: '流程定义',
    });
    if ('message' in read) {
      io.stderr(`clauseflow validate: ${read.message}\n`);
      return EXIT.unreadable;
    }
    const { valid, issues } = parseDefinition(read.json);
    if (options.json) {
      const localized =
        options.language === 'en'
          ? issues
          : issues.map((issue) => ({ ...issue, message: localizeIssue(issue, options.language) }));
      io.stdout(`${JSON.stringify({ valid, issues: localized }, null, 2)}\n`);
    } else {
      printText(io, options.file, valid, issues, options.language);
    }
    return valid ? EXIT.ok : EXIT.invalid;
  },
};
