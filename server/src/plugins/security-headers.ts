import fastifyHelmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The Content-Security-Policy for the built web app: its own scripts, styles and workers only;
 * inline styles are allowed because component libraries inject them; the API is same-origin.
 * `upgrade-insecure-requests` is left out so a plain-HTTP deployment (localhost) still loads.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

/** Security headers (helmet) on every response. */
const securityHeaders: FastifyPluginAsync = async (app) => {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // The web app loads no cross-origin resources, but neither needs to demand CORP from them.
    crossOriginEmbedderPolicy: false,
  });
};

/** The security-headers plugin (not encapsulated). */
export const securityHeadersPlugin = fp(securityHeaders, { name: 'clauseflow-security-headers' });
