import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Value } from 'typebox/value';
import { CATALOG_ROOT, ISO_IEC_20000_1_2018_ASSERTIONS_PATH } from '@clauseflow/catalog';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import {
  AssertionMap,
  RequirementSet,
  check,
  type CheckResult,
  type Verdict,
  type AssertionMap as AssertionMapType,
  type RequirementSet as RequirementSetType,
} from '@clauseflow/conformance';
import { EXIT, type CliCommand, type CliIo } from '../cli-io.ts';
import { readArgs } from '../cli-args.ts';
import type { LocalizedText } from '@clauseflow/common';

const REQUIREMENTS = new URL('requirements/iso-iec-20000-1-2018.json', CATALOG_ROOT);
const ASSERTIONS = ISO_IEC_20000_1_2018_ASSERTIONS_PATH;

type Language = 'en' | 'zh';

const TEXT = {
  usage: {
    en: 'usage: pnpm clauseflow conformance <definition.json> [--json] [--template <template.json>] [--applicable] [--verbose] [--lang en|zh]',
    zh: '用法：pnpm clauseflow conformance <定义.json> [--json] [--template <模板.json>] [--applicable] [--verbose] [--lang en|zh]',
  },
  unreadable: { en: 'cannot read', zh: '无法读取' },
  notJson: { en: 'is not JSON', zh: '不是 JSON' },
  notDefinition: { en: 'is not a process definition', zh: '不是流程定义' },
  invalidData: { en: 'invalid catalogue data', zh: '目录数据无效' },
  semanticErrors: {
    en: (n: number) => `warning: the definition has ${n} validation error(s); see pnpm clauseflow validate`,
    zh: (n: number) => `警告：该定义有 ${n} 个校验错误；请运行 pnpm clauseflow validate`,
  },
  summary: {
    en: (r: CheckResult) =>
      `${r.definition.key} v${r.definition.version} against ${r.requirementSet.id} ${r.requirementSet.version}: ` +
      `${r.summary.pass} pass, ${r.summary.fail} fail, ${r.summary['not-applicable']} not applicable, ` +
      `${r.summary.organizational} organizational, ${r.summary.platform} platform`,
    zh: (r: CheckResult) =>
      `${r.definition.key} v${r.definition.version} 对照 ${r.requirementSet.id} ${r.requirementSet.version}：` +
      `${r.summary.pass} 项通过，${r.summary.fail} 项不通过，${r.summary['not-applicable']} 项不适用，` +
      `${r.summary.organizational} 项由组织满足，${r.summary.platform} 项由平台满足`,
  },
  unknownClaims: { en: 'unknown claims', zh: '未知的声明' },
};

interface Options {
  file: string;
  template?: string;
  json: boolean;
  applicable: boolean;
  verbose: boolean;
  language: Language;
}

function parseOptions(args: readonly string[]): Options | undefined {
  const parsed = readArgs(args, {
    flags: ['json', 'applicable', 'verbose'],
    values: ['template'],
    positionals: [1, 1],
  });
  if (!parsed) return undefined;
  const template = parsed.value('template');
  return {
    file: parsed.positionals[0]!,
    ...(template === undefined ? {} : { template }),
    json: parsed.flag('json'),
    applicable: parsed.flag('applicable'),
    verbose: parsed.flag('verbose'),
    language: parsed.language,
  };
}

