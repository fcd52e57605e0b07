import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser, requireUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/signed-in.ts';
import { LocaleSchema } from '@clauseflow/application';
import { serviceCatalogue } from './service-catalogue.ts';

const CatalogueEntrySchema = Type.Object(
  {
    key: Type.String({ description: 'The process key.' }),
    version: Type.Integer({ description: 'The published version a new request starts on.' }),
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    startForm: Type.Union([Type.String(), Type.Null()], { description: 'The id of the form that starts a request.' }),
    startUrl: Type.String({ description: 'POST here with the form data to start a request.' }),
  },
  { additionalProperties: false, title: 'CatalogueEntry' },
);

/**
 * `/api/portal`: the requester portal. The service catalogue lists the published processes the
 * caller may start whose audience includes the caller's platform roles and organizations.
 */
export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { processes, definitions } = app.platform;

  app.get(
    '/portal/catalogue',
    {
      preHandler: requireUser,
      schema: {
        tags: ['portal'],
        security: SIGNED_IN,
        summary: 'The service catalogue for the caller, in their language or `locale`',
        querystring: Type.Object({ locale: Type.Optional(LocaleSchema) }, { additionalProperties: false }),
        response: {
          200: Type.Object(
            { locale: LocaleSchema, items: Type.Array(CatalogueEntrySchema) },
            { additionalProperties: false, title: 'ServiceCatalogue' },
          ),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const locale = request.query.locale ?? user.locale;
      return { locale, items: await serviceCatalogue({ processes, definitions }, user, locale) };
    },
  );
};
