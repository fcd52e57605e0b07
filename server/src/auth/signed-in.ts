/** `security` of a route that needs a signed-in caller (session cookie or bearer token), for OpenAPI. */
export const SIGNED_IN: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
