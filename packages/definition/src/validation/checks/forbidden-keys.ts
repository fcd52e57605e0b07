import type { Definition } from '../../format/definition.ts';
import { createIssue, type Issue } from '../issue.ts';
import { childPointer, pointer } from '../json-pointer.ts';
import { forEachEffect } from './visit.ts';

const forbidden = (key: string): boolean => key.startsWith('$') || key.includes('.');

/** Schema keywords whose values are subschemas, lists of them, or maps of them. */
const SUBSCHEMA = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'unevaluatedItems',
  'unevaluatedProperties',
  'propertyNames',
];
const SUBSCHEMA_LISTS = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAPS = ['$defs', 'definitions', 'dependentSchemas', 'patternProperties'];
/** Keywords whose values are record data. */
const DATA = ['default', 'const', 'enum', 'examples'];

/** Reports every forbidden key at any depth of a JSON value (record data). */
function checkData(value: unknown, path: string, issues: Issue[]): void {
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0) {
    const { value: current, path: at } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const childPath = childPointer(at, key);
      if (!Array.isArray(current) && forbidden(key)) issues.push(createIssue('FORBIDDEN_KEY', childPath, { key }));
      stack.push({ value: child, path: childPath });
    }
  }
}

/** Walks a JSON Schema: property names at any depth, and the data in defaults, consts and enums. */
function checkSchema(schema: unknown, path: string, issues: Issue[]): void {
  const stack: { schema: unknown; path: string }[] = [{ schema, path }];
  while (stack.length > 0) {
    const { schema: current, path: at } = stack.pop()!;
    if (current === null || typeof current !== 'object' || Array.isArray(current)) continue;
    const node = current as Record<string, unknown>;
    const properties = node.properties;
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        const childPath = childPointer(at, 'properties', key);
        if (forbidden(key)) issues.push(createIssue('FORBIDDEN_KEY', childPath, { key }));
        stack.push({ schema: child, path: childPath });
      }
    }
    for (const keyword of SUBSCHEMA) {
      if (Object.hasOwn(node, keyword)) stack.push({ schema: node[keyword], path: childPointer(at, keyword) });
    }
    for (const keyword of SUBSCHEMA_LISTS) {
      const list = node[keyword];
      if (Array.isArray(list))
        list.forEach((child, i) => stack.push({ schema: child, path: childPointer(at, keyword, i) }));
    }
    for (const keyword of SUBSCHEMA_MAPS) {
      const map = node[keyword];
      if (map !== null && typeof map === 'object' && !Array.isArray(map)) {
        for (const [key, child] of Object.entries(map))
          stack.push({ schema: child, path: childPointer(at, keyword, key) });
      }
    }
    for (const keyword of DATA) {
      if (Object.hasOwn(node, keyword)) checkData(node[keyword], childPointer(at, keyword), issues);
    }
  }
}

/**
 * FORBIDDEN_KEY: property names that start with `$` or contain `.` cannot be stored as document
 * keys (MongoDB, FerretDB). Checked in the record schema (field names at any depth and the data
 * in defaults, consts, enums and examples) and in every value a definition writes into a record:
 * set-field values, rule-set `set` maps, decision outputs, linked-record copies.
 */
export function checkForbiddenKeys(definition: Definition): Issue[] {
  const issues: Issue[] = [];
  checkSchema(definition.record.schema, '/record/schema', issues);
  forEachEffect(definition, (effect, path) => {
    if (effect.type === 'setField' && 'value' in effect.from)
      checkData(effect.from.value, childPointer(path, 'from', 'value'), issues);
    if (effect.type === 'createLinkedRecord') checkData(effect.copy, childPointer(path, 'copy'), issues);
  });
  definition.ruleSets.forEach((ruleSet, i) => {
    ruleSet.rules.forEach((rule, j) => checkData(rule.set, pointer('ruleSets', i, 'rules', j, 'set'), issues));
  });
  definition.decisions.forEach((decision, i) => {
    decision.rows.forEach((row, j) => {
      for (const [output, value] of Object.entries(row.then)) {
        checkData(value, pointer('decisions', i, 'rows', j, 'then', output), issues);
      }
    });
  });
  return issues;
}
