import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_EMBEDDED_PORT, openDatabaseServer } from '@clauseflow/embedded-db';
import { parseDefinition, type Definition } from '@clauseflow/definition';
import type { ImportPlan } from '@clauseflow/runtime';
import { isDomainError } from '@clauseflow/common';
import { shippedTemplatePaths } from '@clauseflow/catalog';
import {
  buildCatalogPack,
  CATALOG_TEMPLATES,
  connectDatabase,
  DefinitionConformance,
  openClauseFlow,
  packPublicKey,
  verifyTemplatePack,
} from '@clauseflow/application';
import { EXIT, type CliCommand, type CliIo } from '../cli-io.ts';
import { readArgs } from '../cli-args.ts';

const USAGE = [
  'usage: pnpm clauseflow pack build [--out <file>] [--sign <private-key.pem>]',
  '       pnpm clauseflow pack verify <file> [--public-key <public-key.pem>] [--json]',
  '       pnpm clauseflow pack import <file> [--dry-run]',
  '用法：build 构建目录模板包；verify 校验模板包（退出码 0/1/2）；import 导入数据库（--dry-run 仅预览）',
].join('\n');

class Unusable extends Error {}

/** A path the user typed, relative to where they typed the command. */
function userPath(env: NodeJS.ProcessEnv, file: string): string {
  return resolve(env['INIT_CWD'] ?? process.cwd(), file);
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Unusable(`cannot read ${shown} (${code}) / 无法读取 ${shown}`);
  }
}

async function readJson(path: string, shown: string): Promise<unknown> {
  const text = await readText(path, shown);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Unusable(`${shown} is not JSON / 不是 JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function printPlan(io: CliIo, plan: ImportPlan): void {
  io.stdout(
    `${plan.pack}@${plan.version} (in use: ${plan.activeVersion ?? 'none'})\n` +
      `  new:       ${plan.added.join(', ') || '-'}\n` +
      `  changed:   ${plan.changed.join(', ') || '-'}\n` +
      `  unchanged: ${plan.unchanged.join(', ') || '-'}\n` +
      `  removed:   ${plan.removed.join(', ') || '-'}\n`,
  );
}

async function build(args: readonly string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = readArgs(args, { values: ['out', 'sign'], positionals: [0, 0] });
  if (!parsed) return usage(io);
  let privateKey: KeyObject | undefined;
  const sign = parsed.value('sign');
  if (typeof sign === 'string') {
    try {
      privateKey = createPrivateKey(await readText(userPath(env, sign), sign));
    } catch (error) {
      throw error instanceof Unusable ? error : new Unusable(`${sign} is not a private key / 不是私钥`);
    }
  }
  const files = shippedTemplatePaths();
  const templates: Definition[] = [];
  let invalid = 0;
  for (const file of files) {
    const parsedTemplate = parseDefinition(await readJson(new URL(file, CATALOG_TEMPLATES).pathname, file));
    const errors = parsedTemplate.issues.filter((i) => i.severity === 'error');
    for (const issue of errors) io.stderr(`${file}: ${issue.code} ${issue.path} ${issue.message}\n`);
    if (!parsedTemplate.definition || errors.length > 0) invalid++;
    else templates.push(parsedTemplate.definition);
  }
  if (invalid > 0) return EXIT.invalid;
  const pack = buildCatalogPack(templates, privateKey);
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  const out = parsed.value('out');
  if (typeof out === 'string') {
    await writeFile(userPath(env, out), text);
    io.stderr(
      `built ${pack.manifest.name}@${pack.manifest.version}: ${templates.length} template(s)` +
        `${privateKey ? ', signed' : ''} -> ${out}\n`,
    );
  } else io.stdout(text);
  return EXIT.ok;
}

async function verify(args: readonly string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = readArgs(args, { flags: ['json'], values: ['public-key'], positionals: [1, 1] });
  if (!parsed) return usage(io);
  const file = parsed.positionals[0]!;
  const keyFile = parsed.value('public-key');
  let publicKey: KeyObject | undefined;
  try {
    publicKey =
      typeof keyFile === 'string'
        ? packPublicKey(await readText(userPath(env, keyFile), keyFile))
        : packPublicKey(env['CLAUSEFLOW_PACK_PUBLIC_KEY']);
  } catch (error) {
    throw error instanceof Unusable ? error : new Unusable('the public key is not a PEM key / 公钥不是 PEM 格式');
  }
  const json = await readJson(userPath(env, file), file);
  const result = verifyTemplatePack(json, DefinitionConformance.load(), publicKey);
  if (parsed.flag('json')) io.stdout(`${JSON.stringify({ ok: result.ok, issues: result.issues }, null, 2)}\n`);
  else if (result.ok) {
    const { name, version } = result.pack.manifest;
    io.stdout(`OK ${name}@${version}: ${result.pack.templates.length} template(s) verified / 校验通过\n`);
  } else {
    for (const issue of result.issues) io.stdout(`${issue.code} ${issue.path || '/'} ${issue.message}\n`);
    io.stdout(`${result.issues.length} issue(s) / 个问题\n`);
  }
  return result.ok ? EXIT.ok : EXIT.invalid;
}

async function importPack(args: readonly string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = readArgs(args, { flags: ['dry-run'], positionals: [1, 1] });
  if (!parsed) return usage(io);
  const file = parsed.positionals[0]!;
  const json = await readJson(userPath(env, file), file);
  const port = Number(env['CLAUSEFLOW_DB_PORT'] ?? DEFAULT_EMBEDDED_PORT);
  const server = await openDatabaseServer({ port, env, log: (line) => io.stderr(`[db] ${line}\n`) });
  const connection = await connectDatabase(server.uri, env['CLAUSEFLOW_DB_NAME'] ?? 'clauseflow');
  const clauseflow = await openClauseFlow({
    db: connection.db,
    packPublicKey: packPublicKey(env['CLAUSEFLOW_PACK_PUBLIC_KEY']),
  });
  try {
    const dryRun = parsed.flag('dry-run');
    const outcome = await clauseflow.packs.import(json, {
      dryRun,
      actor: 'cli',
      onProgress: (p) => io.stdout(`[${p.done}/${p.total}] ${p.step}\n`),
    });
    if (dryRun) io.stdout('dry run / 预览:\n');
    printPlan(io, outcome.plan);
    if (!dryRun) io.stdout(`in use / 正在使用: ${outcome.plan.pack}@${outcome.activeVersion ?? '-'}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'PACK_INVALID') {
      for (const issue of error.errors ?? []) io.stdout(`${issue.issue} ${issue.path || '/'} ${issue.message}\n`);
    } else io.stderr(`import failed / 导入失败: ${error.message}\n`);
    return EXIT.invalid;
  } finally {
    await clauseflow.close();
    await connection.close();
    await server.stop();
  }
}

