import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedTemplateFiles } from '@clauseflow/catalog';
import { COMMANDS, runCli } from './clauseflow.ts';
import { captured } from './testing/captured.ts';
import { displayWidth, padDisplay } from './display-width.ts';
import { MAX_JSON_DEPTH } from './read-json-file.ts';

let dir = '';

const cli = (...args: string[]) => captured((io) => runCli(args, io));

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const incidentText = JSON.stringify(
  shippedTemplateFiles().find((f) => f.file === 'incident/definition.json')!.json,
  null,
  2,
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clauseflow-cli-inputs-'));
});

describe('the command line explains itself', () => {
  it('given --help, then clauseflow and each command print their usage and exit 0; wrong usage exits 2 with the usage', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const command of COMMANDS) {
      expect(top.stdout).toContain(command.name);
      const own = await cli(command.name, '--help');
      expect(own.code, command.name).toBe(0);
      expect(own.stdout, command.name).toContain(`usage: pnpm clauseflow ${command.usage}`);
    }
    const wrong = await cli('validate', '--no-such-option');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('usage:');
  });
});

describe('JSON files as other JSON tools read them', () => {
  it('given a file with a UTF-8 byte-order mark, then it is read as the JSON it holds', async () => {
    const withBom = await file('bom.json', `\uFEFF${incidentText}`);
    const result = await cli('validate', withBom);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('given a syntax error, then the message gives its line and column, in either language', async () => {
    const broken = await file('broken.json', '{\n  "key": "x",\n  "title" {}\n}\n');
    const en = await cli('validate', broken);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('line 3, column 11: a colon is expected');
    const zh = await cli('validate', broken, '--lang', 'zh');
    expect(zh.stderr).toContain('第 3 行第 11 列：此处应为冒号');
  });

  it('given a value nested deeper than any definition needs, then it is refused by its place, in either language, before analysis', async () => {
    const deep = await file('deep.json', `{"states":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const en = await cli('conformance', deep);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`nested too deeply at /states/0/0`);
    expect(en.stderr).toContain(`more than ${MAX_JSON_DEPTH} levels`);
    expect(en.stderr).not.toContain('Maximum call stack');
    const zh = await cli('validate', deep, '--lang', 'zh');
    expect(zh.stderr).toContain('嵌套过深');
  });

  it('given a top-level array or string, then it says a process definition must be a JSON object', async () => {
    for (const text of ['[1, 2]', '"incident"', 'null']) {
      const result = await cli('conformance', await file('not-object.json', text));
      expect(result.code, text).toBe(2);
      expect(result.stderr, text).toContain('a process definition must be a JSON object');
    }
    const zh = await cli('validate', await file('not-object.json', '[]'), '--lang', 'zh');
    expect(zh.stderr).toContain('流程定义必须是 JSON 对象');
  });
});

describe('Chinese tables keep their columns', () => {
  it('given wide characters, then padding counts two columns for each', () => {
    expect(displayWidth('不通过')).toBe(6);
    expect(displayWidth('PASS')).toBe(4);
    expect(padDisplay('通过', 9)).toBe('通过     ');
    expect(displayWidth(padDisplay('不适用', 9))).toBe(9);
  });

  it('given the verdict table in Chinese, then every requirement id starts in the same terminal column', async () => {
    const copy = JSON.parse(incidentText) as { claims: string[]; transitions: { tags?: string[] }[] };
    copy.transitions = copy.transitions.filter((t) => !(t.tags ?? []).includes('escalation'));
    const result = await cli('conformance', await file('zh-table.json', JSON.stringify(copy)), '--lang', 'zh');
    const rows = result.stdout.split('\n').filter((line) => /^(通过|不通过)\s/.test(line));
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((row) => displayWidth(row.slice(0, row.search(/\d/)))))).toEqual(new Set([10]));
    expect(rows.some((row) => row.startsWith('不通过'))).toBe(true);
  });
});
