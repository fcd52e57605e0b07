import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { definitionJsonSchemaText } from '../json-schema.ts';
import { createIssue, type Issue } from './issue.ts';
import { escapePointerToken } from './json-pointer.ts';
import type { LocalizedText } from '@clauseflow/common';

// ajv-formats is CommonJS: its default export arrives under `.default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** At most this many schema issues are reported; the first ones are enough to act on. */
const MAX_SCHEMA_ISSUES = 200;

// Compiled once per process: the published schema text (JSON only, no TypeBox internals).
const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true, verbose: true }));
const validateShape = ajv.compile(JSON.parse(definitionJsonSchemaText()) as object);

const isAtOrUnder = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);
const depth = (path: string): number => (path === '' ? 0 : path.split('/').length - 1);

/** An ajv error, or one this module made when it collapsed a failed union. */
interface ShapeError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

function toShapeError(e: ErrorObject): ShapeError {
  return {
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params as Record<string, unknown>,
    message: e.message ?? 'is invalid',
  };
}

/** Picks the most helpful errors of a failed `anyOf` from its branches' errors. */
function reduceUnion(union: ErrorObject, run: ShapeError[]): ShapeError[] {
  const at = union.instancePath;
  const branches = Array.isArray(union.schema) ? (union.schema as unknown[]) : [];
  const byRef = branches.length > 0 && branches.every((b) => typeof b === 'object' && b !== null && '$ref' in b);
  const collapsed: ShapeError = {
    instancePath: at,
    schemaPath: union.schemaPath,
    keyword: 'anyOf',
    params: {},
    message: 'does not match any of the allowed shapes',
  };
  if (byRef) {
    // Branch errors of referenced schemas cannot be told apart; keep those that got furthest.
    const deeper = run.filter((e) => e.instancePath !== at);
    return deeper.length > 0 ? deeper : [collapsed];
  }
  const prefix = `${union.schemaPath}/`;
  const foreign: ShapeError[] = [];
  const groups = new Map<string, ShapeError[]>();
  for (const e of run) {
    if (!e.schemaPath.startsWith(prefix)) {
      foreign.push(e);
      continue;
    }
    const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    groups.set(branch, [...(groups.get(branch) ?? []), e]);
  }
  if (groups.size === 0) return [...foreign, collapsed];
  const score = (errors: ShapeError[]): number[] => {
    // A const mismatch at or just under the union (a literal or a `type` discriminator) rules the branch out.
    const strong = errors.some((e) => e.keyword === 'const' && depth(e.instancePath) <= depth(at) + 1) ? 1 : 0;
    const wrongKeys = errors.filter(
      (e) => e.instancePath === at && (e.keyword === 'additionalProperties' || e.keyword === 'type'),
    ).length;
    const furthest = Math.max(...errors.map((e) => depth(e.instancePath)));
    return [strong, wrongKeys, -furthest, errors.length];
  };
  const ranked = [...groups.values()]
    .map((errors) => ({ errors, score: score(errors) }))
    .sort((a, b) => {
      for (let i = 0; i < a.score.length; i++) {
        const d = (a.score[i] ?? 0) - (b.score[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
  const best = ranked[0];
  if (best === undefined) return [...foreign, collapsed];
  // A branch through a `$ref` leaves errors outside the branch paths; if they got further than
  // every inline branch, that branch is the one meant.
  if (-(best.score[2] ?? 0) <= depth(at) && foreign.some((e) => depth(e.instancePath) > depth(at))) return foreign;
  if (best.score[0] === 1) {
    // Every branch is ruled out by a literal: report the allowed values once.
    const consts = [...groups.values()].flat().filter((e) => e.keyword === 'const');
    const where = consts[0]?.instancePath ?? at;
    const allowedValues = [
      ...new Set(consts.filter((e) => e.instancePath === where).map((e) => e.params.allowedValue)),
    ];
    return [
      ...foreign,
      {
        instancePath: where,
        schemaPath: union.schemaPath,
        keyword: 'enum',
        params: { allowedValues },
        message: 'must be equal to one of the allowed values',
      },
    ];
  }
  if (groups.size > 1 && best.score[1] !== 0 && ranked.every((r) => r.score[1] !== 0)) {
    // Every branch has keys it does not know or the wrong type: the value fits no shape.
    const types = [...groups.values()].flat().filter((e) => e.keyword === 'type' && e.instancePath === at);
    if (types.length === [...groups.values()].flat().length) {
      const type = [...new Set(types.map((e) => String(e.params.type)))].join(', ');
      return [...foreign, { ...collapsed, keyword: 'type', params: { type }, message: `must be ${type}` }];
    }
  }
  return [...foreign, ...best.errors];
}

function reduce(errors: readonly ErrorObject[]): ShapeError[] {
  const out: ShapeError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf') {
      out.push(toShapeError(e));
      continue;
    }
    const run: ShapeError[] = [];
    while (out.length > 0 && isAtOrUnder(out[out.length - 1]!.instancePath, e.instancePath)) run.unshift(out.pop()!);
    out.push(...reduceUnion(e, run));
  }
  return out;
}

const list = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(values);

/** English and Chinese text of one schema error (without its location). */
function describe(e: ShapeError): LocalizedText {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return {
        en: `must have the property "${String(p.missingProperty)}"`,
        zh: `缺少必需属性“${String(p.missingProperty)}”`,
      };
    case 'additionalProperties':
      return { en: 'is not an allowed property here', zh: '此处不允许该属性' };
    case 'type':
      return { en: `must be ${String(p.type)}`, zh: `类型必须是 ${String(p.type)}` };
    case 'const':
      return { en: `must be ${JSON.stringify(p.allowedValue)}`, zh: `必须为 ${JSON.stringify(p.allowedValue)}` };
    case 'enum':
      return { en: `must be one of: ${list(p.allowedValues)}`, zh: `必须是以下之一：${list(p.allowedValues)}` };
    case 'pattern':
      return { en: `must match the pattern ${String(p.pattern)}`, zh: `必须匹配模式 ${String(p.pattern)}` };
    case 'format':
      return { en: `must be a valid ${String(p.format)}`, zh: `必须是有效的 ${String(p.format)}` };
    case 'uniqueItems':
      return {
        en: `must not contain duplicate items (items ${String(p.j)} and ${String(p.i)} are equal)`,
        zh: `不能包含重复项（第 ${String(p.j)} 项与第 ${String(p.i)} 项相同）`,
      };
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { en: e.message, zh: `数量或长度不能少于 ${String(p.limit)}` };
    case 'maxItems':
    case 'maxLength':
    case 'maxProperties':
      return { en: e.message, zh: `数量或长度不能超过 ${String(p.limit)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { en: e.message, zh: `数值必须 ${String(p.comparison)} ${String(p.limit)}` };
    case 'anyOf':
      return { en: e.message, zh: '不符合任何允许的结构' };
    default:
      return { en: e.message, zh: `不符合定义格式：${e.message}` };
  }
}

function toIssue(e: ShapeError): Issue {
  const path =
    e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string'
      ? `${e.instancePath}/${escapePointerToken(e.params.additionalProperty)}`
      : e.instancePath;
  const where = path === '' ? '(document)' : path;
  const text = describe(e);
  return createIssue('SCHEMA_VIOLATION', path, {
    ...e.params,
    keyword: e.keyword,
    detail: `${where}: ${text.en}`,
    detailZh: `${where}：${text.zh}`,
  });
}

/**
 * Validates a document against the definition format's JSON Schema (ajv, compiled once) and
 * returns one SCHEMA_VIOLATION issue per problem, pointing at the offending location. Failed
 * unions are reduced to the errors of the branch the document most likely meant.
 */
export function validateDefinitionShape(document: unknown): Issue[] {
  if (validateShape(document)) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of reduce(validateShape.errors ?? [])) {
    const issue = toIssue(e);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= MAX_SCHEMA_ISSUES) break;
  }
  return issues;
}
