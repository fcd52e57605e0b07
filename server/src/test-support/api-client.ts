import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expectDeclaredResponse, type OpenApiDocument } from './openapi-check.ts';

/**
 * Injects requests and checks every response against the schema the app's own OpenAPI
 * document declares for that route and status.
 */
export class ApiClient {
  private constructor(
    readonly app: FastifyInstance,
    readonly doc: OpenApiDocument,
  ) {}

  static async for(app: FastifyInstance): Promise<ApiClient> {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    return new ApiClient(app, response.json<OpenApiDocument>());
  }

  /** `route` is the route pattern (e.g. `/api/users/:id`); `url` the concrete URL (defaults to `route`). */
  async call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    route: string,
    options: Omit<InjectOptions, 'method' | 'url'> & { url?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const { url, ...rest } = options;
    const response = await this.app.inject({ method, url: url ?? route, ...rest });
    expectDeclaredResponse(this.doc, method, route, response);
    return response;
  }
}
