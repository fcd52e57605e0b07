import { compile, localizeIssue, parseDefinition } from '@clauseflow/definition';
import { simulate, type SimulationFrame, type SimulationScript } from '@clauseflow/runtime';
import { EXIT, type CliCommand, type CliIo } from '../cli-io.ts';
import { readJsonFile, readJsonObject, type CliLanguage } from '../read-json-file.ts';
import { readArgs } from '../cli-args.ts';

const TEXT = {
  usage: {
    en: 'usage: pnpm clauseflow simulate <definition.json> --events <events.json> [--json] [--lang en|zh]',
    zh: '用法：pnpm clauseflow simulate <定义.json> --events <事件.json> [--json] [--lang en|zh]',
  },
  invalid: { en: 'the definition is not valid:', zh: '流程定义无效：' },
  badScript: {
    en: 'the events file needs { startAt, data, events: [...] }',
    zh: '事件文件需要 { startAt, data, events: [...] }',
  },
};

interface Options {
  definition: string;
  events: string;
  json: boolean;
  language: CliLanguage;
}

function parseOptions(args: readonly string[]): Options | undefined {
  const parsed = readArgs(args, { flags: ['json'], values: ['events'], positionals: [1, 1] });
  const events = parsed?.value('events');
  if (!parsed || events === undefined) return undefined;
  return { definition: parsed.positionals[0]!, events, json: parsed.flag('json'), language: parsed.language };
}

function isScript(value: unknown): value is SimulationScript {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['startAt'] === 'string' &&
    typeof v['data'] === 'object' &&
    v['data'] !== null &&
    Array.isArray(v['events'])
  );
}

/** One readable line per frame: when, why, the event, the outcome, the state, what changed. */
function frameLine(frame: SimulationFrame, language: CliLanguage): string {
  const outcome = frame.ok
    ? `-> ${frame.state}`
    : `refused ${frame.rejection?.code ?? ''}: ${frame.rejection?.message[language] ?? ''}`;
  const decisions = frame.trace
    .filter((entry) => entry.kind === 'decision')
    .map((entry) => `${entry.decision}: ${entry.matchedRows.join(',') || '-'} ${JSON.stringify(entry.outputs)}`);
  const effects = frame.effects.map((effect) => effect.type);
  const clocks = Object.entries(frame.clocks).map(
    ([id, c]) => `${id} ${c.status} ${Math.round(c.remainingMs / 60000)}min left`,
  );
  return [
    `${frame.at} ${frame.cause.padEnd(13)} ${(frame.event ?? '').padEnd(18)} ${outcome}`,
    ...(decisions.length ? [`    decisions: ${decisions.join('; ')}`] : []),
    ...(effects.length ? [`    effects: ${effects.join(', ')}`] : []),
    ...(clocks.length ? [`    clocks: ${clocks.join('; ')}`] : []),
  ].join('\n');
}

/**
 * `clauseflow simulate <definition.json> --events <events.json> [--json]`: steps a definition
 * through scripted events (actor, data, time advances) on the pure core, with timers and SLA
 * clocks in simulated business time, and prints states, data, effects and rule traces.
 * Exit 0 when every step was accepted, 1 when the definition is invalid or a step was refused,
 * 2 on unreadable input or wrong arguments.
 */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: {
    en: 'Step a definition through scripted events with simulated time; print states, effects and rule traces.',
    zh: '按脚本事件和模拟时间逐步运行流程定义，输出状态、效果和规则追踪。',
  },
  usage: 'simulate <definition.json> --events <events.json> [--json] [--lang en|zh]',
  async run(args: readonly string[], io: CliIo) {
    const options = parseOptions(args);
    if (!options) {
      io.stderr(`${TEXT.usage.en}\n${TEXT.usage.zh}\n`);
      return EXIT.usage;
    }
    const definitionFile = await readJsonObject(options.definition, options.language, {
      en: 'a process definition',
      zh: '流程定义',
    });
    const eventsFile = await readJsonFile(options.events, options.language);
    for (const read of [definitionFile, eventsFile]) {
      if ('message' in read) {
        io.stderr(`clauseflow simulate: ${read.message}\n`);
        return EXIT.unreadable;
      }
    }
    const script = (eventsFile as { json: unknown }).json;
    if (!isScript(script)) {
      io.stderr(`clauseflow simulate: ${TEXT.badScript[options.language]}\n`);
      return EXIT.unreadable;
    }
    const parsed = parseDefinition((definitionFile as { json: unknown }).json);
    if (!parsed.valid || !parsed.definition) {
      const errors = parsed.issues.filter((issue) => issue.severity === 'error');
      io.stderr(
        `${TEXT.invalid[options.language]}\n${errors.map((i) => `  ${i.code} ${i.path} ${localizeIssue(i, options.language)}`).join('\n')}\n`,
      );
      return EXIT.invalid;
    }
    const frames = await simulate(compile(parsed.definition), script);
    io.stdout(
      options.json
        ? `${JSON.stringify({ frames }, null, 2)}\n`
        : `${frames.map((f) => frameLine(f, options.language)).join('\n')}\n`,
    );
    return frames.every((frame) => frame.ok) ? EXIT.ok : EXIT.invalid;
  },
};
