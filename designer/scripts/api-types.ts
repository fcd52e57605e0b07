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

/** The TypeScript types of an OpenAPI document, formatted the way the repository formats code. */
export async function renderApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(hoistTitledSchemas(document as Json) as unknown as OpenAPI3, { alphabetize: true });
  const config = (await resolveConfig(API_TYPES_FILE)) ?? {};
  return format(`${HEADER}\n${astToString(ast)}`, { ...config, filepath: API_TYPES_FILE });
}
