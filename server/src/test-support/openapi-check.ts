import type { LightMyRequestResponse } from 'fastify';
import { assertMatches } from './schema-check.ts';

/** The parts of an OpenAPI 3.1 document the checks read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>
  >;
}

/** `/api/users/:id` → `/api/users/{id}` (how @fastify/swagger names paths). */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Checks a response against the schema the OpenAPI document declares for its route, status and
 * content type (so the document, not only Fastify's serializer, is proven right).
 */
export function expectDeclaredResponse(
  doc: OpenApiDocument,
  method: string,
  routeUrl: string,
  response: LightMyRequestResponse,
): void {
  const operation = doc.paths[openapiPath(routeUrl)]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${routeUrl} is not in the OpenAPI document`);
  const declared = operation.responses?.[String(response.statusCode)];
  if (!declared) throw new Error(`${method} ${routeUrl} does not declare status ${response.statusCode}`);
  if (!declared.content) {
    if (response.body !== '') throw new Error(`${method} ${routeUrl} ${response.statusCode} declares no body`);
    return;
  }
  const type = String(response.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  const schema = declared.content[type]?.schema;
  if (!schema) throw new Error(`${method} ${routeUrl} ${response.statusCode} declares no ${type} content`);
  assertMatches(
    schema,
    type.includes('json') ? response.json() : response.body,
    `${method} ${routeUrl} ${response.statusCode}`,
  );
}
