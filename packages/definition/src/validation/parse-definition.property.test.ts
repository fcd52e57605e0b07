import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { migrateDefinition } from '../migrations/migrate-definition.ts';
import { childPointer, resolvePointer } from './json-pointer.ts';
import { parseDefinition } from './parse-definition.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);

/** Random definitions that have the format's shape (their semantics may be anything). */
const definition = fc
  .record({
    fields: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    roles: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    states: fc.uniqueArray(id, { minLength: 1, maxLength: 8 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 16 }),
    finals: fc.array(fc.nat(), { maxLength: 3 }),
    forms: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
  })
  .map(({ fields, roles, states, edges, finals, forms }): Json => {
    const at = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
    const finalIds = new Set(finals.map((n) => at(states, n)));
    return {
      formatVersion: 1,
      key: 'generated',
      version: 1,
      title: { en: 'Generated', zh: '生成' },
      tags: [],
      record: {
        schema: {
          type: 'object',
          properties: Object.fromEntries(
            fields.map((f, i): [string, Json] => [
              f,
              i % 2 === 0
                ? { type: 'string', enum: ['a', 'b'], 'x-label': { en: f, zh: f } }
                : { type: 'number', 'x-label': { en: f, zh: f } },
            ]),
          ),
        },
        titleField: at(fields, 0),
      },
      roles: roles.map((r) => ({ id: r, label: { en: r, zh: r } })),
      initialState: at(states, 0),
      states: states.map((s, i) => ({
        id: s,
        label: { en: s, zh: s },
        tags: [],
        kind: finalIds.has(s) ? 'final' : 'normal',
        actors: [at(roles, i)],
        ...(forms.length > 0 ? { form: `form-${i % forms.length}` } : {}),
      })),
      transitions: edges.map(([from, to, role, guarded], i) => ({
        id: `t-${i}`,
        from: at(states, from),
        event: `e-${to % 3}`,
        to: at(states, to),
        label: { en: 't', zh: 't' },
        actors: [at(roles, role)],
        ...(guarded ? { guard: { condition: { all: [{ fact: at(fields, i), operator: 'equal', value: 'a' }] } } } : {}),
      })),
      decisions: [],
      ruleSets: [],
      forms: forms.map((picks, i) => ({
        id: `form-${i}`,
        label: { en: 'Form', zh: '表单' },
        sections: [
          { id: 'main', label: { en: 'Main', zh: '主要' }, fields: picks.map((p) => ({ field: at(fields, p) })) },
        ],
      })),
      clocks: [],
      calendars: [],
    };
  });

/** Every pointer in a JSON document, parents before children. */
function pointers(document: Json): string[] {
  const out: string[] = [];
  const stack: { value: Json; path: string }[] = [{ value: document, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    out.push(path);
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: childPointer(path, key) });
    }
  }
  return out;
}

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'retype', 'rename', 'forbiddenKey', 'duplicateId'),
  target: fc.nat(),
  value: fc.constantFrom<Json>(null, 0, -1, 1.5, '', 'x', '$bad', true, [], {}, [1, 2], { 'a.b': 1 }),
  key: fc.constantFrom('$where', 'a.b', 'id', 'from', 'x-label', '__proto__'),
});

/** Applies one mutation at a pointer chosen by `target` (modulo the document's size). */
function mutate(document: Json, m: typeof mutation extends fc.Arbitrary<infer T> ? T : never): Json {
  const paths = pointers(document);
  const path = paths[m.target % paths.length]!;
  if (path === '') return m.kind === 'retype' ? m.value : document;
  const parentPath = path.slice(0, path.lastIndexOf('/'));
  const key = path
    .slice(path.lastIndexOf('/') + 1)
    .replaceAll('~1', '/')
    .replaceAll('~0', '~');
  const parent = resolvePointer(document, parentPath).value as Json;
  if (parent === null || typeof parent !== 'object') return document;
  const target = resolvePointer(document, path).value as Json;
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (m.kind === 'delete') parent.splice(index, 1);
    else if (m.kind === 'duplicateId' && index > 0)
      parent[index] = JSON.parse(JSON.stringify(parent[index - 1])) as Json;
    else parent[index] = m.value;
    return document;
  }
  switch (m.kind) {
    case 'delete':
      delete parent[key];
      break;
    case 'retype':
      parent[key] = m.value;
      break;
    case 'rename':
      delete parent[key];
      Object.defineProperty(parent, m.key, { value: target, enumerable: true, writable: true, configurable: true });
      break;
    case 'forbiddenKey':
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[m.key] = m.value;
      else parent[key] = { [m.key]: m.value };
      break;
    case 'duplicateId':
      if (target !== null && typeof target === 'object' && !Array.isArray(target) && 'id' in target) {
        const siblings = Object.values(parent).filter((s) => s !== null && typeof s === 'object' && 'id' in s);
        target.id = (siblings[0] as { id: Json }).id;
      }
      break;
  }
  return document;
}

/** Codes seen across runs: proves the mutations reach the semantic checks, not only the schema. */
const seen = new Set<string>();

/** The issues' paths point into the migrated document when a migration ran. */
function assertPathsResolve(input: Json): void {
  const result = parseDefinition(input);
  for (const issue of result.issues) seen.add(issue.code);
  const document = result.issues.some((issue) => issue.code === 'MIGRATED') ? migrateDefinition(input).document : input;
  for (const issue of result.issues) {
    expect(resolvePointer(document, issue.path).found, `${issue.code} at ${issue.path}`).toBe(true);
  }
}

describe('parseDefinition on generated definitions', () => {
  test('given random well-shaped definitions, when parsed, then no issue is a schema violation and every path resolves', () => {
    fc.assert(
      fc.property(definition, (doc) => {
        const result = parseDefinition(doc);
        expect(result.issues.filter((issue) => issue.code === 'SCHEMA_VIOLATION')).toEqual([]);
        expect(result.definition).toBeDefined();
        assertPathsResolve(doc);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  test('given random definitions with random mutations, when parsed, then it never throws and every issue path resolves in the input', () => {
    fc.assert(
      fc.property(definition, fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        let mutated = JSON.parse(JSON.stringify(doc)) as Json;
        for (const m of mutations) mutated = mutate(mutated, m);
        assertPathsResolve(mutated);
      }),
      { numRuns: 400, seed: 20261129 },
    );
    for (const code of ['SCHEMA_VIOLATION', 'DUPLICATE_ID', 'UNKNOWN_STATE', 'UNKNOWN_FIELD', 'FORBIDDEN_KEY']) {
      expect(seen).toContain(code);
    }
  });

  test('given arbitrary JSON values, when parsed, then it never throws and every issue path resolves', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => assertPathsResolve(value as Json)),
      { numRuns: 200, seed: 20261129 },
    );
  });
});
