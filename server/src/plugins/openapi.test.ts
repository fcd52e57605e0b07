import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { openapiPath, type OpenApiDocument } from '../test-support/openapi-check.ts';
import { testApp } from '../test-support/test-app.ts';

describe('the OpenAPI document (GET /openapi.json) and the docs (/docs)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let doc: OpenApiDocument & { components: { schemas?: object; securitySchemes: object } };

  beforeAll(async () => {
    t = await openTestDatabase('openapi');
    ({ app } = await testApp(t.db));
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given the running app, when its document is validated against the OpenAPI 3.1 schema, then it is valid', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('given every route the app registered, then each documented one appears with each of its methods', () => {
    const documented = app.platform.routes.filter((route) => !route.hidden);
    expect(documented.length).toBeGreaterThan(10);
    for (const route of documented) {
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        expect(doc.paths[openapiPath(route.url)]?.[method.toLowerCase()], `${method} ${route.url}`).toBeDefined();
      }
    }
    // Routes left out are only the document itself, the docs UI and the web app's static files.
    const hidden = app.platform.routes.filter((route) => route.hidden).map((route) => route.url);
    for (const url of hidden) expect(url).toMatch(/^(\/openapi\.json|\/docs.*|\/\*?|\/)$/);
  });

  it('given any documented operation, then every error status is declared as application/problem+json', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const status of ['400', '401', '404', '429', '500']) {
          expect(
            operation.responses?.[status]?.content?.['application/problem+json'],
            `${method} ${path} ${status}`,
          ).toBeDefined();
        }
      }
    }
  });

  it('given a browser, when /docs is opened, then the interactive docs page is served', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Swagger UI');
  });
});
