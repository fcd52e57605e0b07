/**
 * Test support shared with other packages' tests (not product code): the incident fixtures and
 * the fixtures built from assertions, used by the catalogue's tests of the shipped requirement set.
 */
export { conformingIncident, incidentFixture } from './assertions/fixtures/incident.ts';
export { synthesize } from './assertions/fixtures/synthesize.ts';
export { breakAssertion } from './assertions/fixtures/break-assertion.ts';
