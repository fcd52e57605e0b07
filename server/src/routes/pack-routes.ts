import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** `/api/packs` and `/api/catalogue`. */
export const packRoutes: FastifyPluginAsyncTypebox = async () => {};
