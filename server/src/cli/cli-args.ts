import { parseArgs } from 'node:util';
import type { CliLanguage } from './read-json-file.ts';

/** A command's arguments, parsed. */
export interface CliArgs {
  positionals: string[];
  /** Whether `--name` was given. */
  flag(name: string): boolean;
  /** The value of `--name <value>`, if given. */
  value(name: string): string | undefined;
  /** `--lang en|zh` (every command takes it; default en). */
  language: CliLanguage;
}

/**
 * Parses a command's arguments with Node's own parser, strictly: an unknown option, a flag with a
 * value, an option without one, a `--lang` other than en or zh, or a count of positional arguments
 * outside `[min, max]` is a usage error (undefined).
 */
export function readArgs(
  args: readonly string[],
  spec: { flags?: readonly string[]; values?: readonly string[]; positionals: readonly [number, number] },
): CliArgs | undefined {
  const options: Record<string, { type: 'boolean' | 'string' }> = { lang: { type: 'string' } };
  for (const name of spec.flags ?? []) options[name] = { type: 'boolean' };
  for (const name of spec.values ?? []) options[name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  const lang = values['lang'] ?? 'en';
  if (lang !== 'en' && lang !== 'zh') return undefined;
  const [min, max] = spec.positionals;
  if (positionals.length < min || positionals.length > max) return undefined;
  return {
    positionals,
    flag: (name) => values[name] === true,
    value: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    language: lang,
  };
}