/** Reads a JSON file; a message instead when impossible. */
async function readJson(
  path: string | URL,
  shown: string,
  language: Language,
): Promise<{ json: unknown } | { message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { message: `${TEXT.unreadable[language]} ${shown} (${code})` };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { message: `${shown} ${TEXT.notJson[language]}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Reads a process definition named on the command line (relative to where the user typed the command). */
async function readDefinition(
  file: string,
  language: Language,
): Promise<{ definition: Definition; errors: number } | { message: string }> {
  const read = await readJson(resolve(process.env.INIT_CWD ?? process.cwd(), file), file, language);
  if ('message' in read) return read;
  const parsed = parseDefinition(read.json);
  if (parsed.definition === undefined) {
    const first = parsed.issues[0];
    return { message: `${file} ${TEXT.notDefinition[language]}${first ? `: ${first.code} ${first.path}` : ''}` };
  }
  return { definition: parsed.definition, errors: parsed.issues.filter((i) => i.severity === 'error').length };
}

/** Loads the catalogue's requirement set and assertion map, checked against their schemas. */
async function readCatalogue(
  language: Language,
): Promise<{ requirementSet: RequirementSetType; assertionMap: AssertionMapType } | { message: string }> {
  const requirements = await readJson(REQUIREMENTS, REQUIREMENTS.pathname, language);
  if ('message' in requirements) return requirements;
  const assertions = await readJson(ASSERTIONS, ASSERTIONS.pathname, language);
  if ('message' in assertions) return assertions;
  if (!Value.Check(RequirementSet, requirements.json)) {
    return { message: `${TEXT.invalidData[language]}: ${REQUIREMENTS.pathname}` };
  }
  if (!Value.Check(AssertionMap, assertions.json)) {
    return { message: `${TEXT.invalidData[language]}: ${ASSERTIONS.pathname}` };
  }
  return { requirementSet: requirements.json, assertionMap: assertions.json };
}

const STATUS_LABEL: Record<Verdict['status'], LocalizedText> = {
  pass: { en: 'PASS', zh: '通过' },
  fail: { en: 'FAIL', zh: '不通过' },
  'not-applicable': { en: 'N/A', zh: '不适用' },
  organizational: { en: 'ORG', zh: '组织' },
  platform: { en: 'PLATFORM', zh: '平台' },
};

function printTable(io: CliIo, result: CheckResult, options: Options): void {
  const { language } = options;
  const lines: string[] = [];
  for (const v of result.verdicts) {
    if (!options.verbose && v.status !== 'pass' && v.status !== 'fail') continue;
    lines.push(`${STATUS_LABEL[v.status][language].padEnd(9)} ${v.requirement.padEnd(12)} ${v.title[language]}`);
    if (v.status === 'fail') {
      for (const f of v.failures)
        lines.push(`          ${f.code} ${f.pointer}\n            ${f.explanation[language]}`);
    } else if (v.status === 'not-applicable') lines.push(`          ${v.reason.text[language]}`);
  }
  if (result.unknownClaims.length > 0)
    lines.push(`${TEXT.unknownClaims[language]}: ${result.unknownClaims.join(', ')}`);
  lines.push(TEXT.summary[language](result));
  io.stdout(lines.join('\n') + '\n');
}

/**
 * `clauseflow conformance <definition.json> [--json] [--template <template.json>] [--applicable]
 * [--verbose] [--lang en|zh]`: checks a process definition against ISO/IEC 20000-1:2018 and
 * prints one verdict per requirement (pass and fail rows, all with `--verbose`; the full
 * result with `--json`). `--template` names the template a tailored copy derives from, whose
 * claims it inherits; `--applicable` also evaluates unclaimed requirements of its process area.
 * Exit 0 when no verdict is `fail`, 1 otherwise, 2 when an input cannot be read or used.
 */
export const conformanceCommand: CliCommand = {
  name: 'conformance',
  summary: {
    en: 'Check a process definition against ISO/IEC 20000-1:2018, requirement by requirement.',
    zh: '逐条检查流程定义是否符合 ISO/IEC 20000-1:2018。',
  },
  usage:
    'conformance <definition.json> [--json] [--template <template.json>] [--applicable] [--verbose] [--lang en|zh]',
  async run(args, io) {
    const options = parseOptions(args);
    if (options === undefined) {
      io.stderr(`${TEXT.usage.en}\n${TEXT.usage.zh}\n`);
      return EXIT.usage;
    }
    const { language } = options;
    const fail = (message: string) => {
      io.stderr(`clauseflow conformance: ${message}\n`);
      return EXIT.unreadable;
    };
    const read = await readDefinition(options.file, language);
    if ('message' in read) return fail(read.message);
    let templateClaims: string[] | undefined;
    if (options.template !== undefined) {
      const template = await readDefinition(options.template, language);
      if ('message' in template) return fail(template.message);
      templateClaims = template.definition.claims ?? [];
    }
    const catalogue = await readCatalogue(language);
    if ('message' in catalogue) return fail(catalogue.message);
    if (read.errors > 0) io.stderr(`${TEXT.semanticErrors[language](read.errors)}\n`);
    const result = check(read.definition, catalogue.requirementSet, catalogue.assertionMap, {
      scope: options.applicable ? 'applicable' : 'claims',
      ...(templateClaims ? { templateClaims } : {}),
    });
    if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printTable(io, result, options);
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
};