function usage(io: CliIo): number {
  io.stderr(`${USAGE}\n`);
  return EXIT.usage;
}

/** The `pack` command reading its environment from `env` (tests pass their own). */
export function createPackCommand(env: NodeJS.ProcessEnv): CliCommand {
  return {
    name: 'pack',
    summary: {
      en: 'Build, verify (exit 0/1/2) and import template packs.',
      zh: '构建、校验（退出码 0/1/2）并导入模板包。',
    },
    usage:
      'pack build [--out <file>] [--sign <key.pem>] | pack verify <file> [--public-key <pem>] [--json] | pack import <file> [--dry-run]',
    async run(args, io) {
      const [sub, ...rest] = args;
      try {
        if (sub === 'build') return await build(rest, io, env);
        if (sub === 'verify') return await verify(rest, io, env);
        if (sub === 'import') return await importPack(rest, io, env);
        return usage(io);
      } catch (error) {
        if (error instanceof Unusable) {
          io.stderr(`clauseflow pack: ${error.message}\n`);
          return EXIT.unreadable;
        }
        throw error;
      }
    },
  };
}

/**
 * `clauseflow pack build|verify|import`: builds the catalogue's pack from `catalog/pack.json`
 * and `catalog/templates/`, verifies a pack file (schema, standard, hashes, validation,
 * conformance, signature), and imports one into the database (MONGODB_URI, or the embedded
 * FerretDB), printing a progress line per step.
 */
export const packCommand: CliCommand = createPackCommand(process.env);
