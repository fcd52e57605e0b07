import { loadAssertionMap, loadRequirementSet, shippedPackInfo, shippedTemplateFiles } from '@clauseflow/catalog';
import { localizeIssue, parseDefinition, type Definition, type Issue } from '@clauseflow/definition';
import { check, type CheckResult, type Verdict } from '@clauseflow/conformance';
import { templateNotFound, templateOf, type TemplateLookup } from '@clauseflow/application';
import type { LocalizedText } from '@clauseflow/common';
import { EXIT, type CliCommand, type CliIo } from '../cli-io.ts';
import { readArgs } from '../cli-args.ts';
import { padDisplay } from '../display-width.ts';
import { readJsonObject } from '../read-json-file.ts';

type Language = 'en' | 'zh';

const TEXT = {
  usage: {
    en: 'usage: pnpm clauseflow conformance <definition.json> [--json] [--template <template.json>] [--pack <pack.json>] [--applicable] [--verbose] [--lang en|zh]',
    zh: '用法：pnpm clauseflow conformance <定义.json> [--json] [--template <模板.json>] [--pack <模板包.json>] [--applicable] [--verbose] [--lang en|zh]',
  },
  definition: { en: 'a process definition', zh: '流程定义' },
  pack: { en: 'a template pack', zh: '模板包' },
  notDefinition: { en: 'is not a process definition', zh: '不是流程定义' },
  notCheckable: {
    en: (n: number) => `not checkable: the definition has ${n} validation error(s); a verdict on it would mean nothing`,
    zh: (n: number) => `无法检查：该定义有 ${n} 个校验错误，对其作出的结论没有意义`,
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
  pack?: string;
  json: boolean;
  applicable: boolean;
  verbose: boolean;
  language: Language;
}

function parseOptions(args: readonly string[]): Options | undefined {
  const parsed = readArgs(args, {
    flags: ['json', 'applicable', 'verbose'],
    values: ['template', 'pack'],
    positionals: [1, 1],
  });
  if (!parsed) return undefined;
  const template = parsed.value('template');
  const pack = parsed.value('pack');
  return {
    file: parsed.positionals[0]!,
    ...(template === undefined ? {} : { template }),
    ...(pack === undefined ? {} : { pack }),
    json: parsed.flag('json'),
    applicable: parsed.flag('applicable'),
    verbose: parsed.flag('verbose'),
    language: parsed.language,
  };
}

/** A definition file read and validated; `issues` are its validation errors (none: it can be checked). */
async function readDefinition(
  file: string,
  language: Language,
): Promise<{ definition: Definition; errors: Issue[] } | { message: string }> {
  const read = await readJsonObject(file, language, TEXT.definition);
  if ('message' in read) return read;
  const parsed = parseDefinition(read.json);
  if (parsed.definition === undefined) {
    const first = parsed.issues[0];
    return { message: `${file} ${TEXT.notDefinition[language]}${first ? `: ${first.code} ${first.path}` : ''}` };
  }
  return { definition: parsed.definition, errors: parsed.issues.filter((i) => i.severity === 'error') };
}

/**
 * Where a tailored copy's template is looked up: the templates of a pack file given with `--pack`,
 * then the shipped catalogue's (a template is named by its pack, key and version).
 */
async function templateLookup(
  packFile: string | undefined,
  language: Language,
): Promise<TemplateLookup | { message: string }> {
  const fromPack: { pack: string; definition: Definition }[] = [];
  if (packFile !== undefined) {
    const read = await readJsonObject(packFile, language, TEXT.pack);
    if ('message' in read) return read;
    const manifest = read.json['manifest'] as { name?: unknown } | undefined;
    const templates = Array.isArray(read.json['templates']) ? (read.json['templates'] as unknown[]) : [];
    for (const template of templates) {
      const parsed = parseDefinition(template);
      if (parsed.definition && typeof manifest?.name === 'string') {
        fromPack.push({ pack: manifest.name, definition: parsed.definition });
      }
    }
  }
  // The shipped templates are read and parsed only when a copy names a template the pack lacks.
  let shipped: { pack: string; definition: Definition }[] | undefined;
  const shippedTemplates = () =>
    (shipped ??= shippedTemplateFiles().flatMap(({ json }) => {
      const parsed = parseDefinition(json);
      return parsed.definition ? [{ pack: shippedPackInfo().name, definition: parsed.definition }] : [];
    }));
  const find = (candidates: { pack: string; definition: Definition }[], pack: string, key: string, version: number) =>
    candidates.find((c) => c.pack === pack && c.definition.key === key && c.definition.version === version)?.definition;
  return (pack, key, version) =>
    find(fromPack, pack, key, version) ?? find(shippedTemplates(), pack, key, version) ?? null;
}

const STATUS_LABEL: Record<Verdict['status'], LocalizedText> = {
  pass: { en: 'PASS', zh: '通过' },
  fail: { en: 'FAIL', zh: '不通过' },
  'not-applicable': { en: 'N/A', zh: '不适用' },
  organizational: { en: 'ORG', zh: '组织' },
  platform: { en: 'PLATFORM', zh: '平台' },
};

/** A definition with validation errors gets no verdict: its errors, and exit 1. */
function notCheckable(io: CliIo, errors: readonly Issue[], options: Options): number {
  const { language } = options;
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: false, checkable: false, issues: errors }, null, 2)}\n`);
  } else {
    const lines = errors.map((issue) => `${issue.code} ${issue.path || '/'}\n  ${localizeIssue(issue, language)}`);
    io.stdout(`${[...lines, TEXT.notCheckable[language](errors.length)].join('\n')}\n`);
  }
  return EXIT.invalid;
}

function printTable(io: CliIo, result: CheckResult, options: Options): void {
  const { language } = options;
  const lines: string[] = [];
  for (const v of result.verdicts) {
    if (!options.verbose && v.status !== 'pass' && v.status !== 'fail') continue;
    lines.push(
      `${padDisplay(STATUS_LABEL[v.status][language], 9)} ${padDisplay(v.requirement, 12)} ${v.title[language]}`,
    );
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
 * `clauseflow conformance <definition.json> [--json] [--template <template.json>] [--pack <pack.json>]
 * [--applicable] [--verbose] [--lang en|zh]`: checks a process definition against ISO/IEC
 * 20000-1:2018 and prints one verdict per requirement (pass and fail rows, all with `--verbose`;
 * the full result with `--json`). A tailored copy is checked with the claims of the template it
 * derives from: `--template` names that file, or else its `derivedFrom` is looked up in `--pack`
 * and the shipped catalogue; a template that cannot be found is TEMPLATE_NOT_FOUND, never a pass.
 * A definition with validation errors is not checkable: its errors are printed instead.
 * `--applicable` also evaluates unclaimed requirements of its process area.
 * Exit 0 when every verdict passes, 1 on a failed verdict or an uncheckable definition, 2 when an
 * input cannot be read or used.
 */
export const conformanceCommand: CliCommand = {
  name: 'conformance',
  summary: {
    en: 'Check a process definition against ISO/IEC 20000-1:2018, requirement by requirement.',
    zh: '逐条检查流程定义是否符合 ISO/IEC 20000-1:2018。',
  },
  usage:
    'conformance <definition.json> [--json] [--template <template.json>] [--pack <pack.json>] [--applicable] [--verbose] [--lang en|zh]',
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
    if (read.errors.length > 0) return notCheckable(io, read.errors, options);
    let template;
    if (options.template !== undefined) {
      const named = await readDefinition(options.template, language);
      if ('message' in named) return fail(named.message);
      template = { kind: 'found' as const, claims: named.definition.claims ?? [] };
    } else {
      const lookup = await templateLookup(options.pack, language);
      if ('message' in lookup) return fail(lookup.message);
      template = await templateOf(read.definition, lookup);
    }
    if (template.kind === 'missing') {
      const problem = templateNotFound(template.from);
      if (options.json) io.stdout(`${JSON.stringify({ ok: false, checkable: false, problems: [problem] }, null, 2)}\n`);
      else io.stdout(`${problem.code} ${problem.path}\n  ${problem.message[language]}\n`);
      return EXIT.invalid;
    }
    const templateClaims = template.kind === 'found' ? template.claims : undefined;
    const requirementSet = loadRequirementSet();
    const assertionMap = loadAssertionMap();
    const result = check(read.definition, requirementSet, assertionMap, {
      scope: options.applicable ? 'applicable' : 'claims',
      ...(templateClaims ? { templateClaims } : {}),
    });
    if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printTable(io, result, options);
    return result.ok ? EXIT.ok : EXIT.invalid;
  },
};
