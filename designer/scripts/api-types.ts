import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The committed, generated types of the server's HTTP API. */
export const API_TYPES_FILE = fileURLToPath(new URL('../src/api/openapi-types.ts', import.meta.url));

const HEADER = `// Generated from the server's /openapi.json by \`pnpm --filter @clauseflow/designer gen:api\`.
// Do not edit: scripts/api-types.test.ts fails when this file no longer matches the server.
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visit(value: Json, each: (node: { [key: string]: Json }) => Json | undefined): Json {
  if (Array.isArray(value)) return value.map((item) => visit(item, each));
  if (!isObject(value)) return value;
  const replaced = each(value);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, each)]));
}

/**
 * The server inlines every schema (each route repeats ProblemDetails, User, Group…), which makes
 * 60,000 lines of types. A titled schema whose every occurrence is identical becomes one named
 * component referenced by `$ref`: the same types, named, at a fraction of the size.
 */
export function hoistTitledSchemas(document: Json): Json {
  const byTitle = new Map<string, Set<string>>();
  visit(document, (node) => {
    const title = node['title'];
    if (typeof title === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(title) && node['type'] !== undefined) {
      byTitle.set(title, (byTitle.get(title) ?? new Set()).add(JSON.stringify(node)));
    }
    return undefined;
  });
  if (!isObject(document)) return document;
  const components = isObject(document['components']) ? document['components'] : {};
  const schemas: { [key: string]: Json } = isObject(components['schemas']) ? { ...components['schemas'] } : {};
  const hoisted = new Set<string>();
  for (const [title, shapes] of byTitle) {
    const [only] = shapes;
    if (shapes.size === 1 && only !== undefined && !(title in schemas)) {
      schemas[title] = JSON.parse(only) as Json;
      hoisted.add(title);
    }
  }
  const rewritten = visit(document, (node) => {
    const title = node['title'];
    return typeof title === 'string' && hoisted.has(title) ? { $ref: `#/components/schemas/${title}` } : undefined;
  });
  if (!isObject(rewritten)) return rewritten;
  // Each hoisted schema's own body is kept whole (only its nested titled schemas become references).
  const bodies = Object.fromEntries(
    Object.entries(schemas).map(([title, schema]) => [
      title,
      isObject(schema)
        ? Object.fromEntries(
            Object.entries(schema).map(([key, item]) => [
              key,
              visit(item, (node) =>
                typeof node['title'] === 'string' && hoisted.has(node['title'])
                  ? { $ref: `#/components/schemas/${node['title']}` }
                  : undefined,
              ),
            ]),
          )
        : schema,
    ]),
  );
  return { ...rewritten, components: { ...components, schemas: bodies } };
}

/**
 * Every operation lists the same problem responses (`Problem (400)`…); each becomes one named
 * response (`components.responses.Problem400`) that the operations reference.
 */
export function hoistProblemResponses(document: Json): Json {
  if (!isObject(document)) return document;
  const responses: { [key: string]: Json } = {};
  const shapes = new Map<string, string>();
  const rewritten = visit(document, (node) => {
    const status =
      typeof node['description'] === 'string' ? /^Problem \((\d{3})\)$/.exec(node['description'])?.[1] : undefined;
    if (!status || !isObject(node['content'])) return undefined;
    const name = `Problem${status}`;
    const shape = JSON.stringify(node);
    if ((shapes.get(name) ?? shape) !== shape) return undefined; // differs: stays inline
    shapes.set(name, shape);
    responses[name] = node;
    return { $ref: `#/components/responses/${name}` };
  });
  if (!isObject(rewritten)) return rewritten;
  const components = isObject(rewritten['components']) ? rewritten['components'] : {};
  return { ...rewritten, components: { ...components, responses } };
}

/** The block openapi-typescript writes for every operation and path without parameters. */
const NO_PARAMETERS = /parameters: \{\s*query\?: never;\s*header\?: never;\s*path\?: never;\s*cookie\?: never;\s*\};/g;

/** A response block's closing run of problem references (as astToString prints them). */
const PROBLEM_RUN = /((?:\n\s*\d{3}: components\[["']responses["']\]\[["']Problem\d{3}["']\];)+)\n(\s*)\};/g;

/** The TypeScript types of an OpenAPI document, formatted the way the repository formats code. */
export async function renderApiTypes(document: unknown): Promise<string> {
  const compact = hoistProblemResponses(hoistTitledSchemas(document as Json));
  const ast = await openapiTS(compact as unknown as OpenAPI3, { alphabetize: true });
  // The same four `never`s hundreds of times say one thing: no parameters. One alias says it once.
  const source = astToString(ast)
    .replace(NO_PARAMETERS, 'parameters: NoParameters;')
    // Each operation's ten problem responses, one line each, become one `& Problems<…>`.
    .replace(PROBLEM_RUN, (_run, lines: string, indent: string) => {
      const statuses = [...lines.matchAll(/Problem(\d{3})["']\]/g)].map((match) => match[1]).join(' | ');
      return `\n${indent}} & Problems<${statuses}>;`;
    });
  const alias = [
    'type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };',
    "type Problems<S extends number> = { [K in S]: components['responses'][Extract<`Problem${K}`, keyof components['responses']>] };",
    '',
  ].join('\n');
  const config = (await resolveConfig(API_TYPES_FILE)) ?? {};
  return format(`${HEADER}\n${alias}\n${source}`, { ...config, filepath: API_TYPES_FILE });
}
